import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test } from '@playwright/test'

// Runs after the build (npm test builds before e2e): the sandboxed preload must be one CommonJS file that needs
// nothing but electron, and the renderer must load no remote code.
const OUT = resolve(import.meta.dirname, '../../out')

test('the preload is a single CommonJS bundle requiring only electron', () => {
  const preload = readFileSync(resolve(OUT, 'preload/index.cjs'), 'utf8')
  const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1])
  expect(new Set(required)).toEqual(new Set(['electron']))
  expect(preload).not.toMatch(/^\s*(import|export)\s/m)
  expect(preload).toContain('exposeInMainWorld')
})

test('the renderer page has a strict CSP and no remote scripts', () => {
  const html = readFileSync(resolve(OUT, 'renderer/index.html'), 'utf8')
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1] ?? ''
  expect(csp).toContain("default-src 'self'")
  expect(csp).toContain("script-src 'self'")
  expect(csp).not.toMatch(/unsafe-eval|https?:/)
  expect(html).not.toMatch(/<script[^>]+src="https?:/i)
})

test('the built history worker (started by the built main) records and answers on its own', async () => {
  // Imports only its chunk and node built-ins (no electron), so plain Node runs it exactly as Electron's main would.
  const { mkdtemp } = await import('node:fs/promises')
  const { tmpdir } = await import('node:os')
  const { pathToFileURL } = await import('node:url')
  const { startHistoryWorker } = await import('../../src/main/core/history/history-client')
  const dir = await mkdtemp(resolve(tmpdir(), 'built-history-'))
  const fallback = (): never => {
    throw new Error('the built history worker failed to start')
  }
  const history = startHistoryWorker(dir, { file: pathToFileURL(resolve(OUT, 'main/history-worker.js')) }, fallback)
  history.add({ spec: { method: 'GET', url: 'https://built.example/a', query: [], headers: [], body: { kind: 'none' } }, environmentId: null, error: { code: 'TIMEOUT_TOTAL', message: 'x' } })
  expect((await history.search({})).items.map((item) => item.url)).toEqual(['https://built.example/a'])
  await history.close()
})

test('the built sandbox worker (started by the built main) serves requests on its own thread', async () => {
  const { mkdtemp, rm } = await import('node:fs/promises')
  const { tmpdir } = await import('node:os')
  const { pathToFileURL } = await import('node:url')
  const { startSandboxWorker } = await import('../../src/sandbox/worker/sandbox-client')
  const dir = await mkdtemp(resolve(tmpdir(), 'built-sandbox-'))
  const sandbox = await startSandboxWorker({ dataDir: dir, http: true }, { file: pathToFileURL(resolve(OUT, 'main/sandbox-worker.js')) })
  try {
    const health = await fetch(`${sandbox.urls.cloudExchange}/api/healthcheck`)
    expect(await health.json()).toEqual({ sucess: true })
  } finally {
    await sandbox.close()
    await rm(dir, { recursive: true, force: true })
  }
})

test('the built catalog import worker (started by the built main) imports a file on its own thread', async () => {
  const { pathToFileURL } = await import('node:url')
  const { importInWorker } = await import('../../src/main/core/catalog-import/import-in-worker')
  const fixture = resolve(import.meta.dirname, '../main/core/catalog-import/fixtures/petstore-swagger2-dangling.json')
  const { catalog, stored } = await importInWorker({ file: pathToFileURL(resolve(OUT, 'main/catalog-import-worker.js')) }, fixture)
  expect(catalog.report.imported).toBe(4)
  expect(JSON.parse(stored)).toMatchObject({ version: 1, catalog: { id: catalog.id } })
})
