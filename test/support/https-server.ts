import type { RequestListener } from 'node:http'
import { createServer } from 'node:https'
import { getTestCertificates, type TestCertificates } from './certs'
import { echoHandler, listen, type EchoRecord, type RunningServer } from './echo-server'

export type CertKind = 'self-signed' | 'ca-signed' | 'expired' | 'wrong-host'

export interface HttpsServerOptions {
  /** Which generated certificate the server presents (default self-signed). */
  cert?: CertKind
  /** Request handler (default: the echo handler, recording into `requests`). */
  handler?: RequestListener
}

export interface RunningHttpsServer extends RunningServer {
  /** PEM of the test CA that issued the non-self-signed certificates. */
  caPem: string
  /** PEM of the certificate this server presents. */
  certPem: string
}

function pick(certs: TestCertificates, kind: CertKind) {
  if (kind === 'ca-signed') return certs.caSigned
  if (kind === 'expired') return certs.expired
  if (kind === 'wrong-host') return certs.wrongHost
  return certs.selfSigned
}

/** HTTPS server on 127.0.0.1 (port 0) with a certificate generated at test time. */
export async function startHttpsServer(options: HttpsServerOptions = {}): Promise<RunningHttpsServer> {
  const certs = await getTestCertificates()
  const chosen = pick(certs, options.cert ?? 'self-signed')
  const records: EchoRecord[] = []
  const server = createServer({ key: chosen.keyPem, cert: chosen.certPem }, options.handler ?? echoHandler(records))
  // TLS failures on the client side show up here as handshake errors; they are expected in tests.
  server.on('tlsClientError', () => undefined)
  const running = await listen(server, 'https', records)
  return { ...running, caPem: certs.ca.certPem, certPem: chosen.certPem }
}
