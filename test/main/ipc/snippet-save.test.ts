import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore } from '../../../src/main/core/app-core'
import { createSessionCipher } from '../../../src/main/core/vault/aes-cipher'
import { secretKey } from '../../../src/main/core/vault/vault'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { dispatch, type Handlers } from '../../../src/main/ipc/dispatch'
import type { Envelope } from '../../../src/shared/model/errors'

// A saved snippet may hold inlined secrets: it is written for the user alone (0600, 0700 for the cURL script,
// which is run directly), atomically, and an existing world-readable file it replaces does not keep its mode.

const TOKEN = 'nsk-v2-token-save-0123456789abcdef'
let root: string
let core: AppCore
let handlers: Handlers
let savePath: string | null = null

async function save(language: 'python' | 'curl'): Promise<string> {
  const result = (await dispatch(
    handlers,
    'snippet:save',
    { spec: { method: 'GET', url: 'https://t.example/api/v2/x', query: [], headers: [], body: { kind: 'none' } }, environmentId: 'env-ns', language, inlineSecrets: true },
    () => undefined
  )) as Envelope<{ path: string | null }>
  if (!result.ok) throw new Error(`${result.error.code} ${result.error.message}`)
  if (result.value.path === null) throw new Error('no path')
  return result.value.path
}

const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'snippet-save-'))
  core = await createAppCore({ dataDir: join(root, 'data'), tempDir: join(root, 'bodies'), startSandbox: false, cipher: createSessionCipher(null, true) })
  handlers = createHandlers(core, { pickFile: async () => null, pickSavePath: async () => savePath })
  await core.environments.save({
    id: 'env-ns',
    name: 'Tenant',
    api: 'netskope',
    baseUrl: 'https://t.example',
    variables: [],
    tls: { verify: true, caPath: null },
    auth: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' },
    sandbox: false
  })
  await core.vault.set(secretKey('env-ns', 'v2Token'), TOKEN)
})

afterAll(async () => {
  await core?.close()
  if (root) await rm(root, { recursive: true, force: true })
})

describe('snippet:save writes files only the user can read', () => {
  it('Python: 0600; cURL: 0700 (an executable script), both holding the inlined secret', async () => {
    const folder = await mkdtemp(join(root, 'new-'))
    savePath = join(folder, 'request.py')
    expect(await modeOf(await save('python'))).toBe(0o600)
    savePath = join(folder, 'request.sh')
    expect(await modeOf(await save('curl'))).toBe(0o700)
    expect(await readFile(join(folder, 'request.sh'), 'utf8')).toContain(TOKEN)
    expect((await readdir(folder)).sort(), 'no temp file is left behind').toEqual(['request.py', 'request.sh'])
  })

  it('replacing an existing 0644 / 0755 file gives 0600 / 0700, never the old mode', async () => {
    const folder = await mkdtemp(join(root, 'existing-'))
    for (const [name, language, before, after] of [
      ['old.py', 'python', 0o644, 0o600],
      ['old.sh', 'curl', 0o755, 0o700]
    ] as const) {
      savePath = join(folder, name)
      await writeFile(savePath, 'old content\n')
      await chmod(savePath, before)
      await save(language)
      expect(await modeOf(savePath)).toBe(after)
      expect(await readFile(savePath, 'utf8')).toContain(TOKEN)
    }
  })
})
