import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '@shared/model/settings'
import { createAppCore, type AppCore } from '../../../../src/main/core/app-core'
import { createSessionCipher } from '../../../../src/main/core/vault/aes-cipher'
import { dispatch } from '../../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../../src/main/ipc/handlers'

const cores: AppCore[] = []
const roots: string[] = []
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()))
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })))
})

async function start(prepare: (dataDir: string) => Promise<void>): Promise<{ core: AppCore; dataDir: string }> {
  const root = await mkdtemp(join(tmpdir(), 'corrupt-start-'))
  roots.push(root)
  const dataDir = join(root, 'data')
  await mkdir(dataDir, { recursive: true })
  await prepare(dataDir)
  const core = await createAppCore({ dataDir, tempDir: join(root, 'bodies'), startSandbox: false, cipher: createSessionCipher(null, true) })
  cores.push(core)
  return { core, dataDir }
}

const TORN = {
  'settings.json': '{"connectTimeoutMs": 5000, "totalTi',
  'vault.json': '{"version": 1, "entries": {"env/apiKey": 42}}',
  'open-collections.json': '\u0000\u0000\u0000\u0000'
}

describe('a corrupt file at start', () => {
  it('settings, vault and open-collections files are moved aside with a timestamp, reported, and the core starts', async () => {
    const { core, dataDir } = await start(async (dir) => {
      for (const [name, text] of Object.entries(TORN)) await writeFile(join(dir, name), text)
    })
    const names = await readdir(dataDir)
    for (const [name, text] of Object.entries(TORN)) {
      const aside = names.find((entry) => entry.startsWith(`${name}.corrupt-`))
      expect(aside, `${name} moved aside`).toMatch(/\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/)
      // Byte for byte what was there: nothing is lost, the user can recover it.
      expect(await readFile(join(dataDir, aside ?? ''), 'utf8')).toBe(text)
      expect(core.notices.some((notice) => notice.includes(join(dataDir, aside ?? '')))).toBe(true)
    }
    expect(core.notices.find((notice) => notice.startsWith('Settings file'))).toMatch(/not valid JSON/)
    expect(core.notices.find((notice) => notice.includes('vault'))).toMatch(/entries\.env\/apiKey/)

    // The core works on defaults and writes fresh files beside the kept copies.
    expect(core.settings.get()).toEqual(DEFAULT_SETTINGS)
    await core.settings.update({ connectTimeoutMs: 7000 })
    await core.vault.set('env/apiKey', 'new-secret')
    expect(JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({ connectTimeoutMs: 7000 })
    expect(await core.vault.reveal('env/apiKey')).toBe('new-secret')
    expect(await core.openCollections.list()).toEqual([])
  })

  it('reaches the renderer through app:notices until dismissed', async () => {
    const { core } = await start((dir) => writeFile(join(dir, 'settings.json'), 'nope'))
    const handlers = createHandlers(core, { pickFile: async () => null })
    const emit = (): void => undefined
    const listed = await dispatch(handlers, 'app:notices', {}, emit)
    expect(listed.ok).toBe(true)
    const notices = listed.ok ? (listed.value as string[]) : []
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatch(/^Settings file was unreadable \(not valid JSON: .*\); it was moved to .*settings\.json\.corrupt-.* and defaults are used\.$/)
    expect(await dispatch(handlers, 'app:dismiss-notices', {}, emit)).toEqual({ ok: true, value: { dismissed: 1 } })
    expect(await dispatch(handlers, 'app:notices', {}, emit)).toEqual({ ok: true, value: [] })
  })

  it('a corrupt request file in an open collection is reported and left as it is (it is the user’s, maybe under git)', async () => {
    const { core } = await start(async (dir) => {
      const folder = join(dir, '..', 'collection')
      await mkdir(folder)
      await writeFile(join(folder, 'collection.json'), JSON.stringify({ formatVersion: 1, name: 'C', order: [] }))
      await writeFile(join(folder, 'broken.request.json'), '<<<<<<< HEAD\n{"merge": "conflict"}')
      await writeFile(join(dir, 'open-collections.json'), JSON.stringify({ folders: [folder] }))
    })
    expect(core.notices).toEqual([])
    const [open] = await core.openCollections.list()
    expect(open?.tree?.problems).toEqual([{ path: 'broken.request.json', reason: expect.stringMatching(/not valid JSON/) }])
    const folder = open?.folder ?? ''
    await expect(
      core.collections.saveRequest(folder, {
        path: 'broken.request.json',
        request: { name: 'x', request: { method: 'GET', url: 'https://x.test', query: [], headers: [], body: { kind: 'none' } } }
      })
    ).rejects.toThrow(/does not parse/)
    expect(await readFile(join(folder, 'broken.request.json'), 'utf8')).toBe('<<<<<<< HEAD\n{"merge": "conflict"}')
  })
})
