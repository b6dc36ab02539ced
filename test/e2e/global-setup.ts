import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

export const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer')

/**
 * The specs test the BUILT renderer. Unless E2E_SKIP_BUILD=1 (set by `npm test`, which has just run
 * `electron-vite build`), rebuild the renderer so a stale out/renderer is never what gets tested.
 */
export default function globalSetup(): void {
  if (process.env['E2E_SKIP_BUILD'] !== '1') {
    const vite = resolve(import.meta.dirname, '../../node_modules/vite/bin/vite.js')
    const result = spawnSync(
      process.execPath,
      [vite, 'build', '--emptyOutDir', '--logLevel', 'error', '--config', resolve(import.meta.dirname, 'renderer.vite.config.ts')],
      {
        stdio: 'inherit',
        cwd: resolve(import.meta.dirname, '../..'),
        env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' }
      }
    )
    if (result.status !== 0) throw new Error('Building the renderer for the e2e tests failed (see the output above).')
  }
  if (!existsSync(resolve(RENDERER_DIR, 'index.html'))) {
    throw new Error(`No built renderer at ${RENDERER_DIR}. Run \`npx electron-vite build\` first.`)
  }
}
