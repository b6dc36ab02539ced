import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CollectionNode, FolderNode } from '../../../../src/shared/collections/saved-request'
import { repo, sampleRequest, tempDir } from './helpers'

function names(folder: FolderNode): string[] {
  return folder.children.map((child: CollectionNode) => child.name)
}

describe('CollectionRepository: save and list', () => {
  it('round-trips a request with operation, environment, auth reference and iterator settings', async () => {
    const dir = await tempDir()
    const collections = repo()
    await collections.create(dir, 'Netskope exports')
    const input = sampleRequest('Page events', {
      operationId: 'netskope.dataexport.events',
      environmentId: 'env-prod',
      auth: { kind: 'profile', profile: { kind: 'netskope', v2Scheme: 'bearer', v1Placement: 'query' } },
      iterator: { index: 'team_a', operation: 'next' },
      description: 'Pulls page events'
    })
    const result = await collections.saveRequest(dir, { request: input })
    expect(result.path).toBe('page-events.request.json')
    expect(result.saved.id).toBe('id-1')
    expect(result.replacedSecrets).toEqual([])
    const read = await collections.readRequest(dir, result.path)
    expect(read).toEqual(result.saved)
    expect(read.iterator).toEqual({ index: 'team_a', operation: 'next' })
    expect(read.auth).toEqual({ kind: 'profile', profile: { kind: 'netskope', v2Scheme: 'bearer', v1Placement: 'query' } })
    const tree = await collections.open(dir)
    expect(tree).toMatchObject({ name: 'Netskope exports', manifest: 'ok', requestCount: 1, problems: [] })
    expect(tree.root.children[0]).toMatchObject({ type: 'request', name: 'Page events', method: 'GET', id: 'id-1' })
  })

  it('writes sorted keys, 2-space indent and identical bytes when saved again', async () => {
    const dir = await tempDir()
    const collections = repo()
    await collections.create(dir, 'C')
    const first = await collections.saveRequest(dir, { request: sampleRequest('Stable') })
    const bytes1 = await readFile(join(dir, first.path), 'utf8')
    const reread = await collections.readRequest(dir, first.path)
    await collections.saveRequest(dir, { path: first.path, request: reread })
    const bytes2 = await readFile(join(dir, first.path), 'utf8')
    expect(bytes2).toBe(bytes1)
    expect(bytes1.endsWith('}\n')).toBe(true)
    expect(bytes1).not.toMatch(/\r|\t/)
    const topKeys = Object.keys(JSON.parse(bytes1) as object)
    expect(topKeys).toEqual([...topKeys].sort())
    expect(bytes1).toContain('\n  "formatVersion": 1,\n')
    // No volatile fields: nothing that looks like a timestamp.
    expect(bytes1).not.toMatch(/\d{4}-\d{2}-\d{2}T/)
    const manifest1 = await readFile(join(dir, 'collection.json'), 'utf8')
    await collections.saveRequest(dir, { path: first.path, request: reread })
    expect(await readFile(join(dir, 'collection.json'), 'utf8')).toBe(manifest1)
  })

  it('gives clashing names distinct files and keeps the folder order', async () => {
    const dir = await tempDir()
    const collections = repo()
    await collections.create(dir, 'C')
    const a = await collections.saveRequest(dir, { request: sampleRequest('List alerts') })
    const b = await collections.saveRequest(dir, { request: sampleRequest('List Alerts!') })
    const c = await collections.saveRequest(dir, { request: sampleRequest('Aaa first'), index: 0 })
    expect([a.path, b.path, c.path]).toEqual(['list-alerts.request.json', 'list-alerts-2.request.json', 'aaa-first.request.json'])
    const tree = await collections.open(dir)
    expect(names(tree.root)).toEqual(['Aaa first', 'List alerts', 'List Alerts!'])
  })

  it('opens a plain folder without collection.json and shows files a merge added without listing them', async () => {
    const dir = await tempDir()
    const collections = repo()
    await collections.create(dir, 'C')
    await collections.saveRequest(dir, { request: sampleRequest('Zed') })
    const other = await tempDir()
    const plain = await collections.saveRequest(other, { request: sampleRequest('Alpha') })
    await writeFile(join(dir, plain.path), await readFile(join(other, plain.path)))
    const tree = await collections.open(dir)
    expect(names(tree.root)).toEqual(['Zed', 'Alpha'])
    const bare = await tempDir()
    await writeFile(join(bare, 'x.request.json'), await readFile(join(other, plain.path)))
    await writeFile(join(bare, 'README.md'), '# notes')
    const bareTree = await collections.open(bare)
    expect(bareTree.manifest).toBe('missing')
    expect(bareTree.requestCount).toBe(1)
    expect(await readdir(bare)).toEqual(['README.md', 'x.request.json'])
  })

  it('rejects paths that leave the collection', async () => {
    const dir = await tempDir()
    const collections = repo()
    await collections.create(dir, 'C')
    await expect(collections.readRequest(dir, '../x.request.json')).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(collections.saveRequest(dir, { folder: '../..', request: sampleRequest('x') })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(collections.deleteFolder(dir, '.git')).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(collections.open('relative/path')).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })

  it('rejects an invalid request with a message naming the field', async () => {
    const dir = await tempDir()
    const collections = repo()
    await collections.create(dir, 'C')
    await expect(collections.saveRequest(dir, { request: { ...sampleRequest('x'), name: '  ' } })).rejects.toThrow(/name/)
  })
})

describe('CollectionRepository: files that do not parse', () => {
  it('reports a corrupt request file with path and reason and never rewrites it', async () => {
    const dir = await tempDir()
    const collections = repo()
    await collections.create(dir, 'C')
    await collections.saveRequest(dir, { request: sampleRequest('Good') })
    await mkdir(join(dir, 'sub'))
    const broken = '{"formatVersion": 1, "name": "half'
    const invalid = JSON.stringify({ formatVersion: 1, id: 'x', name: 'Bad method', request: { method: '', url: 'x' } })
    await writeFile(join(dir, 'broken.request.json'), broken)
    await writeFile(join(dir, 'sub', 'invalid.request.json'), invalid)
    const tree = await collections.open(dir)
    expect(tree.requestCount).toBe(1)
    expect(tree.problems.map((problem) => problem.path)).toEqual(['broken.request.json', 'sub/invalid.request.json'])
    expect(tree.problems[0]?.reason).toMatch(/not valid JSON/)
    expect(tree.problems[1]?.reason).toMatch(/request\.method/)
    await expect(collections.saveRequest(dir, { path: 'broken.request.json', request: sampleRequest('Over') })).rejects.toThrow(/not overwritten/)
    await expect(collections.renameRequest(dir, 'broken.request.json', 'New')).rejects.toThrow(/does not parse/)
    await expect(collections.duplicateRequest(dir, 'sub/invalid.request.json')).rejects.toThrow(/left unchanged/)
    expect(await readFile(join(dir, 'broken.request.json'), 'utf8')).toBe(broken)
    expect(await readFile(join(dir, 'sub', 'invalid.request.json'), 'utf8')).toBe(invalid)
    expect((await readdir(dir)).sort()).toEqual(['broken.request.json', 'collection.json', 'good.request.json', 'sub'])
  })

  it('keeps working with a corrupt collection.json, warns and leaves it untouched', async () => {
    const dir = await tempDir()
    const collections = repo()
    await writeFile(join(dir, 'collection.json'), '{ nope')
    const tree = await collections.open(dir)
    expect(tree.manifest).toBe('corrupt')
    expect(tree.problems[0]?.path).toBe('collection.json')
    const saved = await collections.saveRequest(dir, { request: sampleRequest('Still saved') })
    expect(saved.warnings[0]).toMatch(/collection\.json does not parse/)
    expect(await readFile(join(dir, 'collection.json'), 'utf8')).toBe('{ nope')
    await expect(collections.create(dir, 'Other')).rejects.toThrow(/left unchanged/)
    expect((await collections.open(dir)).requestCount).toBe(1)
  })
})
