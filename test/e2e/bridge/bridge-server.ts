/**
 * TEST-ONLY bridge: lets the built renderer run in a plain browser with `window.api` backed by the real main-process
 * handler table (real core, real sockets). Bound to 127.0.0.1 on a random port; every call needs a random token.
 * Never imported by src/ and never bundled.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createAppCore, type AppCore } from '../../../src/main/core/app-core'
import type { StartSandbox } from '../../../src/main/core/sandbox-port'
import type { RunningSandbox, SandboxOptions } from '../../../src/sandbox'
import { startSandboxWorker } from '../../../src/sandbox/worker/sandbox-client'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { dispatch, type Emit } from '../../../src/main/ipc/dispatch'
import { createSessionCipher } from '../../../src/main/core/vault/aes-cipher'
import { serveStatic } from './static-files'
import { catalogImportWorkerFromSource, historyWorkerFromSource, sandboxWorkerFromSource } from '../../../scripts/worker-source'

export interface BridgeOptions {
  /** Folder with the built renderer (index.html + assets). */
  rendererDir: string
  /** Run the sandbox (in its worker thread, as in the app) with these options; false or missing = no sandbox. */
  sandbox?: false | Pick<SandboxOptions, 'http' | 'waitTime'>
}

export interface Bridge {
  url: string
  token: string
  core: AppCore
  /** The running sandbox with all its credentials (core sees only what it seeds), or null. */
  sandbox: RunningSandbox | null
  /** What the next `dialog:pick-file` returns (null = the user cancelled the dialog). */
  setPickedFile(path: string | null): void
  /** What the next save dialog returns (null = cancelled). */
  setSavePath(path: string | null): void
  /** What main last put on the (stand-in) OS clipboard. */
  clipboard(): string | null
  /** What the next folder dialog returns (null = cancelled). */
  setPickedFolder(path: string | null): void
  /** Calls a command exactly as the renderer would (useful to seed state). */
  call(command: string, input: unknown): Promise<unknown>
  close(): Promise<void>
}

const MAX_BODY = 16 * 1024 * 1024

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) {
        reject(new Error('request body too large'))
        request.destroy()
      } else chunks.push(chunk)
    })
    request.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const rendererDir = resolve(options.rendererDir)
  const root = await mkdtemp(join(tmpdir(), 'explorer-e2e-'))
  let sandbox: RunningSandbox | null = null
  const sandboxOptions = options.sandbox
  // The sandbox in its worker thread, as in the app (run from source here).
  const startSandbox: StartSandbox | false = sandboxOptions
    ? async (dataDir, onStopped) =>
        (sandbox = await startSandboxWorker({ dataDir, ...sandboxOptions }, sandboxWorkerFromSource(), onStopped))
    : false
  const core = await createAppCore({
    dataDir: join(root, 'data'),
    tempDir: join(root, 'bodies'),
    startSandbox: startSandbox,
    // A real cipher with an in-memory key: the vault works, nothing outlives the test.
    cipher: createSessionCipher(null, true),
    // History in its worker thread, as in the app (run from source here).
    historyWorker: historyWorkerFromSource(),
    catalogImportWorker: catalogImportWorkerFromSource()
  })
  let pickedFile: string | null = null
  let savePath: string | null = null
  let pickedFolder: string | null = null
  let clipboardText: string | null = null
  const handlers = createHandlers(core, {
    pickFile: async () => pickedFile,
    pickSavePath: async () => savePath,
    pickFolder: async () => pickedFolder,
    // Imports use the same "next picked file" as the other open dialogs.
    pickImportFile: async () => pickedFile,
    writeClipboard: (text) => {
      clipboardText = text
    }
  })
  const token = randomBytes(24).toString('hex')
  const streams = new Set<ServerResponse>()

  const emit: Emit = (event, payload) => {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`
    for (const stream of streams) stream.write(frame)
  }

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://bridge.invalid')
    if (url.pathname === '/__bridge/call') {
      if (request.method !== 'POST' || !sameToken(request.headers['x-bridge-token'] as string | undefined, token)) {
        response.writeHead(403).end('forbidden')
        return
      }
      let message: { command?: unknown; input?: unknown }
      try {
        message = JSON.parse(await readBody(request)) as { command?: unknown; input?: unknown }
      } catch {
        response.writeHead(400).end('bad request')
        return
      }
      const envelope = await dispatch(handlers, message.command, message.input, emit)
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      response.end(JSON.stringify(envelope))
      return
    }
    if (url.pathname === '/__bridge/events') {
      if (!sameToken(url.searchParams.get('token'), token)) {
        response.writeHead(403).end('forbidden')
        return
      }
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      response.write(': connected\n\n')
      streams.add(response)
      request.on('close', () => streams.delete(response))
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end('method not allowed')
      return
    }
    await serveStatic(rendererDir, request, response)
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('[bridge]', error instanceof Error ? error.message : error)
      if (!response.headersSent) response.writeHead(500)
      response.end()
    })
  })
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolveListen())
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    core,
    sandbox,
    setPickedFile(path) {
      pickedFile = path
    },
    setSavePath(path) {
      savePath = path
    },
    setPickedFolder(path) {
      pickedFolder = path
    },
    clipboard: () => clipboardText,
    call: (command, input) => dispatch(handlers, command, input, emit),
    async close() {
      for (const stream of streams) stream.end()
      streams.clear()
      server.closeAllConnections()
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()))
      await core.close()
      await rm(root, { recursive: true, force: true })
    }
  }
}
