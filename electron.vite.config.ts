import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const shared = { '@shared': resolve(__dirname, 'src/shared') }

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      outDir: 'out/main',
      // The history, sandbox and catalog import workers are their own entries (out/main/<name>.js), started by index.ts.
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          'history-worker': resolve(__dirname, 'src/main/core/history/history-worker.ts'),
          'sandbox-worker': resolve(__dirname, 'src/sandbox/worker/sandbox-worker.ts'),
          'catalog-import-worker': resolve(__dirname, 'src/main/core/catalog-import/import-worker.ts')
        }
      }
    }
  },
  preload: {
    resolve: { alias: shared },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load ESM or require node_modules: one self-contained CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias: { ...shared, '@renderer': resolve(__dirname, 'src/renderer/src') } },
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      // The big chunks are Monaco, loaded lazily after the shell is interactive.
      chunkSizeWarningLimit: 4096,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    }
  }
})
