import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
// esbuild comes with tsx: the child is bundled once so each of the many restarts costs a plain `node` start.
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CollectionRepository } from '../../../../src/main/core/collections/repository'
import { openSettingsStore } from '../../../../src/main/core/settings-store'
import { createSessionCipher } from '../../../../src/main/core/vault/aes-cipher'
import { openVault } from '../../../../src/main/core/vault/vault'
import { CRASH_REQUEST_PATH, VAULT_KEY, roundOfName, roundOfSecret, roundRequest, roundSecret, roundTimeout } from './crash-rounds'

const KILLS = 30
/** Kill points are spread over this many ms after the child says it is ready (a few save rounds). */
const MAX_KILL_DELAY_MS = 120

type FileName = 'settings' | 'vault' | 'collection'
const FILES: FileName[] = ['settings', 'vault', 'collection']

let root: string
let script: string
const key = randomBytes(32)

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crash-safety-'))
  script = join(root, 'crash-writer.mjs')
  await build({
    entryPoints: [join(import.meta.dirname, 'crash-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: script,
    tsconfig: join(import.meta.dirname, '../../../../tsconfig.node.json'),
    logLevel: 'silent'
  })
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

/** Reads every file back through the real readers, as the app does on restart. */
async function reopen(dataDir: string, folder: string): Promise<Record<FileName, number>> {
  const notices: string[] = []
  const settings = await openSettingsStore(dataDir, notices)
  const vault = await openVault(dataDir, createSessionCipher(null, true, key), notices)
  expect(notices, 'a reader found a torn or corrupt file').toEqual([])
  const repo = new CollectionRepository()
  const tree = await repo.open(folder)
  // Temp files of interrupted writes may be left, but never show up as requests or problems.
  expect(tree.problems).toEqual([])
  expect(tree.requestCount).toBe(1)
  const saved = await repo.readRequest(folder, CRASH_REQUEST_PATH)
  const round = roundOfName(saved.name)
  expect(saved.request.url).toBe(`https://example.test/round/${round}`)
  expect(JSON.parse(saved.request.body.kind === 'json' ? saved.request.body.text : '{}')).toMatchObject({ round })
  const secret = await vault.reveal(VAULT_KEY)
  expect(secret).toBe(roundSecret(roundOfSecret(secret)))
  return { settings: settings.get().totalTimeoutMs - roundTimeout(0), vault: roundOfSecret(secret), collection: round }
}

interface Run {
  /** Last round each file reported as saved, if any. */
  saved: Partial<Record<FileName, number>>
  ready: boolean
}

/** Starts the writer at `first`, SIGKILLs it `delay` ms after it is ready, and returns what it reported. */
function runAndKill(dataDir: string, folder: string, first: number, delay: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, dataDir, folder, String(first), key.toString('hex')], { stdio: ['ignore', 'pipe', 'pipe'] })
    const run: Run = { saved: {}, ready: false }
    let out = ''
    let err = ''
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const lines = out.split('\n')
      out = lines.pop() ?? ''
      for (const line of lines) {
        const [file, value] = line.split(' ')
        if (line === 'ready' && !run.ready) {
          run.ready = true
          setTimeout(() => child.kill('SIGKILL'), delay)
        } else if (FILES.includes(file as FileName)) run.saved[file as FileName] = Number(value)
      }
    })
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve(run)
      else reject(new Error(`the writer exited by itself (code ${code}): ${err}${out}`))
    })
  })
}

describe('crash-safe storage', () => {
  it(`every file is the old or the new version after ${KILLS} SIGKILLs at random points`, { timeout: 120_000 }, async () => {
    const dataDir = join(root, 'data')
    const folder = join(root, 'collection')
    await mkdir(folder, { recursive: true })
    // Round 0, written by this process through the same stores.
    const settings = await openSettingsStore(dataDir, [])
    await settings.update({ totalTimeoutMs: roundTimeout(0) })
    await (await openVault(dataDir, createSessionCipher(null, true, key), [])).set(VAULT_KEY, roundSecret(0))
    const repo = new CollectionRepository()
    await repo.create(folder, 'Crash')
    await repo.saveRequest(folder, { path: CRASH_REQUEST_PATH, request: roundRequest(0) })

    let onDisk = await reopen(dataDir, folder)
    const delays: number[] = []
    let interrupted = 0
    for (let kill = 0; kill < KILLS; kill++) {
      const first = Math.max(...FILES.map((file) => onDisk[file])) + 1
      const delay = Math.floor(Math.random() * MAX_KILL_DELAY_MS)
      delays.push(delay)
      const run = await runAndKill(dataDir, folder, first, delay)
      const after = await reopen(dataDir, folder)
      for (const file of FILES) {
        const old = run.saved[file] ?? onDisk[file]
        // The write in flight at the kill is round old+1 (or `first` if none finished this run).
        const inFlight = run.saved[file] === undefined ? first : old + 1
        expect([old, inFlight], `${file} after kill ${kill} (delay ${delay} ms; delays so far ${delays.join(',')})`).toContain(after[file])
        if (after[file] === inFlight && run.saved[file] !== inFlight) interrupted++
      }
      onDisk = after
    }
    // The kills did land mid-save (not only between rounds), or the test proved nothing.
    expect(Math.max(...FILES.map((file) => onDisk[file]))).toBeGreaterThan(KILLS)
    const leftovers = [...(await readdir(dataDir)), ...(await readdir(folder))].filter((name) => name.endsWith('.tmp'))
    console.info(`crash-safety: ${KILLS} kills, ${interrupted} new versions written but not reported, ${leftovers.length} temp leftovers`)
  })

  it('removes orphaned temp files of interrupted writes when a file is opened, and keeps recent ones', async () => {
    const dataDir = join(root, 'temps')
    await mkdir(dataDir, { recursive: true })
    const old = join(dataDir, '.settings.json.0123456789ab.tmp')
    const recent = join(dataDir, '.settings.json.ba9876543210.tmp')
    const unrelated = join(dataDir, '.other.json.0123456789ab.tmp')
    // conf's writer (settings.json is kept by conf / electron-store) names its temp files its own way.
    const oldConf = join(dataDir, 'settings.json.tmp-1733280000abcdef')
    const recentConf = join(dataDir, 'settings.json.tmp-1733280001fedcba')
    for (const path of [old, recent, unrelated, oldConf, recentConf]) await writeFile(path, '{"torn')
    const hourAgo = new Date(Date.now() - 3600_000)
    for (const path of [old, unrelated, oldConf]) await utimes(path, hourAgo, hourAgo)
    const notices: string[] = []
    await openSettingsStore(dataDir, notices)
    expect(notices).toEqual([])
    expect((await readdir(dataDir)).filter((name) => name !== 'settings.json').sort()).toEqual(['.other.json.0123456789ab.tmp', '.settings.json.ba9876543210.tmp', 'settings.json.tmp-1733280001fedcba'])
  })
})
