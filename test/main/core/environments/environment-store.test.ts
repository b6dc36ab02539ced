import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openEnvironmentRepository } from '../../../../src/main/core/environments'

/* The environments file on disk: version 2 adds a colour tag, the production mark and secret variables. */
let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'env-store-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const V1_FILE = {
  version: 1,
  environments: [
    {
      id: 'old', name: 'Old tenant', api: 'generic', baseUrl: 'https://old.example.com',
      variables: [{ name: 'tenant', value: 'acme', enabled: true }], tls: { verify: true, caPath: null }, auth: { kind: 'none' }, sandbox: false
    }
  ]
}

describe('environment store', () => {
  it('migrates a version 1 file: no colour, not production, plain variables; the next write is version 2', async () => {
    await writeFile(join(dir, 'environments.json'), JSON.stringify(V1_FILE))
    const notices: string[] = []
    const repo = await openEnvironmentRepository(dir, notices)
    const env = repo.get('old')
    expect(notices).toEqual([])
    expect(env).toMatchObject({ id: 'old', color: null, production: false, variables: [{ name: 'tenant', value: 'acme', enabled: true, secret: false }] })
    await repo.save({ ...env, name: 'Renamed', color: 'red', production: true })
    const written = JSON.parse(await readFile(join(dir, 'environments.json'), 'utf8')) as { version: number; environments: unknown[] }
    expect(written.version).toBe(2)
    expect(written.environments[0]).toMatchObject({ name: 'Renamed', color: 'red', production: true })
    const reopened = await openEnvironmentRepository(dir, [])
    expect(reopened.get('old')).toMatchObject({ name: 'Renamed', color: 'red', production: true })
  })

  it('moves a file of an unknown version aside and reports it, never overwriting it', async () => {
    await writeFile(join(dir, 'environments.json'), JSON.stringify({ ...V1_FILE, version: 9 }))
    const notices: string[] = []
    const repo = await openEnvironmentRepository(dir, notices)
    expect(repo.list()).toEqual([])
    expect(notices[0]).toMatch(/Environments file was unreadable .* moved to/)
    const names = await readdir(dir)
    expect(names.some((name) => name.startsWith('environments.json.corrupt-'))).toBe(true)
  })

  it('refuses a secret variable that carries its value, and colours outside the palette', async () => {
    const repo = await openEnvironmentRepository(dir, [])
    const base = { id: 'e', name: 'E', api: 'generic' as const, baseUrl: '', tls: { verify: true, caPath: null }, auth: { kind: 'none' as const }, sandbox: false }
    await expect(repo.save({ ...base, variables: [{ name: 'token', value: 'leak', enabled: true, secret: true }] })).rejects.toThrow(/vault/)
    await expect(repo.save({ ...base, variables: [], color: 'url(javascript:x)' as never })).rejects.toThrow(/color/)
    expect(repo.list()).toEqual([])
  })
})
