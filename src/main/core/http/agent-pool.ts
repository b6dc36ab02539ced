import { readFile, stat } from 'node:fs/promises'
import { createSecureContext, rootCertificates } from 'node:tls'
import { Agent, buildConnector } from 'undici'
import { AppError } from '@shared/model/errors'
import { timedConnector } from './connection-timing'
import { MAX_RESPONSE_HEADER_BYTES } from './errors'

export interface AgentKey {
  verify: boolean
  caPath: string | null
  connectTimeoutMs: number
}

interface Entry {
  /** Identifies the CA file's content version; a changed file gets a fresh agent. */
  caVersion: string
  agent: Promise<Agent>
}

/**
 * One undici Agent per TLS configuration and connect timeout, kept for the engine's life so keep-alive
 * connections are reused across sends (creating an Agent per request would reconnect every time).
 */
export class AgentPool {
  private readonly entries = new Map<string, Entry>()
  /** Created agents without a CA file, for the synchronous fast path. */
  private readonly ready = new Map<string, Agent>()
  private closed = false

  /** The agent for this configuration: synchronous when it exists and has no CA file to re-check. */
  get(key: AgentKey): Agent | Promise<Agent> {
    if (!(key.verify && key.caPath)) {
      const ready = this.ready.get(`${key.verify ? 1 : 0}|${key.connectTimeoutMs}|`)
      if (ready && !this.closed) return ready
    }
    return this.load(key)
  }

  private async load(key: AgentKey): Promise<Agent> {
    if (this.closed) throw new AppError('CANCELLED', 'The request engine is shut down.')
    const verify = key.verify
    const caPath = verify && key.caPath ? key.caPath : null
    const id = `${verify ? 1 : 0}|${key.connectTimeoutMs}|${caPath ?? ''}`
    const caVersion = caPath === null ? '' : await fileVersion(caPath)
    const existing = this.entries.get(id)
    if (existing && existing.caVersion === caVersion) return existing.agent
    if (existing) void existing.agent.then((agent) => agent.close()).catch(() => undefined)
    const agent = createAgent(verify, caPath, key.connectTimeoutMs)
    this.entries.set(id, { caVersion, agent })
    agent.then(
      (ready) => caPath === null && this.entries.get(id)?.agent === agent && this.ready.set(id, ready),
      () => this.entries.get(id)?.agent === agent && this.entries.delete(id)
    )
    return agent
  }

  /** Destroys every agent: open sockets are closed at once (in-flight requests were already cancelled). */
  async close(): Promise<void> {
    this.closed = true
    const agents = [...this.entries.values()].map((entry) => entry.agent)
    this.entries.clear()
    this.ready.clear()
    await Promise.allSettled(agents.map(async (agent) => (await agent).destroy()))
  }
}

async function fileVersion(caPath: string): Promise<string> {
  try {
    const info = await stat(caPath)
    return `${info.mtimeMs}|${info.size}`
  } catch (error) {
    throw caFileError(error, caPath)
  }
}

function caFileError(error: unknown, caPath: string): AppError {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new AppError(
      'FILE_NOT_FOUND',
      `The CA certificate file set in the environment's TLS settings was not found: ${caPath}`,
      "Choose the PEM file again in the environment's TLS settings."
    )
  }
  return new AppError('TLS_ERROR', `The CA certificate file ${caPath} cannot be read (${code ?? String(error)}).`)
}

async function createAgent(verify: boolean, caPath: string | null, connectTimeoutMs: number): Promise<Agent> {
  const ca = caPath === null ? undefined : [...rootCertificates, ...(await loadPemBundle(caPath))]
  const connector = buildConnector({
    timeout: connectTimeoutMs,
    rejectUnauthorized: verify,
    ...(ca ? { ca } : {})
  })
  // Timeouts other than connect are enforced per send (total timeout), so undici's own ones are switched off.
  return new Agent({ connect: timedConnector(connector), headersTimeout: 0, bodyTimeout: 0, maxHeaderSize: MAX_RESPONSE_HEADER_BYTES })
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g

async function loadPemBundle(caPath: string): Promise<string[]> {
  let text: string
  try {
    text = await readFile(caPath, 'utf8')
  } catch (error) {
    throw caFileError(error, caPath)
  }
  const blocks = text.match(PEM_BLOCK) ?? []
  if (blocks.length === 0) {
    throw new AppError(
      'TLS_ERROR',
      `The CA file ${caPath} contains no PEM certificate (expected "-----BEGIN CERTIFICATE-----").`,
      'Export the CA certificate in PEM (Base64) format, not DER, and choose that file.'
    )
  }
  blocks.forEach((block, index) => {
    try {
      createSecureContext({ ca: block })
    } catch (error) {
      throw new AppError(
        'TLS_ERROR',
        `Certificate ${index + 1} in the CA file ${caPath} is not a valid PEM certificate (${(error as Error).message}).`
      )
    }
  })
  return blocks
}
