/**
 * What bench/engine-overhead.ts and bench/send-path-layers.ts share: a small-JSON loopback server, an AppCore with
 * history in its worker thread (as the app runs it), its IPC handler table, and an undici Agent for raw requests.
 *
 * Main's code is bundled first (esbuild: ESM, no minification, like electron-vite's main build) and loaded from the
 * bundle, history worker included, instead of being run from source under tsx: tsx compiles with esbuild's keepNames,
 * which wraps every named function and class expression in a `__name(...)` call made each time it is created (per
 * send for closures and per-call objects), costing a few µs per request that the shipped build does not have.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { Agent } from 'undici'
import type { AppCore } from '../src/main/core/app-core'
import type { Handlers } from '../src/main/ipc/dispatch'

type BuiltMain = typeof import('./send-path-main')

export interface SendPathFixture {
  url: string
  /** The bundled main modules this fixture's core and handlers come from (use these, not src imports, alongside). */
  main: BuiltMain
  core: AppCore
  handlers: Handlers
  agent: Agent
  close(): Promise<void>
}

const ROOT = resolve(import.meta.dirname, '..')

/** Bundles send-path-main.ts and the history worker into `outDir` (inside the repo, so bare imports resolve). */
async function buildMain(outDir: string): Promise<void> {
  await build({
    entryPoints: { 'send-path-main': join(import.meta.dirname, 'send-path-main.ts'), 'history-worker': join(ROOT, 'src/main/core/history/history-worker.ts') },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    tsconfig: join(ROOT, 'tsconfig.node.json'),
    logLevel: 'warning'
  })
}

export async function startSendPathFixture(name: string): Promise<SendPathFixture> {
  const outDir = join(ROOT, 'node_modules', '.cache', `bench-${name}-${process.pid}`)
  await buildMain(outDir)
  const main = (await import(pathToFileURL(join(outDir, 'send-path-main.mjs')).href)) as BuiltMain
  const body = JSON.stringify({ ok: 1, result: [{ id: 1, app: 'Amazon S3' }] })
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body))
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bench`
  const dir = await mkdtemp(join(tmpdir(), `bench-${name}-`))
  const core = await main.createAppCore({
    dataDir: join(dir, 'data'),
    tempDir: join(dir, 'tmp'),
    startSandbox: false, // no built-in mock API server: the loopback server above is the target
    cipher: main.createSessionCipher(null),
    historyWorker: { file: pathToFileURL(join(outDir, 'history-worker.mjs')) }
  })
  const agent = new Agent()
  return {
    url,
    main,
    core,
    handlers: main.createHandlers(core, { pickFile: async () => null }),
    agent,
    async close() {
      await core.close()
      await agent.close()
      server.close()
      await rm(dir, { recursive: true, force: true })
      await rm(outDir, { recursive: true, force: true })
    }
  }
}
