/**
 * Builds only the renderer (same settings as electron.vite.config.ts) for the e2e suite, so the UI can be tested
 * while main/preload are mid-change. `npm test` runs the full `electron-vite build` instead.
 * Usage: npx vite build --config test/e2e/renderer.vite.config.ts
 */
import { defineConfig, type UserConfig } from 'vite'
import electronViteConfig from '../../electron.vite.config'

const renderer = (electronViteConfig as { renderer?: UserConfig }).renderer
if (!renderer) throw new Error('electron.vite.config.ts has no renderer section')

// Monaco's lazy chunks are large by nature; the size warning would only be noise in the test output.
export default defineConfig({ ...renderer, base: './', build: { ...renderer.build, chunkSizeWarningLimit: 4096 } })
