import { fork, spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')
const STAND_IN = resolve(ROOT, 'test/support/electron-stand-in')

/** A reference to a function the built main handed to the stand-in (a listener, an IPC or permission handler). */
export interface FunctionRef {
  $fn: number
}

export interface RecordedCall {
  /** `app.on`, `ipcMain.handle`, `new BrowserWindow`, `BrowserWindow#1.webContents.on`, ... */
  api: string
  args: unknown[]
}

export interface BuiltMain {
  calls: RecordedCall[]
  /** Calls of the `{ $callback: name }` functions passed to invoke(). */
  callbacks: { name: string; args: unknown[] }[]
  waitFor(match: (call: RecordedCall) => boolean, what: string): Promise<RecordedCall>
  /** Calls a function the app handed over; `{ $callback: name }` arguments become recording functions. */
  invoke(fn: unknown, ...args: unknown[]): Promise<unknown>
  stderr(): string
  stop(): Promise<void>
}

/** Builds main and preload with the app's own electron-vite config into `outDir` (test/support/composition-build.config.ts). */
export function buildMainAndPreload(outDir: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [resolve(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '-c', 'test/support/composition-build.config.ts'],
      { cwd: ROOT, env: { ...process.env, COMPOSITION_OUT: outDir }, stdio: ['ignore', 'pipe', 'pipe'] }
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', fail)
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`electron-vite build failed (${code}):\n${output}`))))
  })
}

export interface StartOptions {
  packaged: boolean
  /** What app.getPath(name) answers. */
  paths: Record<string, string>
  env?: Record<string, string>
}

/** Runs the built out/main/index.js in plain Node with `electron` resolved to the recording stand-in. */
export function startBuiltMain(mainFile: string, options: StartOptions): BuiltMain {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env }
  if (!options.env?.['ELECTRON_RENDERER_URL']) delete env['ELECTRON_RENDERER_URL']
  env['STAND_IN_PACKAGED'] = options.packaged ? '1' : '0'
  env['STAND_IN_PATHS'] = JSON.stringify(options.paths)
  const child: ChildProcess = fork(mainFile, [], {
    execArgv: ['--import', resolve(STAND_IN, 'register.mjs')],
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc']
  })
  const calls: RecordedCall[] = []
  const callbacks: BuiltMain['callbacks'] = []
  const waiters = new Set<() => void>()
  const results = new Map<number, (message: { value?: unknown; error?: string }) => void>()
  let stderr = ''
  let exited: string | null = null
  let nextRequest = 1
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdout?.resume()
  child.on('exit', (code, signal) => {
    exited = `the built main exited (${code ?? signal})`
    waiters.forEach((wake) => wake())
  })
  child.on('message', (message: { type: string; requestId?: number } & Record<string, unknown>) => {
    if (message.type === 'call') calls.push(message as unknown as RecordedCall)
    if (message.type === 'callback') callbacks.push(message as unknown as BuiltMain['callbacks'][number])
    if (message.type === 'result' && message.requestId !== undefined) results.get(message.requestId)?.(message as { value?: unknown; error?: string })
    waiters.forEach((wake) => wake())
  })

  return {
    calls,
    callbacks,
    stderr: () => stderr,
    waitFor(match, what) {
      return new Promise((done, fail) => {
        const timer = setTimeout(() => finish(new Error(`timed out waiting for ${what}; stderr:\n${stderr}`)), 30_000)
        const finish = (error: Error | null, call?: RecordedCall): void => {
          clearTimeout(timer)
          waiters.delete(check)
          if (error) fail(error)
          else done(call as RecordedCall)
        }
        const check = (): void => {
          const call = calls.find(match)
          if (call) finish(null, call)
          else if (exited) finish(new Error(`${exited} before ${what}; stderr:\n${stderr}`))
        }
        waiters.add(check)
        check()
      })
    },
    invoke(fn, ...args) {
      if (typeof fn !== 'object' || fn === null || !('$fn' in fn)) return Promise.reject(new Error(`not a recorded function: ${JSON.stringify(fn)}`))
      const requestId = nextRequest++
      return new Promise((done, fail) => {
        results.set(requestId, (message) => {
          results.delete(requestId)
          if (message.error) fail(new Error(message.error))
          else done(message.value)
        })
        child.send({ type: 'invoke', requestId, fn: (fn as FunctionRef).$fn, args })
      })
    },
    stop() {
      if (exited) return Promise.resolve()
      return new Promise((done) => {
        child.once('exit', () => done())
        child.kill()
      })
    }
  }
}
