/**
 * Large responses: 10 MB, 50 MB and 200 MB JSON bodies from a loopback server (its own process),
 * sent from the built renderer in Chromium (Playwright) through the e2e bridge, whose core runs in its own process so
 * its RSS is its own. Per size: time from Send until the body is visible and scrollable (baseline: curl downloading
 * the same body to disk), the longest main-thread task while scrolling (keys, wheel, scrollbar jumps) and searching
 * (Long Tasks API; 0 = none reached 50 ms; target < 100 ms), search time to the match near the end (baseline: grep
 * on curl's file), renderer JS heap after GC (CDP), and the core process's peak RSS. Medians over the runs.
 * `--quick`: 10 MB and 50 MB, fewer runs. Run alone: npx tsx --tsconfig tsconfig.node.json bench/large-responses.ts [--quick]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface, type Interface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from '../test/e2e/find-browser'
import { installApiShim } from '../test/e2e/bridge/api-shim'
import { startBridge } from '../test/e2e/bridge/bridge-server'
import { NEEDLE } from '../test/support/large-json-server'
import { machine, median, row, type BenchRow, type Benchmark } from './bench-lib'
import { longestTaskSince, now, observeLongTasks, scrollToShare, sendUntilVisible } from './large-responses-page'
import { ensureRendererBuilt, RENDERER_DIR } from './renderer-build'

const ROOT = resolve(import.meta.dirname, '..')
const TSX = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx')
const MiB = 1024 * 1024

/** A child process that prints one JSON line when ready and answers one line per line sent. */
interface Child {
  process: ChildProcess
  lines: Interface
  first: Record<string, unknown>
  ask(line: string): Promise<Record<string, unknown>>
}

async function startChild(args: string[]): Promise<Child> {
  const child = spawn(TSX, ['--tsconfig', join(ROOT, 'tsconfig.node.json'), ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout })
  const next = (): Promise<Record<string, unknown>> =>
    new Promise((ok, fail) => {
      const exited = (code: number | null): void => fail(new Error(`${args[0]} exited (${code})`))
      child.once('exit', exited)
      lines.once('line', (line) => {
        child.off('exit', exited)
        ok(JSON.parse(line) as Record<string, unknown>)
      })
    })
  const first = await next()
  return { process: child, lines, first, ask: (line) => (child.stdin?.write(`${line}\n`), next()) }
}

/** In the bridge child: the real core behind the e2e bridge; "peak" answers the peak RSS since the last "peak". */
async function bridgeChild(): Promise<void> {
  const bridge = await startBridge({ rendererDir: RENDERER_DIR, sandbox: false })
  let peak = process.memoryUsage.rss()
  setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20).unref()
  process.stdout.write(JSON.stringify({ url: bridge.url, token: bridge.token }) + '\n')
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'peak') {
      process.stdout.write(JSON.stringify({ peakRss: Math.max(peak, process.memoryUsage.rss()) }) + '\n')
      peak = process.memoryUsage.rss()
    }
  }
  await bridge.close()
  process.exit(0)
}

function timed(command: string, args: string[]): number | null {
  const started = performance.now()
  const result = spawnSync(command, args, { stdio: 'ignore' })
  return result.status === 0 ? performance.now() - started : null
}

interface Run {
  visibleMs: number
  longestTaskMs: number
  searchMs: number
  heapMb: number
  rssMb: number
}

async function oneRun(page: Page, bridge: Child, url: string, bytes: number): Promise<Run> {
  await page.reload()
  await page.getByRole('button', { name: 'Send' }).waitFor()
  await page.getByLabel('URL', { exact: true }).fill(url)
  await bridge.ask('peak')
  const visibleMs = await page.evaluate(sendUntilVisible, 120_000 + bytes / 100_000)
  const since = await page.evaluate(now)
  const viewport = page.getByTestId('large-body-viewport')
  await viewport.focus()
  for (let i = 0; i < 15; i++) await page.keyboard.press('PageDown')
  const box = await viewport.boundingBox()
  if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  for (let i = 0; i < 15; i++) await page.mouse.wheel(0, 600)
  for (const share of [0.25, 0.5, 0.9, 0.1]) {
    await page.evaluate(scrollToShare, share)
    await page.locator('[data-testid="large-body-row"] .large-body-text:not(.loading)').first().waitFor()
  }
  await page.keyboard.press('End')
  await page.keyboard.press('Home')
  const search = page.getByTestId('body-search-input')
  await search.fill(NEEDLE)
  const searchStart = performance.now()
  await search.press('Enter')
  await page.getByTestId('current-match').waitFor({ timeout: 300_000 })
  const searchMs = performance.now() - searchStart
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -400)
  const longestTaskMs = await page.evaluate(longestTaskSince, since)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  await cdp.detach()
  const { peakRss } = (await bridge.ask('peak')) as { peakRss: number }
  return { visibleMs, longestTaskMs, searchMs, heapMb: usedSize / MiB, rssMb: peakRss / MiB }
}

export const run: Benchmark = async ({ quick }) => {
  await ensureRendererBuilt()
  const sizes = quick ? [10, 50] : [10, 50, 200]
  const runsFor = (mb: number): number => (quick ? (mb <= 10 ? 2 : 1) : mb >= 200 ? 1 : 3)
  const server = await startChild([join(ROOT, 'test/support/large-json-server.ts')])
  const bridge = await startChild([fileURLToPath(import.meta.url), '--bridge-child'])
  const dir = await mkdtemp(join(tmpdir(), 'bench-large-'))
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
  const rows: BenchRow[] = []
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const { url: bridgeUrl, token } = bridge.first as { url: string; token: string }
    // tsx (esbuild keepNames) wraps inner functions in __name(); the page needs it to run functions sent from here.
    await page.addInitScript({ content: 'globalThis.__name ??= (target) => target' })
    await page.addInitScript(installApiShim, { origin: bridgeUrl, token })
    await page.addInitScript(observeLongTasks)
    page.on('pageerror', (error) => console.error('[page]', error.message))
    await page.goto(bridgeUrl)
    for (const mb of sizes) {
      const url = `${String(server.first['base'])}/json?bytes=${mb * MiB}`
      const file = join(dir, `${mb}.json`)
      const runs: Run[] = []
      const curl: number[] = []
      const grep: number[] = []
      for (let i = 0; i < runsFor(mb); i++) {
        // Side by side: curl's download right before each app run.
        const curlMs = timed('curl', ['-s', '-o', file, url])
        if (curlMs !== null) curl.push(curlMs)
        const grepMs = timed('grep', ['-F', '-c', NEEDLE, file])
        if (grepMs !== null) grep.push(grepMs)
        runs.push(await oneRun(page, bridge, url, mb * MiB))
        await rm(file, { force: true })
      }
      const pick = (key: keyof Run): number => median(runs.map((r) => r[key]))
      const label = `large response ${mb} MB JSON`
      const baseline = (name: string, values: number[]): { name: string; value: number } | undefined =>
        values.length > 0 ? { name, value: median(values) } : undefined
      rows.push(row(`${label}: Send to body visible and scrollable`, pick('visibleMs'), 'ms', baseline('curl download to disk', curl)))
      rows.push(row(`${label}: longest main-thread task while scrolling and searching`, pick('longestTaskMs'), 'ms', undefined, '< 100 ms'))
      rows.push(row(`${label}: search to the match near the end (in main)`, pick('searchMs'), 'ms', baseline('grep -F on the downloaded file', grep)))
      rows.push(row(`${label}: renderer JS heap after GC`, pick('heapMb'), 'MB'))
      rows.push(row(`${label}: core (main) process peak RSS`, pick('rssMb'), 'MB'))
    }
  } finally {
    await browser.close()
    bridge.process.stdin?.end()
    server.process.kill()
    await new Promise((done) => bridge.process.once('exit', done))
    await rm(dir, { recursive: true, force: true })
  }
  return rows
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--bridge-child')) await bridgeChild()
  else {
    const rows = await run({ quick: process.argv.includes('--quick') })
    console.log(`machine: ${machine()}`)
    for (const r of rows) console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit}${r.baseline ? ` (baseline ${r.baseline}: ${r.baselineValue?.toFixed(1)}; ratio ${r.ratio?.toFixed(2)})` : ''}`)
  }
}
