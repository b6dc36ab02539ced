/**
 * `npm run bench [-- --quick] [--json FILE] [--only NAME[,NAME]]`: runs every benchmark module in bench/, each in its
 * own child process (so one's heap, RSS or crash never touches another's numbers), then prints the machine line and
 * one table with each row's target and whether it is met. A module that is missing or has no `run` export is
 * reported as "not available"; one that throws (or times out) as failed, and the exit code is then 1.
 * `--json FILE` writes [{ name, value, unit, baseline, baselineValue, ratio, target, met }] (failed modules as a row
 * with value null and an `error`).
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { machine, type BenchRow, type Benchmark } from './bench-lib'
import { ensureRendererBuilt } from './renderer-build'
import { checkTarget, formatTable } from './report'
import { tuneMainProcessHeap } from '../src/main/core/heap-tuning'

const BENCH_DIR = import.meta.dirname
const ROOT = resolve(BENCH_DIR, '..')
const TSX = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx')

interface ModuleInfo {
  name: string
  file: string
  /** Tests the built renderer in Chromium: out/renderer is built (once) before it runs. */
  renderer?: boolean
}

/** The rows in the order bench/README.md lists them, then the soak run. */
const MODULES: ModuleInfo[] = [
  { name: 'engine-overhead', file: 'engine-overhead.ts' },
  { name: 'large-responses', file: 'large-responses.ts', renderer: true },
  { name: 'iterator-export', file: 'iterator-export.ts' },
  { name: 'catalog', file: 'catalog.ts' },
  { name: 'startup', file: 'startup.ts', renderer: true },
  { name: 'collections', file: 'collections.ts' },
  { name: 'soak', file: 'soak.ts' }
]

type Outcome =
  | { status: 'ok'; rows: BenchRow[]; seconds: number }
  | { status: 'unavailable'; reason: string }
  | { status: 'failed'; message: string; seconds: number }

const flag = (name: string): string | null => {
  const index = process.argv.indexOf(`--${name}`)
  return index === -1 ? null : (process.argv[index + 1] ?? null)
}

/** In the child: import one module, run it, write its rows (or why it could not) to `out`. */
async function child(info: ModuleInfo, quick: boolean, out: string): Promise<void> {
  const write = (outcome: Outcome): Promise<void> => writeFile(out, JSON.stringify(outcome))
  const path = join(BENCH_DIR, info.file)
  if (!existsSync(path)) return write({ status: 'unavailable', reason: `bench/${info.file} does not exist yet` })
  tuneMainProcessHeap() // the benches host AppCore like Electron's main process does: same V8 settings
  const loaded = (await import(pathToFileURL(path).href)) as { run?: unknown }
  if (typeof loaded.run !== 'function') return write({ status: 'unavailable', reason: `bench/${info.file} has no run export` })
  const started = performance.now()
  const rows = await (loaded.run as Benchmark)({ quick })
  await write({ status: 'ok', rows, seconds: (performance.now() - started) / 1000 })
}

/** In the runner: one child per module, killed (with its process group) if it overruns. */
async function runModule(info: ModuleInfo, quick: boolean, dir: string): Promise<Outcome> {
  const out = join(dir, `${info.name}.json`)
  const limitMs = (quick ? 170 : 3600) * 1000
  const started = performance.now()
  const args = ['--tsconfig', join(ROOT, 'tsconfig.node.json'), join(BENCH_DIR, 'run.ts'), '--module', info.name, '--out', out]
  if (quick) args.push('--quick')
  const proc = spawn(TSX, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], detached: process.platform !== 'win32' })
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    if (proc.pid !== undefined && process.platform !== 'win32') process.kill(-proc.pid, 'SIGKILL')
    else proc.kill('SIGKILL')
  }, limitMs)
  const code = await new Promise<number | null>((done) => proc.on('close', done))
  clearTimeout(timer)
  const seconds = (performance.now() - started) / 1000
  if (timedOut) return { status: 'failed', message: `timed out after ${limitMs / 1000} s`, seconds }
  const text = await readFile(out, 'utf8').catch(() => null)
  if (text !== null) return JSON.parse(text) as Outcome
  return { status: 'failed', message: `exited with code ${code} without results (see the output above)`, seconds }
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick')
  const childName = flag('module')
  if (childName !== null) {
    const info = MODULES.find((candidate) => candidate.name === childName)
    const out = flag('out')
    if (!info || out === null) throw new Error(`unknown module ${childName}`)
    try {
      await child(info, quick, out)
    } catch (error) {
      await writeFile(out, JSON.stringify({ status: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error), seconds: 0 }))
      process.exitCode = 1
    }
    return
  }

  const only = flag('only')?.split(',').map((name) => name.trim()).filter(Boolean) ?? null
  const unknown = only?.filter((name) => !MODULES.some((info) => info.name === name)) ?? []
  if (unknown.length > 0) throw new Error(`--only: unknown benchmark ${unknown.join(', ')} (known: ${MODULES.map((info) => info.name).join(', ')})`)
  const selected = MODULES.filter((info) => only === null || only.includes(info.name))
  const json = flag('json')
  const machineLine = machine()
  console.log(`machine: ${machineLine}`)
  console.log(`mode: ${quick ? 'quick' : 'full'}; benchmarks: ${selected.map((info) => info.name).join(', ')}\n`)

  if (selected.some((info) => info.renderer && existsSync(join(BENCH_DIR, info.file)))) await ensureRendererBuilt()
  const dir = await mkdtemp(join(tmpdir(), 'bench-run-'))
  const results: Array<{ info: ModuleInfo; outcome: Outcome }> = []
  const suiteStarted = performance.now()
  try {
    for (const info of selected) {
      console.log(`--- ${info.name} ---`)
      const outcome = await runModule(info, quick, dir)
      results.push({ info, outcome })
      const status = outcome.status === 'ok' ? `${outcome.rows.length} rows` : outcome.status === 'failed' ? `FAILED: ${outcome.message}` : `not available: ${outcome.reason}`
      console.log(`--- ${info.name}: ${status}${'seconds' in outcome ? ` (${outcome.seconds.toFixed(1)} s)` : ''}\n`)
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }

  const rows = results.flatMap(({ outcome }) => (outcome.status === 'ok' ? outcome.rows : []))
  console.log(`machine: ${machineLine}`)
  console.log(`suite: ${((performance.now() - suiteStarted) / 1000).toFixed(0)} s (${quick ? 'quick' : 'full'})\n`)
  console.log(formatTable(rows))
  for (const { info, outcome } of results) {
    if (outcome.status === 'unavailable') console.log(`${info.name}: not available (${outcome.reason})`)
    if (outcome.status === 'failed') console.log(`${info.name}: FAILED (${outcome.message.split('\n')[0]})`)
  }
  if (json !== null) {
    const out = [
      ...rows.map((r) => ({ name: r.name, value: r.value, unit: r.unit, baseline: r.baseline, baselineValue: r.baselineValue, ratio: r.ratio, target: r.target ?? null, met: checkTarget(r) })),
      ...results.flatMap(({ info, outcome }) =>
        outcome.status === 'ok' ? [] : [{ name: info.name, value: null, unit: '', baseline: null, baselineValue: null, ratio: null, error: outcome.status === 'failed' ? outcome.message : `not available: ${outcome.reason}` }]
      )
    ]
    await writeFile(json, JSON.stringify(out, null, 2) + '\n')
    console.log(`\nwrote ${out.length} rows to ${json}`)
  }
  if (results.some(({ outcome }) => outcome.status === 'failed')) process.exitCode = 1
}

await main()
