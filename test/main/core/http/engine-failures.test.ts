import { createServer, type Server } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEchoServer, type RunningServer } from '../../../support/echo-server'
import { startSilentServer, startSlowServer } from '../../../support/slow-server'
import { expectAppError, makeEngine, options, spec, type EngineFixture } from './helpers'

let echoServer: RunningServer
let slow: RunningServer
let silent: RunningServer
let fx: EngineFixture

beforeAll(async () => {
  ;[echoServer, slow, silent] = await Promise.all([startEchoServer(), startSlowServer(), startSilentServer()])
  fx = await makeEngine()
})
afterAll(async () => {
  await fx.dispose()
  await Promise.all([echoServer.close(), slow.close(), silent.close()])
})

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** Polls until the server has no open connection (the engine destroyed its socket), failing after ~2 s. */
const stalls = (): number => slow.requests.filter((record) => record.path === '/stall').length

/** Waits until the slow server has received more /stall requests than `before`. */
async function stallArrived(before: number): Promise<void> {
  while (stalls() <= before) await new Promise((resolve) => setTimeout(resolve, 10))
}

async function expectNoConnections(server: RunningServer): Promise<void> {
  for (let i = 0; i < 100 && (await server.connections()) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20))
  expect(await server.connections()).toBe(0)
}

describe('engine: network failures', () => {
  it('maps an unresolvable host to DNS_FAILURE naming the host', async () => {
    const error = await expectAppError(fx.engine.send(spec('http://no-such-host.invalid/x'), options()), 'DNS_FAILURE')
    expect(error.message).toContain('"no-such-host.invalid"')
  })

  it('maps a closed port to CONNECTION_REFUSED naming host:port', async () => {
    const port = await freePort()
    const error = await expectAppError(fx.engine.send(spec(`http://127.0.0.1:${port}/x`), options()), 'CONNECTION_REFUSED')
    expect(error.message).toContain(`127.0.0.1:${port}`)
  })

  it('maps a connection closed mid-response to CONNECTION_RESET', async () => {
    const rude: Server = createServer((socket) => {
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial')
        setTimeout(() => socket.resetAndDestroy(), 20)
      })
    })
    await new Promise<void>((resolve) => rude.listen(0, '127.0.0.1', resolve))
    const { port } = rude.address() as AddressInfo
    try {
      await expectAppError(fx.engine.send(spec(`http://127.0.0.1:${port}/x`), options()), 'CONNECTION_RESET')
      expect(await fx.tempFiles()).toEqual([])
    } finally {
      rude.close()
    }
  })

  it('maps a garbage response to NETWORK_ERROR', async () => {
    const liar: Server = createServer((socket) => socket.once('data', () => socket.end('SSH-2.0-OpenSSH_9.6\r\n')))
    await new Promise<void>((resolve) => liar.listen(0, '127.0.0.1', resolve))
    const { port } = liar.address() as AddressInfo
    try {
      await expectAppError(fx.engine.send(spec(`http://127.0.0.1:${port}/x`), options()), 'NETWORK_ERROR')
    } finally {
      liar.close()
    }
  })
})

describe('engine: timeouts', () => {
  it('stops a handshake that never completes with TIMEOUT_CONNECT and the limit in seconds', async () => {
    const error = await expectAppError(
      fx.engine.send(spec(`https://127.0.0.1:${silent.port}/x`), options({ connectTimeoutMs: 300 })),
      'TIMEOUT_CONNECT'
    )
    expect(error.message).toContain('0.3 s')
    expect(error.message).toContain(`127.0.0.1:${silent.port}`)
  })

  it('stops a server that never answers with TIMEOUT_TOTAL and the limit in seconds', async () => {
    const error = await expectAppError(fx.engine.send(spec(`${slow.url}/stall`), options({ totalTimeoutMs: 400 })), 'TIMEOUT_TOTAL')
    expect(error.message).toContain('0.4 s')
    await expectNoConnections(slow)
  })

  it('counts the body download in the total timeout', async () => {
    await expectAppError(fx.engine.send(spec(`${slow.url}/hang-body?size=300000`), options({ totalTimeoutMs: 500 })), 'TIMEOUT_TOTAL')
    expect(await fx.tempFiles()).toEqual([])
    await expectNoConnections(slow)
  })
})

describe('engine: cancel', () => {
  it('refuses to start with an already aborted signal', async () => {
    const controller = new AbortController()
    controller.abort()
    await expectAppError(fx.engine.send(spec(`${echoServer.url}/x`), options({ signal: controller.signal })), 'CANCELLED')
  })

  it('cancels while the connection is still being set up', async () => {
    const controller = new AbortController()
    const sending = fx.engine.send(spec(`https://127.0.0.1:${silent.port}/x`), options({ signal: controller.signal, connectTimeoutMs: 20_000 }))
    while ((await silent.connections()) === 0) await new Promise((resolve) => setTimeout(resolve, 10))
    controller.abort()
    // CANCELLED right away, not TIMEOUT_CONNECT 20 s later.
    await expectAppError(sending, 'CANCELLED')
  })

  it('cancels while waiting for the response headers', async () => {
    const controller = new AbortController()
    const before = stalls()
    const sending = fx.engine.send(spec(`${slow.url}/stall`), options({ signal: controller.signal }))
    await stallArrived(before)
    controller.abort()
    await expectAppError(sending, 'CANCELLED')
    await expectNoConnections(slow)
  })

  it('cancels during the body download without leaking the socket or the temp file', async () => {
    const controller = new AbortController()
    let received = 0
    const sending = fx.engine.send(
      spec(`${slow.url}/trickle?chunks=200&size=8192&interval=20`),
      options({
        signal: controller.signal,
        onProgress: (progress) => {
          if (progress.phase !== 'receiving') return
          received = progress.receivedBytes
          // Past the in-memory limit (256 KiB): the body is spilling to a temp file by now.
          if (received > 300 * 1024) controller.abort()
        }
      })
    )
    await expectAppError(sending, 'CANCELLED')
    expect(received).toBeGreaterThan(300 * 1024)
    expect(await fx.tempFiles()).toEqual([])
    await expectNoConnections(slow)
  })

  it('cancels in-flight sends when the engine closes', async () => {
    const local = await makeEngine()
    const before = stalls()
    const sending = local.engine.send(spec(`${slow.url}/stall`), options())
    await stallArrived(before)
    const outcome = expectAppError(sending, 'CANCELLED') // handle the rejection before close() triggers it
    await local.engine.close()
    const error = await outcome
    expect(error.message).toMatch(/closing/)
    await expectAppError(local.engine.send(spec(`${echoServer.url}/x`), options()), 'CANCELLED')
    await local.dispose()
    await expectNoConnections(slow)
  })
})
