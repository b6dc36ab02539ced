/** Starts the Falcon listener alone on 127.0.0.1 over plain HTTP with a runtime the test controls. */
import { sandboxCredentials } from '../../../src/sandbox/credentials'
import { FALCON_SANDBOX_CLIENTS, type FalconSandboxClient } from '../../../src/sandbox/falcon/credentials'
import { createFalconHandler } from '../../../src/sandbox/falcon/server'
import { listen } from '../../../src/sandbox/http/listen'
import type { SandboxRuntime } from '../../../src/sandbox/types'
import { send, type HttpResponse, type RequestOptions } from '../helpers'

export interface FalconHarness {
  url: string
  runtime: SandboxRuntime
  advance(ms: number): void
  call(path: string, options?: RequestOptions): Promise<HttpResponse>
  /** GET/POST with a bearer token. */
  authed(token: string, path: string, options?: RequestOptions): Promise<HttpResponse>
  tokenFor(name: string): Promise<string>
  close(): Promise<void>
}

export const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' }

export function client(name: string): FalconSandboxClient {
  const found = FALCON_SANDBOX_CLIENTS.find((c) => c.name === name)
  if (found === undefined) throw new Error(`no Falcon sandbox client ${name}`)
  return found
}

export async function startFalcon(overrides: Partial<SandboxRuntime> = {}): Promise<FalconHarness> {
  let offset = 0
  const frozen = Date.UTC(2026, 0, 15, 12, 0, 0)
  const runtime: SandboxRuntime = {
    seed: 1, waitTime: 0, rateLimit: true, now: () => frozen + offset, startedAtSec: Math.floor(frozen / 1000),
    credentials: sandboxCredentials(), hooks: {},
    urls: { netskope: 'http://127.0.0.1:1', cloudExchange: 'http://127.0.0.1:2', insightcloudsec: 'http://127.0.0.1:3', falcon: '' },
    ...overrides
  }
  const listener = await listen('falcon', createFalconHandler(runtime), '127.0.0.1', 0, null)
  const url = `http://127.0.0.1:${listener.port}`
  const call = (path: string, options: RequestOptions = {}): Promise<HttpResponse> => send(url + path, options)
  return {
    url,
    runtime,
    advance: (ms) => {
      offset += ms
    },
    call,
    authed: (token, path, options = {}) => call(path, { ...options, headers: { Authorization: `Bearer ${token}`, ...options.headers } }),
    tokenFor: async (name) => {
      const c = client(name)
      const res = await call('/oauth2/token', { method: 'POST', headers: FORM, body: `client_id=${c.clientId}&client_secret=${c.clientSecret}` })
      if (res.status !== 201) throw new Error(`token for ${name}: ${res.status} ${res.text()}`)
      return res.json<{ access_token: string }>().access_token
    },
    close: () => listener.close()
  }
}

export interface Envelope<T = unknown> {
  meta: { query_time: number; powered_by: string; trace_id: string; pagination?: { offset?: number | string; limit?: number; total?: number; after?: string } }
  resources: T[]
  errors: { code: number; message: string; id?: string }[]
}
