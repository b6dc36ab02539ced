import { chmod, lstat, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { assertPrivateDirectory, createPrivateTempDir } from '../../../src/main/core/private-temp-dir'

let parent = ''
beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'private-temp-parent-'))
})
afterEach(() => rm(parent, { recursive: true, force: true }))

async function describeDir(path: string): Promise<{ directory: boolean; mode: number; uid: number }> {
  const info = await lstat(path)
  return { directory: info.isDirectory(), mode: info.mode & 0o777, uid: info.uid }
}

describe('createPrivateTempDir (the response-body folder)', () => {
  it('never uses the old predictable <temp>/cloudsec-api-explorer-<pid>, whoever made it', async () => {
    // Another local user could have created it first: as a world-writable folder, or a link to their own.
    const predictable = join(parent, `cloudsec-api-explorer-${process.pid}`)
    const theirs = join(parent, 'theirs')
    await mkdir(theirs)
    await symlink(theirs, predictable)
    const made = await createPrivateTempDir(parent, 'cloudsec-api-explorer-')
    expect(made.path).not.toBe(predictable)
    expect(made.path.startsWith(join(parent, 'cloudsec-api-explorer-'))).toBe(true)
    expect(await describeDir(made.path)).toEqual({ directory: true, mode: 0o700, uid: process.getuid?.() })
    expect(await readdir(theirs)).toEqual([])
  })

  it('makes a fresh folder each time and removes it with its files', async () => {
    const first = await createPrivateTempDir(parent, 'cloudsec-api-explorer-')
    const second = await createPrivateTempDir(parent, 'cloudsec-api-explorer-')
    expect(first.path).not.toBe(second.path)
    await writeFile(join(first.path, 'x.body'), 'secret response')
    await first.remove()
    expect(await readdir(parent)).toEqual([second.path.slice(parent.length + 1)])
  })

  it('says what is wrong when the parent folder is missing', async () => {
    await expect(createPrivateTempDir(join(parent, 'missing'), 'cloudsec-api-explorer-')).rejects.toThrow(/response bodies.*missing/)
  })
})

describe('assertPrivateDirectory', () => {
  it('refuses a symlink and a folder others can open', async () => {
    const open = join(parent, 'open')
    await mkdir(open)
    await chmod(open, 0o755)
    const link = join(parent, 'link')
    const mine = join(parent, 'mine')
    await mkdir(mine, { mode: 0o700 })
    await symlink(mine, link)
    await expect(assertPrivateDirectory(open)).rejects.toThrow(/0755/)
    await expect(assertPrivateDirectory(link)).rejects.toThrow(/not a folder/)
    await expect(assertPrivateDirectory(mine)).resolves.toBeUndefined()
  })
})
