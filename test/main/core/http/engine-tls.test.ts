import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpsServer, type CertKind, type RunningHttpsServer } from '../../../support/https-server'
import { expectAppError, makeEngine, options, spec, type EngineFixture } from './helpers'

const servers = {} as Record<CertKind, RunningHttpsServer>
let fx: EngineFixture
let caPath: string

beforeAll(async () => {
  for (const kind of ['self-signed', 'ca-signed', 'expired', 'wrong-host'] as const) servers[kind] = await startHttpsServer({ cert: kind })
  fx = await makeEngine()
  caPath = join(fx.tempDir, '..', 'test-ca.pem')
  await writeFile(caPath, servers['ca-signed'].caPem)
}, 60_000)
afterAll(async () => {
  await fx.dispose()
  await Promise.all(Object.values(servers).map((server) => server.close()))
})

const TLS_HINT = /CA certificate in the environment's TLS settings.*turn verification off/

describe('engine: TLS', () => {
  it('rejects a self-signed certificate with TLS_SELF_SIGNED and a hint', async () => {
    const error = await expectAppError(fx.engine.send(spec(`${servers['self-signed'].url}/x`), options()), 'TLS_SELF_SIGNED')
    expect(error.message).toContain(`127.0.0.1:${servers['self-signed'].port}`)
    expect(error.hint).toMatch(TLS_HINT)
  })

  it('rejects an unknown issuer with TLS_UNTRUSTED', async () => {
    const error = await expectAppError(fx.engine.send(spec(`${servers['ca-signed'].url}/x`), options()), 'TLS_UNTRUSTED')
    expect(error.hint).toMatch(TLS_HINT)
  })

  it('trusts a CA bundle from caPath in addition to the system roots', async () => {
    const result = await fx.engine.send(spec(`${servers['ca-signed'].url}/x`), options({ tls: { verify: true, caPath } }))
    expect(result.status).toBe(200)
    expect(result.warnings).toEqual([])
    expect(result.timings.tlsMs).toBeGreaterThan(0)
  })

  it('reports an expired certificate with TLS_EXPIRED', async () => {
    await expectAppError(fx.engine.send(spec(`${servers.expired.url}/x`), options({ tls: { verify: true, caPath } })), 'TLS_EXPIRED')
  })

  it('reports a host name mismatch with TLS_HOSTNAME_MISMATCH', async () => {
    const error = await expectAppError(
      fx.engine.send(spec(`${servers['wrong-host'].url}/x`), options({ tls: { verify: true, caPath } })),
      'TLS_HOSTNAME_MISMATCH'
    )
    expect(error.message).toContain('127.0.0.1')
  })

  it('connects to any of them with verification off, and warns', async () => {
    for (const server of Object.values(servers)) {
      const result = await fx.engine.send(spec(`${server.url}/x`), options({ tls: { verify: false, caPath: null } }))
      expect(result.status).toBe(200)
      expect(result.warnings).toContain("TLS verification is off: the server's certificate was not checked.")
    }
  })

  it('fails clearly for a missing or non-PEM CA file', async () => {
    const missing = join(fx.tempDir, '..', 'missing-ca.pem')
    const notFound = await expectAppError(
      fx.engine.send(spec(`${servers['ca-signed'].url}/x`), options({ tls: { verify: true, caPath: missing } })),
      'FILE_NOT_FOUND'
    )
    expect(notFound.message).toContain(missing)
    const garbage = join(fx.tempDir, '..', 'garbage.pem')
    await writeFile(garbage, 'not a certificate')
    const bad = await expectAppError(
      fx.engine.send(spec(`${servers['ca-signed'].url}/x`), options({ tls: { verify: true, caPath: garbage } })),
      'TLS_ERROR'
    )
    expect(bad.message).toMatch(/no PEM certificate/)
  })

  it('picks up a CA file that changed since the last send', async () => {
    const path = join(fx.tempDir, '..', 'changing-ca.pem')
    await writeFile(path, servers['self-signed'].certPem)
    await expectAppError(fx.engine.send(spec(`${servers['ca-signed'].url}/x`), options({ tls: { verify: true, caPath: path } })), 'TLS_UNTRUSTED')
    await writeFile(path, `${servers['self-signed'].certPem}\n${servers['ca-signed'].caPem}`)
    const result = await fx.engine.send(spec(`${servers['ca-signed'].url}/x`), options({ tls: { verify: true, caPath: path } }))
    expect(result.status).toBe(200)
  })
})
