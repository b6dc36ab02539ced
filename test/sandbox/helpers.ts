/** Plain node:http(s) client for the sandbox tests: real sockets, raw bytes, nothing decoded implicitly. */
import { mkdtemp, rm } from 'node:fs/promises'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../src/sandbox'

export interface HttpResponse {
  status: number
  headers: IncomingHttpHeaders
  /** The bytes as received (still gzip-compressed when the server compressed them). */
  raw: Buffer
  text(): string
  json<T = unknown>(): T
}

export interface RequestOptions {
  method?: string
  headers?: Record<string, string>
  body?: string | Buffer
  /** PEM of a CA to trust (HTTPS only). */
  ca?: string
  /** Write the request, then call this before reading the response (for holding a request open). */
  signal?: AbortSignal
}

export function send(url: string, options: RequestOptions = {}): Promise<HttpResponse> {
  const target = new URL(url)
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...options.headers }
    if (options.body !== undefined) headers['Content-Length'] = Buffer.byteLength(options.body)
    const req = request(
      target,
      { method: options.method ?? 'GET', headers, ...(options.ca === undefined ? {} : { ca: options.ca }), agent: false,
        ...(options.signal === undefined ? {} : { signal: options.signal }) },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', reject)
        res.on('end', () => {
          const raw = Buffer.concat(chunks)
          const text = (): string =>
            (res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8')
          resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, text, json: <T>() => JSON.parse(text()) as T })
        })
      }
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

export interface TestSandbox {
  sandbox: RunningSandbox
  ca: string | undefined
  dir: string
  /** Moves the sandbox clock. */
  advance(ms: number): void
  /** The sandbox clock, in epoch ms. */
  nowMs(): number
  get(base: 'netskope' | 'cloudExchange' | 'insightcloudsec', path: string, options?: RequestOptions): Promise<HttpResponse>
  stop(): Promise<void>
}

/** Starts a sandbox in a temp folder with a controllable clock (frozen unless `realClock`). */
export async function startTestSandbox(options: Partial<SandboxOptions> & { realClock?: boolean } = {}): Promise<TestSandbox> {
  const dir = await mkdtemp(join(tmpdir(), 'sandbox-test-'))
  let offset = 0
  const frozen = Date.now()
  const now = options.realClock === true ? () => Date.now() + offset : () => frozen + offset
  const sandbox = await startSandbox({ dataDir: join(dir, 'data'), waitTime: 0, now, ...options })
  const ca = sandbox.caPath === null ? undefined : readFileSync(sandbox.caPath, 'utf8')
  return {
    sandbox,
    ca,
    dir,
    advance: (ms) => {
      offset += ms
    },
    nowMs: now,
    get: (base, path, requestOptions = {}) => send(sandbox.urls[base] + path, { ca, ...requestOptions }),
    stop: async () => {
      await sandbox.close()
      await rm(dir, { recursive: true, force: true })
    }
  }
}

export function tokenOf(sandbox: RunningSandbox, name: string): string {
  const token = sandbox.credentials.netskope.v2Tokens.find((t) => t.name === name)
  if (token === undefined) throw new Error(`no sandbox token named ${name}`)
  return token.token
}

export interface Page {
  ok: number
  result: Record<string, unknown>[]
  wait_time: number
  timestamp_hwm: number
}
