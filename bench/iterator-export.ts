/**
 * Iterator export: N pages of 10,000 records (default 100 = 1,000,000) from the sandbox (its own process,
 * plain HTTP, wait_time 0, rate limit off) to NDJSON, by (1) the app's iterator runner, (2) a Python `requests`
 * loop doing the same paging and writing NDJSON, (3) curl fetching the same pages one after another to a file.
 * Each contender uses its own index and starts at the same epoch. The app runs in a child process per size so its
 * peak RSS is its own; sizes: 10 pages (100k) and N pages. Reports throughput ratios and peak RSS as BenchRows
 * (`run`, for bench/run.ts; `quick` = 20 pages).
 * Run alone: npx tsx --tsconfig tsconfig.node.json bench/iterator-export.ts [--pages 100] [--quick]
 */
import { spawn, spawnSync } from 'node:child_process'
import { createInterface } from 'node:readline'
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { machine, row, type Benchmark, type BenchRow } from './bench-lib'
import { createAppCore } from '../src/main/core/app-core'
import { createSessionCipher } from '../src/main/core/vault/aes-cipher'
import { secretKey } from '../src/main/core/vault/vault'

const arg = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(`--${name}`)
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback)
}
const FULL_PAGES = 100
const QUICK_PAGES = 20
/** Pages that make 100,000 records: the small size the full size's peak RSS is compared with. */
const SMALL_PAGES = 10
const ROOT = resolve(import.meta.dirname, '..')
const TSX = join(ROOT, 'node_modules/.bin/tsx')
const ENDPOINT = '/api/v2/events/dataexport/events/page'
/** events arrive at 2/s: 10,000 records = 5,000 s, so hwm passes epoch + pages*5000 - 2 exactly at the last page. */
const endTimeFor = (epoch: number, pages: number): number => epoch + pages * 5000 - 2

interface Child { url: string; token: string; epoch: number; pages: number; out: string; index: string }

/** In the child: the app's runner alone in this process; prints {records, seconds, maxRssMb}. */
async function child(input: Child): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-iter-app-'))
  const core = await createAppCore({ dataDir: join(dir, 'data'), tempDir: join(dir, 'tmp'), startSandbox: false, cipher: createSessionCipher(null) })
  await core.environments.save({ id: 'b', name: 'b', api: 'netskope', baseUrl: input.url, variables: [], tls: { verify: true, caPath: null },
    auth: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' }, sandbox: false })
  await core.vault.set(secretKey('b', 'v2Token'), input.token)
  const started = performance.now()
  const summary = await core.iterator.start({ runId: 'bench', environmentId: 'b', endpoint: ENDPOINT, index: input.index, operation: input.epoch,
    mode: 'until-caught-up', endTime: endTimeFor(input.epoch, input.pages), export: { format: 'ndjson', path: input.out } })
  const seconds = (performance.now() - started) / 1000
  await core.close()
  await rm(dir, { recursive: true, force: true })
  process.stdout.write(JSON.stringify({ records: summary.records, pages: summary.pages, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n')
}

const PYTHON = `
import json, sys, time, requests, resource
url, token, epoch, pages, out, index = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
s = requests.Session(); s.headers['Netskope-Api-Token'] = token
t = time.perf_counter(); n = 0; op = str(epoch)
with open(out, 'w') as f:
    for _ in range(pages):
        r = s.get(url, params={'index': index, 'operation': op}); r.raise_for_status(); data = r.json()
        for rec in data['result']: f.write(json.dumps(rec) + '\\n')
        n += len(data['result']); op = 'next'
print(json.dumps({'records': n, 'seconds': time.perf_counter() - t, 'maxRssMb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
`

function runJson(command: string, args: string[]): Measured {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`)
  const line = result.stdout.trim().split('\n').at(-1) ?? ''
  return JSON.parse(line) as Measured
}

type Measured = { records: number; seconds: number; maxRssMb: number }

export const run: Benchmark = async ({ quick }) => {
  const pages = Number(arg('pages', String(quick ? QUICK_PAGES : FULL_PAGES)))
  const m = await measure(pages)
  const rate = (r: { records: number; seconds: number }): number => r.records / r.seconds
  const curlRate = m.full.records / m.curlSeconds
  const curlGzRate = m.full.records / m.curlGzSeconds
  const label = `${pages} pages of 10,000 to NDJSON`
  const rows: BenchRow[] = [
    row(`iterator export throughput, ${label} (higher is better)`, rate(m.full), 'records/s', { name: 'Python requests loop', value: rate(m.python) }, 'ratio >= 1'),
    row(`iterator export throughput, ${label} (higher is better)`, rate(m.full), 'records/s', { name: 'curl, same pages one after another', value: curlRate }, 'ratio >= 0.5'),
    row(`iterator export throughput, ${label} (higher is better)`, rate(m.full), 'records/s', { name: 'curl --compressed (same gzip bytes as the app)', value: curlGzRate }, 'ratio >= 0.5'),
    row(`iterator export peak RSS, ${m.small.records} records`, m.small.maxRssMb, 'MB'),
    row(`iterator export peak RSS, ${m.full.records} records`, m.full.maxRssMb, 'MB', { name: `peak RSS at ${m.small.records} records`, value: m.small.maxRssMb }, 'ratio <= 1.2')
  ]
  return rows
}

async function measure(pageCount: number): Promise<{ small: Measured; full: Measured; python: Measured; curlSeconds: number; curlGzSeconds: number }> {
  const sandbox = spawn(TSX, ['--tsconfig', 'tsconfig.node.json', 'scripts/sandbox.ts', '--http', '--no-rate-limit', '--wait-time', '0'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  const first = await new Promise<string>((ok) => createInterface({ input: sandbox.stdout }).once('line', ok))
  const info = JSON.parse(first) as { urls: { netskope: string }; credentials: { netskope: { v2Tokens: Array<{ token: string; expired: boolean }> } } }
  const token = info.credentials.netskope.v2Tokens.find((t) => !t.expired)?.token ?? ''
  const base = info.urls.netskope
  const epoch = Math.floor(Date.now() / 1000) - pageCount * 5000 - 3600
  const dir = await mkdtemp(join(tmpdir(), 'bench-iter-'))
  const stamp = Date.now()
  try {
    const app = (pages: number): Measured => {
      const input: Child = { url: base, token, epoch, pages, out: join(dir, `app-${pages}.ndjson`), index: `bench-app-${pages}-${stamp}` }
      return runJson(TSX, ['--tsconfig', join(ROOT, 'tsconfig.node.json'), join(ROOT, 'bench/iterator-export.ts'), '--child', JSON.stringify(input)])
    }
    const small = app(Math.min(SMALL_PAGES, pageCount))
    const full = app(pageCount)
    const pyFile = join(dir, 'bench.py')
    await writeFile(pyFile, PYTHON)
    const python = runJson('python3', [pyFile, base + ENDPOINT, token, String(epoch), String(pageCount), join(dir, 'py.ndjson'), `bench-py-${stamp}`])
    // curl as asked (identity encoding), and with --compressed: the app and requests both send Accept-Encoding: gzip,
    // so the sandbox gzips their pages; --compressed puts curl on the same bytes.
    const runCurl = (compressed: boolean): number => {
      const urls = Array.from({ length: pageCount }, (_, i) => `${base}${ENDPOINT}?index=bench-curl-${compressed ? 'gz' : 'id'}-${stamp}&operation=${i === 0 ? epoch : 'next'}`)
      const out = join(dir, 'curl.out')
      const started = performance.now()
      const curl = spawnSync('curl', ['-sS', '--fail', ...(compressed ? ['--compressed'] : []), '-H', `Netskope-Api-Token: ${token}`,
        ...urls.flatMap((u) => ['-o', out, u])], { encoding: 'utf8' })
      if (curl.status !== 0) throw new Error(`curl failed: ${curl.stderr}`)
      return (performance.now() - started) / 1000
    }
    const curlSeconds = runCurl(false)
    const curlGzSeconds = runCurl(true)
    const written = (await stat(join(dir, `app-${pageCount}.ndjson`))).size
    if (written === 0 || python.records !== full.records) throw new Error(`contenders disagree: app ${full.records} records (${written} bytes), python ${python.records}`)
    return { small, full, python, curlSeconds, curlGzSeconds }
  } finally {
    sandbox.kill('SIGTERM')
    await rm(dir, { recursive: true, force: true })
  }
}

const standalone = resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)
const childArg = process.argv.indexOf('--child')
if (standalone && childArg !== -1) void child(JSON.parse(process.argv[childArg + 1] ?? '{}') as Child)
else if (standalone) {
  run({ quick: process.argv.includes('--quick') })
    .then((rows) => {
      console.log(machine())
      for (const r of rows) {
        const vs = r.baseline === null ? '' : ` vs ${r.baseline} ${r.baselineValue?.toFixed(1)} -> ratio ${r.ratio?.toFixed(2)} (target ${r.target ?? '-'})`
        console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit}${vs}`)
      }
    })
    .catch((error: unknown) => {
      console.error(error)
      process.exitCode = 1
    })
}
