/**
 * Startup, on the built renderer (out/renderer, built first when missing or stale):
 * - initial JavaScript: what index.html loads eagerly (its module script, modulepreloads and their static imports),
 *   gzip-compressed, against everything loaded lazily (dynamic imports: Monaco, catalogs, workers); and whether any
 *   Monaco code is in the initial set (it must not be);
 * - time to an interactive app shell in Chromium (Playwright): from navigation start until the Send button is in
 *   the page and enabled, with `window.api` backed by the e2e bridge (real core) exactly as in the e2e suite.
 *   Baseline: a minimal page (one module script that adds a Send button) served the same way, in the same run.
 * Run alone: npx tsx --tsconfig tsconfig.node.json bench/startup.ts [--quick]
 */
import { chromium, type Browser } from '@playwright/test'
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { existsSync } from 'node:fs'
import { CHROMIUM_ARGS, findChromium } from '../test/e2e/find-browser'
import { startBridge } from '../test/e2e/bridge/bridge-server'
import { installApiShim } from '../test/e2e/bridge/api-shim'
import { machine, median, row, type BenchRow, type Benchmark } from './bench-lib'
import { ensureRendererBuilt, RENDERER_DIR } from './renderer-build'

/** Strings only Monaco's own code contains. */
const MONACO_MARKERS = ['MonacoEnvironment', 'vs/editor/']
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']\.\/([\w.-]+\.js)["']/g

interface Bundle {
  eager: string[]
  lazy: string[]
  gzip: Map<string, number>
  monacoEager: string[]
}

/** Follows static imports from index.html's entry scripts; every other .js chunk is loaded lazily (or never). */
async function analyseBundle(rendererDir: string): Promise<Bundle> {
  const assets = join(rendererDir, 'assets')
  const html = await readFile(join(rendererDir, 'index.html'), 'utf8')
  const entries = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\.?\/?assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? '')
  const texts = new Map<string, string>()
  for (const name of (await readdir(assets)).filter((file) => file.endsWith('.js'))) texts.set(name, await readFile(join(assets, name), 'utf8'))
  const eager = new Set<string>()
  const visit = (name: string): void => {
    if (eager.has(name) || !texts.has(name)) return
    eager.add(name)
    for (const match of (texts.get(name) ?? '').matchAll(STATIC_IMPORT)) visit(match[1] ?? '')
  }
  entries.forEach(visit)
  if (eager.size === 0) throw new Error('index.html loads no script from assets/: is out/renderer a renderer build?')
  const gzip = new Map([...texts].map(([name, text]) => [name, gzipSync(text, { level: 9 }).length]))
  const monacoEager = [...eager].filter((name) => MONACO_MARKERS.some((marker) => (texts.get(name) ?? '').includes(marker)))
  return { eager: [...eager], lazy: [...texts.keys()].filter((name) => !eager.has(name)), gzip, monacoEager }
}

/** Records performance.now() when a Send button is in the document and enabled (runs before the page's scripts). */
function watchForShell(): void {
  const page = globalThis as unknown as {
    __shellReadyAt?: number
    document: { querySelector(selector: string): { disabled?: boolean } | null }
    MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void }
    performance: { now(): number }
  }
  const check = (): boolean => {
    const button = page.document.querySelector('[data-testid="send"]')
    if (!button || button.disabled) return false
    page.__shellReadyAt = page.performance.now()
    return true
  }
  const observer = new page.MutationObserver(() => {
    if (check()) observer.disconnect()
  })
  observer.observe(page.document, { childList: true, subtree: true, attributes: true })
}

async function timeToShell(browser: Browser, rendererDir: string, rounds: number): Promise<number[]> {
  const bridge = await startBridge({ rendererDir })
  const times: number[] = []
  try {
    for (let round = 0; round < rounds; round++) {
      // A fresh context each time: empty HTTP cache and storage, like a first launch.
      const context = await browser.newContext()
      const page = await context.newPage()
      // tsx (esbuild keepNames) wraps inner functions in __name(); the page needs it to run functions sent from here.
      await page.addInitScript({ content: 'globalThis.__name ??= (target) => target' })
      await page.addInitScript(installApiShim, { origin: bridge.url, token: bridge.token })
      await page.addInitScript(watchForShell)
      const problems: string[] = []
      page.on('pageerror', (error) => problems.push(error.message))
      page.on('response', (response) => void (response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`)))
      await page.goto(bridge.url)
      await page
        .waitForFunction(() => (globalThis as { __shellReadyAt?: number }).__shellReadyAt !== undefined, undefined, { timeout: 30_000 })
        .catch((error: unknown) => {
          throw new Error(`the shell did not become interactive: ${problems.join('; ') || String(error)}`)
        })
      times.push(await page.evaluate(() => (globalThis as { __shellReadyAt?: number }).__shellReadyAt ?? Number.NaN))
      await context.close()
    }
  } finally {
    await bridge.close()
  }
  return times
}

export const run: Benchmark = async ({ quick }) => {
  await ensureRendererBuilt()
  // A private copy: others' e2e runs rebuild out/renderer (emptying it first) while this runs.
  const work = await mkdtemp(join(tmpdir(), 'bench-startup-'))
  const rendererDir = join(work, 'renderer')
  const blankDir = join(work, 'blank')
  await copyComplete(rendererDir)
  try {
    return await measure(quick, rendererDir, blankDir)
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** Copies out/renderer, again (up to 6 times, 5 s apart) while index.html names a chunk the copy lacks (a build in progress). */
async function copyComplete(target: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await rm(target, { recursive: true, force: true })
    await cp(RENDERER_DIR, target, { recursive: true }).catch(() => undefined)
    const html = await readFile(join(target, 'index.html'), 'utf8').catch(() => '')
    const named = [...html.matchAll(/assets\/([^"]+)"/g)].map((m) => m[1] ?? '')
    if (html !== '' && named.every((name) => existsSync(join(target, 'assets', name)))) return
    if (attempt === 6) throw new Error(`${RENDERER_DIR} stayed incomplete (a build in progress?)`)
    await new Promise((wait) => setTimeout(wait, 5000))
  }
}

async function measure(quick: boolean, rendererDir: string, blankDir: string): Promise<BenchRow[]> {
  const bundle = await analyseBundle(rendererDir)
  const kb = (names: string[]): number => names.reduce((sum, name) => sum + (bundle.gzip.get(name) ?? 0), 0) / 1024
  const rows: BenchRow[] = [
    row(`startup: initial renderer JS, gzip (${bundle.eager.length} eager chunk${bundle.eager.length === 1 ? '' : 's'})`, kb(bundle.eager), 'KiB',
      { name: `all renderer JS incl. ${bundle.lazy.length} lazy chunks`, value: kb(bundle.eager) + kb(bundle.lazy) }, '<= 200 KiB'),
    row('startup: lazily loaded renderer JS, gzip (Monaco, workers, catalogs)', kb(bundle.lazy), 'KiB'),
    row(`startup: eager chunks containing Monaco code${bundle.monacoEager.length ? ` (${bundle.monacoEager.join(', ')})` : ''}`, bundle.monacoEager.length, 'chunks', undefined, '<= 0')
  ]

  const rounds = quick ? 5 : 15
  await mkdir(blankDir)
  await writeFile(join(blankDir, 'index.html'), '<!doctype html><html><head><meta charset="UTF-8"><title>blank</title><script type="module" src="./main.js"></script></head><body></body></html>')
  await writeFile(join(blankDir, 'main.js'), "const b = document.createElement('button'); b.dataset.testid = 'send'; b.textContent = 'Send'; document.body.append(b)\n")
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
  try {
    await timeToShell(browser, blankDir, 1) // warm up the browser process and the OS file cache
    await timeToShell(browser, rendererDir, 1)
    const app: number[] = []
    const blank: number[] = []
    for (let round = 0; round < rounds; round++) {
      blank.push(...(await timeToShell(browser, blankDir, 1)))
      app.push(...(await timeToShell(browser, rendererDir, 1)))
    }
    rows.push(row(`startup: navigation to interactive app shell (Send enabled), Chromium, median of ${rounds}`, median(app), 'ms',
      { name: 'minimal page with one Send button, served the same way', value: median(blank) }, '< 1000 ms'))
  } finally {
    await browser.close()
  }
  return rows
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const rows = await run({ quick: process.argv.includes('--quick') })
  console.log(`machine: ${machine()}`)
  for (const r of rows) console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit} (ratio ${r.ratio?.toFixed(2) ?? '-'} vs ${r.baseline ?? '-'})`)
}
