/**
 * Collections: a collection of 1,000 saved requests (10 folders of 100), written with the real
 * core repository, opened through the IPC handler path (`collection:open` -> open-collections -> repository ->
 * tree) and one request read with `collection:read-request`. Baselines: a raw recursive readdir + readFile of the
 * same files in the same run, and Bruno's published figure (~8 s for 1,000 request files) as a fixed reference.
 * Target: open under 1 s. Each figure is the median of several opens (the files are in the OS cache after writing,
 * for us and the raw baseline alike).
 * Run alone: npx tsx --tsconfig tsconfig.node.json bench/collections.ts [--quick]
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CollectionTree } from '@shared/collections/saved-request'
import { createAppCore, type AppCore } from '../src/main/core/app-core'
import { createSessionCipher } from '../src/main/core/vault/aes-cipher'
import { createHandlers } from '../src/main/ipc/handlers'
import { dispatch } from '../src/main/ipc/dispatch'
import { machine, median, row, type Benchmark } from './bench-lib'

const FOLDERS = 10
const PER_FOLDER = 100
/** Bruno's own published figure for opening 1,000 request files, from Bruno's documentation (not measured here). */
const BRUNO_MS = 8000

async function rawRead(dir: string): Promise<number> {
  let files = 0
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name)
    if (entry.isDirectory()) files += await rawRead(path)
    else {
      JSON.parse(await readFile(path, 'utf8'))
      files++
    }
  }
  return files
}

const timed = async <T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const start = performance.now()
  const value = await work()
  return { ms: performance.now() - start, value }
}

const CACHED = join(tmpdir(), 'cloudsec-bench-collection-1000-v1')

/** Writes the 1,000 requests with the real repository, unless `reuse` and a complete earlier copy is there. */
async function ensureCollection(core: AppCore, folder: string, reuse: boolean): Promise<void> {
  // The marker sits beside the folder, so the folder holds exactly the collection's files.
  if (reuse && existsSync(`${folder}.complete`)) return
  await rm(`${folder}.complete`, { force: true })
  await rm(folder, { recursive: true, force: true })
  await core.collections.create(folder, '1,000 requests')
  for (let f = 0; f < FOLDERS; f++) {
    const made = await core.collections.createFolder(folder, '', `Folder ${f}`)
    for (let i = 0; i < PER_FOLDER; i++) {
      await core.collections.saveRequest(folder, {
        folder: made.path,
        request: {
          name: `List alerts ${f}-${i}`,
          request: {
            method: i % 3 === 0 ? 'POST' : 'GET',
            url: `{{baseUrl}}/api/v2/events/data/alert?limit=100&offset=${i}`,
            query: [{ name: 'type', value: 'dlp', enabled: true }],
            headers: [{ name: 'Accept', value: 'application/json', enabled: true }],
            body: i % 3 === 0 ? { kind: 'json', text: JSON.stringify({ query: `alert_type eq DLP and id eq ${i}` }) } : { kind: 'none' }
          }
        }
      })
    }
  }
  await writeFile(`${folder}.complete`, '')
}

export const run: Benchmark = async ({ quick }) => {
  const rounds = quick ? 5 : 15
  const dir = await mkdtemp(join(tmpdir(), 'bench-collections-'))
  // --quick reuses the collection a previous run wrote (saving 1,000 requests with fsync takes ~20 s here).
  const folder = quick ? CACHED : join(dir, 'big-collection')
  const core = await createAppCore({ dataDir: join(dir, 'data'), tempDir: join(dir, 'tmp'), startSandbox: false, cipher: createSessionCipher(null) })
  const handlers = createHandlers(core, { pickFile: async () => null, pickFolder: async () => folder })
  const emit = (): void => undefined
  try {
    await ensureCollection(core, folder, quick)
    const openTimes: number[] = []
    const readTimes: number[] = []
    const rawTimes: number[] = []
    const rawOneTimes: number[] = []
    let middle = ''
    for (let round = 0; round < rounds; round++) {
      const raw = await timed(() => rawRead(folder))
      if (raw.value !== FOLDERS * PER_FOLDER + FOLDERS + 1) throw new Error(`raw read saw ${raw.value} files`)
      rawTimes.push(raw.ms)
      const opened = await timed(() => dispatch(handlers, 'collection:open', {}, emit))
      if (!opened.value.ok) throw new Error(opened.value.error.message)
      const tree = (opened.value.value as { tree: CollectionTree }).tree
      if (tree.requestCount !== FOLDERS * PER_FOLDER) throw new Error(`opened ${tree.requestCount} requests`)
      openTimes.push(opened.ms)
      const folderNode = tree.root.children[Math.floor(FOLDERS / 2)]
      const node = folderNode?.type === 'folder' ? folderNode.children[PER_FOLDER / 2] : undefined
      middle = node?.path ?? ''
      const read = await timed(() => dispatch(handlers, 'collection:read-request', { folder, path: middle }, emit))
      if (!read.value.ok) throw new Error(read.value.error.message)
      readTimes.push(read.ms)
      rawOneTimes.push((await timed(async () => JSON.parse(await readFile(join(folder, middle), 'utf8')) as unknown)).ms)
    }
    const n = FOLDERS * PER_FOLDER
    return [
      row(`collections: open a ${n.toLocaleString('en-US')}-request collection (IPC handler -> tree)`, median(openTimes), 'ms',
        { name: `raw readdir + readFile + JSON.parse of the same ${n + FOLDERS + 1} files`, value: median(rawTimes) }),
      row(`collections: open a ${n.toLocaleString('en-US')}-request collection vs Bruno`, median(openTimes), 'ms',
        { name: "Bruno's published ~8 s for 1,000 files (fixed reference)", value: BRUNO_MS }, '< 1000 ms'),
      row('collections: open one saved request (IPC handler, validated)', median(readTimes), 'ms',
        { name: 'raw readFile + JSON.parse of that file', value: median(rawOneTimes) }, '< 50 ms')
    ]
  } finally {
    await core.close()
    await rm(dir, { recursive: true, force: true })
  }
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const rows = await run({ quick: process.argv.includes('--quick') })
  console.log(`machine: ${machine()}`)
  for (const r of rows) console.log(`${r.name}: ${r.value.toFixed(2)} ${r.unit} (ratio ${r.ratio?.toFixed(2) ?? '-'} vs ${r.baseline ?? '-'})`)
}
