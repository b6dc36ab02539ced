import { access, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { serializeRequest } from '../../../../src/main/core/collections/files'
import { SavedRequestSchema } from '../../../../src/shared/collections/saved-request'
import { repo, sampleRequest, tempDir } from './helpers'

const PASSWD = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n'

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false
  )
}

/** A collection, and beside it a folder it must never reach: holding a request file and a "secret" file. */
async function setup(): Promise<{ dir: string; outside: string; collections: ReturnType<typeof repo> }> {
  const base = await tempDir('symlinks-')
  const dir = join(base, 'collection')
  const outside = join(base, 'outside')
  await mkdir(outside)
  await writeFile(join(outside, 'passwd'), PASSWD)
  const victim = { ...sampleRequest('Victim'), id: 'victim' }
  victim.request = { ...victim.request, method: 'POST', body: { kind: 'multipart', parts: [{ kind: 'file', name: 'f', path: join(outside, 'passwd') }] } }
  await writeFile(join(outside, 'victim.request.json'), serializeRequest(SavedRequestSchema.parse(victim)))
  const collections = repo()
  await collections.create(dir, 'C')
  await symlink(outside, join(dir, 'linked'), 'dir')
  return { dir, outside, collections }
}

const refused = { code: 'INVALID_INPUT', message: expect.stringMatching(/outside the collection/) }

describe('symlinks inside a collection folder never reach outside it', () => {
  let dir: string
  let outside: string
  let collections: ReturnType<typeof repo>
  beforeEach(async () => {
    ;({ dir, outside, collections } = await setup())
  })

  it('refuses to save into a symlinked folder that points outside', async () => {
    await expect(collections.saveRequest(dir, { folder: 'linked', request: sampleRequest('Planted') })).rejects.toMatchObject(refused)
    await expect(collections.saveRequest(dir, { path: 'linked/victim.request.json', request: sampleRequest('Over') })).rejects.toMatchObject(refused)
    await expect(collections.createFolder(dir, 'linked', 'Sub')).rejects.toMatchObject(refused)
    expect((await readdir(outside)).sort()).toEqual(['passwd', 'victim.request.json'])
    expect(await readFile(join(outside, 'victim.request.json'), 'utf8')).toContain('"Victim"')
  })

  it('refuses to delete, rename or move through a symlink that points outside', async () => {
    await expect(collections.deleteRequest(dir, 'linked/victim.request.json')).rejects.toMatchObject(refused)
    await expect(collections.renameRequest(dir, 'linked/victim.request.json', 'Renamed')).rejects.toMatchObject(refused)
    await expect(collections.deleteFolder(dir, 'linked')).rejects.toMatchObject(refused)
    const own = await collections.saveRequest(dir, { request: sampleRequest('Own') })
    await expect(collections.moveRequest(dir, own.path, 'linked')).rejects.toMatchObject(refused)
    expect((await readdir(outside)).sort()).toEqual(['passwd', 'victim.request.json'])
    expect(await exists(join(dir, own.path))).toBe(true)
  })

  it('refuses to read a request file that is a symlink to outside (so its file paths are never granted)', async () => {
    await symlink(join(outside, 'victim.request.json'), join(dir, 'evil.request.json'))
    await expect(collections.readRequest(dir, 'evil.request.json')).rejects.toMatchObject(refused)
    await expect(collections.readRequest(dir, 'linked/victim.request.json')).rejects.toMatchObject(refused)
    await expect(collections.duplicateRequest(dir, 'evil.request.json')).rejects.toMatchObject(refused)
  })

  it('refuses a dangling symlink that would create a file outside', async () => {
    await symlink(join(outside, 'planted.request.json'), join(dir, 'dangling.request.json'))
    await expect(collections.saveRequest(dir, { path: 'dangling.request.json', request: sampleRequest('x') })).rejects.toMatchObject(refused)
    expect(await exists(join(outside, 'planted.request.json'))).toBe(false)
  })

  it('never follows a symlinked manifest to outside', async () => {
    const sub = await collections.createFolder(dir, '', 'Events')
    await rm(join(dir, sub.path, 'folder.json'))
    await symlink(join(outside, 'passwd'), join(dir, sub.path, 'folder.json'))
    const tree = await collections.open(dir)
    expect(JSON.stringify(tree)).not.toContain('root:x')
    await collections.saveRequest(dir, { folder: sub.path, request: sampleRequest('Inside') }).catch(() => undefined)
    expect(await readFile(join(outside, 'passwd'), 'utf8')).toBe(PASSWD)
  })

  it('still allows a symlink that stays inside the collection', async () => {
    const events = await collections.createFolder(dir, '', 'Events')
    const saved = await collections.saveRequest(dir, { folder: events.path, request: sampleRequest('Inner') })
    await symlink(join(dir, events.path), join(dir, 'alias'), 'dir')
    const read = await collections.readRequest(dir, `alias/${saved.path.split('/').pop()}`)
    expect(read.name).toBe('Inner')
  })

  it('reports a file that does not parse by name and line/column, never by its content', async () => {
    await writeFile(join(dir, 'bad.request.json'), PASSWD)
    await writeFile(join(dir, 'broken.request.json'), '{\n  "name": "x",\n  "id": root:x:0:0\n}\n')
    const tree = await collections.open(dir)
    const problems = JSON.stringify(tree.problems)
    expect(problems).not.toContain('root:x')
    expect(problems).not.toContain('daemon')
    expect(tree.problems).toEqual([
      { path: 'bad.request.json', reason: expect.stringMatching(/line 1, column 1/) },
      { path: 'broken.request.json', reason: expect.stringMatching(/line 3, column 9/) }
    ])
    const error = await collections.readRequest(dir, 'bad.request.json').catch((caught: Error) => caught)
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('bad.request.json') })
    expect(JSON.stringify(error)).not.toContain('root:x')
    expect((error as Error).message).not.toContain('root:x')
  })
})
