import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore } from '../../../../src/main/core/app-core'
import { openImportedCatalogStore } from '../../../../src/main/core/catalog-import/imported-store'
import { createSessionCipher } from '../../../../src/main/core/vault/aes-cipher'
import { dispatch, type Handlers } from '../../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../../src/main/ipc/handlers'
import type { ImportedCatalog } from '../../../../src/shared/catalog/imported'
import type { Envelope } from '../../../../src/shared/model/errors'

const FIXTURE = join(import.meta.dirname, 'fixtures', 'petstore-swagger2-dangling.json')
let root: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'imported-catalogs-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('imported catalog store', () => {
  it('persists an import, lists it after a restart, replaces a re-import and removes it', async () => {
    const store = openImportedCatalogStore(root)
    const catalog = await store.importFile(FIXTURE)
    expect(catalog.report.imported).toBe(4)
    expect(await readdir(join(root, 'catalogs'))).toEqual([`${catalog.id}.json`])

    const reopened = openImportedCatalogStore(root)
    const listed = await reopened.list()
    expect(listed.notices).toEqual([])
    expect(listed.catalogs.map((c) => c.id)).toEqual([catalog.id])
    expect(listed.catalogs[0]?.operations).toEqual(catalog.operations)

    await reopened.importFile(FIXTURE)
    expect((await reopened.list()).catalogs).toHaveLength(1)
    expect(await reopened.remove(catalog.id)).toBe(true)
    expect(await reopened.remove(catalog.id)).toBe(false)
    expect(await readdir(join(root, 'catalogs'))).toEqual([])
    expect((await openImportedCatalogStore(root).list()).catalogs).toEqual([])
  })

  it('moves a corrupt catalog file aside and says so; refuses ids that are not file-safe', async () => {
    const store = openImportedCatalogStore(root)
    await store.importFile(FIXTURE)
    await writeFile(join(root, 'catalogs', 'broken.json'), '{"version": 1, "catalog": {"id": 3}}')
    const listed = await openImportedCatalogStore(root).list()
    expect(listed.catalogs).toHaveLength(1)
    expect(listed.notices[0]).toMatch(/broken\.json was unreadable .* moved to .*broken\.json\.corrupt-/)
    await expect(store.remove('../environments')).rejects.toThrow(/not an imported catalog id/)
  })

  it('reports a file that cannot be read', async () => {
    await expect(openImportedCatalogStore(root).importFile(join(root, 'missing.yaml'))).rejects.toThrow(/could not be read/)
  })
})

describe('catalog IPC handlers', () => {
  let core: AppCore
  let handlers: Handlers
  let picked: string | null = null
  const call = async <T>(command: string, input: unknown): Promise<Envelope<T>> => (await dispatch(handlers, command, input, () => undefined)) as Envelope<T>

  beforeEach(async () => {
    core = await createAppCore({ dataDir: join(root, 'data'), tempDir: join(root, 'bodies'), startSandbox: false, cipher: createSessionCipher(null, true) })
    handlers = createHandlers(core, { pickFile: async () => null, pickImportFile: async (kind) => (kind === 'openapi' ? picked : null) })
  })
  afterEach(async () => {
    await core.close()
  })

  it('imports the file picked in main, lists and removes it; a cancelled dialog imports nothing; garbage is a readable error', async () => {
    picked = null
    expect(await call('catalog:import', {})).toEqual({ ok: true, value: { catalog: null } })
    picked = FIXTURE
    const imported = await call<{ catalog: ImportedCatalog }>('catalog:import', {})
    if (!imported.ok) throw new Error(imported.error.message)
    const listed = await call<{ catalogs: ImportedCatalog[] }>('catalog:list-imported', {})
    expect(listed.ok && listed.value.catalogs.map((c) => c.title)).toEqual(['Pet store <b>v2</b>'])
    expect(await call('catalog:remove-imported', { id: imported.value.catalog.id })).toEqual({ ok: true, value: { removed: true } })

    expect(await call('catalog:cancel-import', { importId: 'none-running' })).toEqual({ ok: true, value: { cancelled: false } })

    picked = join(root, 'garbage.yaml')
    await writeFile(picked, 'key: [unclosed\n  - : :')
    const failed = await call('catalog:import', {})
    expect(failed.ok).toBe(false)
    expect(!failed.ok && failed.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/garbage\.yaml could not be imported: not valid YAML/) })
  })
})
