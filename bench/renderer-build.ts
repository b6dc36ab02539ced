/**
 * Benchmarks that drive the built renderer need out/renderer, which a fresh clone does not have: build it (the
 * renderer only, with the app's own vite settings, as the e2e setup does) when it is missing or older than its
 * sources. The runner calls this once before such benchmarks; they may call it too when run alone.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')
export const RENDERER_DIR = join(ROOT, 'out', 'renderer')
const SOURCES = ['src/renderer', 'src/shared', 'electron.vite.config.ts', 'package.json']

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null)
  if (!info) return 0
  if (!info.isDirectory()) return info.mtimeMs
  let newest = info.mtimeMs
  for (const entry of await readdir(path)) newest = Math.max(newest, await newestMtime(join(path, entry)))
  return newest
}

export async function ensureRendererBuilt(): Promise<void> {
  // Set by the runner once it has built: a source edited mid-run (others work in this tree) must not rebuild again.
  if (process.env['BENCH_RENDERER_READY'] === '1') return
  const index = join(RENDERER_DIR, 'index.html')
  const built = existsSync(index) ? (await stat(index)).mtimeMs : 0
  let sources = 0
  for (const source of SOURCES) sources = Math.max(sources, await newestMtime(join(ROOT, source)))
  if (built >= sources) {
    process.env['BENCH_RENDERER_READY'] = '1'
    return
  }
  console.log(built === 0 ? 'building the renderer (out/renderer is missing)...' : 'rebuilding the renderer (its sources changed)...')
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js')
  const config = join(ROOT, 'test', 'e2e', 'renderer.vite.config.ts')
  const result = spawnSync(process.execPath, [vite, 'build', '--emptyOutDir', '--logLevel', 'error', '--config', config], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' }
  })
  if (result.status !== 0 || !existsSync(index)) throw new Error('Building the renderer failed (see the output above).')
  process.env['BENCH_RENDERER_READY'] = '1'
}
