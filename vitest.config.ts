import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

// The same aliases as electron.vite.config.ts, so tests import modules the way the app does.
const alias = {
  '@shared': resolve(import.meta.dirname, 'src/shared'),
  '@renderer': resolve(import.meta.dirname, 'src/renderer/src')
}

const shared = { testTimeout: 30_000, hookTimeout: 30_000, pool: 'forks' } as const

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          ...shared,
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/renderer/**', 'node_modules/**'],
          environment: 'node'
        }
      },
      {
        // Renderer state logic and components, in a DOM without a browser (happy-dom: Node 20 is supported).
        plugins: [react()],
        resolve: { alias },
        test: {
          ...shared,
          name: 'renderer',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['test/renderer/setup.ts']
        }
      }
    ]
  }
})
