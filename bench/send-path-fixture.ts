/**
 * What bench/engine-overhead.ts and bench/send-path-layers.ts share: a small-JSON loopback server, an AppCore with
 * history in its worker thread (as the app runs it), its IPC handler table, and an undici Agent for raw requests.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Agent } from 'undici'
import { createAppCore, type AppCore } from '../src/main/core/app-core'
import { createSessionCipher } from '../src/main/core/vault/aes-cipher'
import { createHandlers } from '../src/main/ipc/handlers'
import type { Handlers } from '../src/main/ipc/dispatch'
import { historyWorkerFromSource } from '../scripts/history-worker-source'

export interface SendPathFixture {
  url: string
  core: AppCore
  handlers: Handlers
  agent: Agent
  close(): Promise<void>
}

export async function startSendPathFixture(name: string): Promise<SendPathFixture> {
  const body = JSON.stringify({ ok: 1, result: [{ id: 1, app: 'Amazon S3' }] })
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body))
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bench`
  const dir = await mkdtemp(join(tmpdir(), `bench-${name}-`))
  const core = await createAppCore({
    dataDir: join(dir, 'data'),
    tempDir: join(dir, 'tmp'),
    sandbox: false, // no built-in mock API server: the loopback server above is the target
    cipher: createSessionCipher(null),
    historyWorker: historyWorkerFromSource()
  })
  const agent = new Agent()
  return {
    url,
    core,
    handlers: createHandlers(core, { pickFile: async () => null }),
    agent,
    async close() {
      await core.close()
      await agent.close()
      server.close()
      await rm(dir, { recursive: true, force: true })
    }
  }
}
