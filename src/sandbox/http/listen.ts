import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { AppError } from '../../shared/model/errors'

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>

export interface TlsMaterial {
  key: string
  cert: string
}

export interface Listener {
  port: number
  close(): Promise<void>
}

/**
 * Starts one listener. Handler failures never crash the process: they are answered with a plain 500
 * (or the connection is dropped when headers were already sent).
 */
export async function listen(
  name: string,
  handler: RequestHandler,
  host: string,
  port: number,
  tls: TlsMaterial | null
): Promise<Listener> {
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    handler(req, res).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error)
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify({ message: `Sandbox ${name} failed: ${reason}` }))
      } else {
        res.destroy()
      }
    })
  }
  const server = tls === null ? createHttpServer(onRequest) : createHttpsServer({ ...tls }, onRequest)
  server.keepAliveTimeout = 30_000
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      const detail = error.code === 'EADDRINUSE' ? 'the port is already in use' : error.message
      reject(new AppError('INVALID_INPUT', `Sandbox ${name} could not listen on ${host}:${port}: ${detail}`))
    }
    server.once('error', onError)
    server.listen(port, host, () => {
      server.off('error', onError)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}
