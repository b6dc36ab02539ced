import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import appConfig from '../../electron.vite.config'

// The app's own main and preload build (electron.vite.config.ts), written to COMPOSITION_OUT instead of out/ so
// test/main/composition-root.test.ts never races a build or another test over out/. The renderer is not needed.
const outRoot = process.env['COMPOSITION_OUT']
if (!outRoot) throw new Error('COMPOSITION_OUT must name the folder to build into.')
const { main, preload } = appConfig as { main: NonNullable<typeof appConfig.main>; preload: NonNullable<typeof appConfig.preload> }

export default defineConfig({
  main: { ...main, build: { ...main.build, outDir: resolve(outRoot, 'main') } },
  preload: { ...preload, build: { ...preload.build, outDir: resolve(outRoot, 'preload') } }
})
