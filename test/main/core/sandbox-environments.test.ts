import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore } from '../../../src/main/core/app-core'
import type { SandboxPort, StartSandbox } from '../../../src/main/core/sandbox-port'
import { createSessionCipher } from '../../../src/main/core/vault/aes-cipher'
import { secretKey } from '../../../src/main/core/vault/vault'

// Core's side of the sandbox seam (src/main/core/sandbox-port.ts), without the sandbox: a stand-in port shows what
// core does with whatever the composition root hands it. The real sandbox behind it: test/sandbox/worker/.

function urls(port: number): { netskope: string; cloudExchange: string; insightcloudsec: string; falcon: string } {
  return {
    netskope: `https://127.0.0.1:${port}`,
    cloudExchange: `https://127.0.0.1:${port + 1}`,
    insightcloudsec: `https://127.0.0.1:${port + 2}`,
    falcon: `https://127.0.0.1:${port + 3}`
  }
}

/** The demo environments a sandbox on `port` describes (the real ones: src/sandbox/listeners.ts). */
function demos(port: number): SandboxPort['demos'] {
  const url = urls(port)
  return [
    { id: 'sandbox-netskope', name: 'Sandbox · Netskope tenant', api: 'netskope', url: url.netskope, auth: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' }, secrets: { v2Token: 'live-v2', v1Token: 'v1-token' } },
    { id: 'sandbox-cloud-exchange', name: 'Sandbox · Cloud Exchange', api: 'cloud-exchange', url: url.cloudExchange, auth: { kind: 'cloud-exchange', clientId: 'ce-client', secretExpiresOn: null }, secrets: { clientSecret: 'ce-secret' } },
    { id: 'sandbox-insightcloudsec', name: 'Sandbox · InsightCloudSec', api: 'insightcloudsec', url: url.insightcloudsec, auth: { kind: 'insightcloudsec', username: 'ics-user' }, secrets: { apiKey: 'ics-key', password: 'ics-password' } },
    { id: 'sandbox-falcon', name: 'Sandbox · CrowdStrike Falcon', api: 'falcon', url: url.falcon, auth: { kind: 'falcon', clientId: 'falcon-client' }, secrets: { clientSecret: 'falcon-secret', unset: undefined } }
  ]
}

/** A port that records where core asked for its data and whether core closed it. */
function standIn(port: number, warnings: string[] = []): { start: StartSandbox; dataDirs: string[]; closed: () => number; stop: (message: string) => void } {
  const dataDirs: string[] = []
  let closes = 0
  let stopped: (message: string) => void = () => undefined
  const start: StartSandbox = async (dataDir, onStopped) => {
    dataDirs.push(dataDir)
    stopped = onStopped
    return { urls: urls(port), caPath: join(dataDir, 'ca.pem'), demos: demos(port), warnings, close: async () => void closes++ }
  }
  return { start, dataDirs, closed: () => closes, stop: (message) => stopped(message) }
}

describe('the demo environments core keeps for the sandbox it is handed', () => {
  let root: string
  const cipher = createSessionCipher(null, true)
  const open = (sandbox: false | StartSandbox): Promise<AppCore> =>
    createAppCore({ dataDir: join(root, 'data'), tempDir: join(root, 'bodies'), startSandbox: sandbox, cipher })

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'sandbox-environments-'))
  })
  afterEach(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('creates one environment per API on the port, seeds its credentials once, and closes the port with core', async () => {
    const first = standIn(9000, ['the old CA was unreadable'])
    const core = await open(first.start)
    try {
      expect(first.dataDirs).toEqual([join(root, 'data', 'sandbox')])
      expect(core.notices).toContain('the old CA was unreadable')
      const byId = new Map(core.environments.list().map((environment) => [environment.id, environment]))
      expect(byId.get('sandbox-netskope')).toMatchObject({ api: 'netskope', baseUrl: 'https://127.0.0.1:9000', sandbox: true })
      expect(byId.get('sandbox-cloud-exchange')).toMatchObject({ auth: { kind: 'cloud-exchange', clientId: 'ce-client' } })
      expect(byId.get('sandbox-insightcloudsec')?.tls).toEqual({ verify: true, caPath: join(root, 'data', 'sandbox', 'ca.pem') })
      expect(await core.vault.reveal(secretKey('sandbox-netskope', 'v2Token'))).toBe('live-v2')
      expect(await core.vault.reveal(secretKey('sandbox-cloud-exchange', 'clientSecret'))).toBe('ce-secret')
      expect(await core.vault.reveal(secretKey('sandbox-insightcloudsec', 'password'))).toBe('ics-password')
      await core.environments.save({ ...core.environments.get('sandbox-netskope'), name: 'Renamed by the user' })
    } finally {
      await core.close()
    }
    expect(first.closed()).toBe(1)

    const next = await open(standIn(9100).start)
    try {
      // Fresh ports each start: the URL follows them, the user's rename stays.
      expect(next.environments.get('sandbox-netskope')).toMatchObject({ name: 'Renamed by the user', baseUrl: 'https://127.0.0.1:9100' })
      expect(next.sandbox?.urls.insightcloudsec).toBe('https://127.0.0.1:9102')
    } finally {
      await next.close()
    }
  })

  it('opens without a sandbox, with a notice, when it cannot start; and says so when it stops later', async () => {
    const broken = await open(async () => {
      throw new Error('no free port')
    })
    try {
      expect(broken.sandbox).toBeNull()
      expect(broken.environments.list()).toEqual([])
      expect(broken.notices.join('\n')).toMatch(/sandbox could not start.*no free port/)
    } finally {
      await broken.close()
    }

    const dying = standIn(9200)
    const core = await open(dying.start)
    try {
      dying.stop('The built-in sandbox stopped unexpectedly (exit 3)')
      expect(core.notices).toContain('The built-in sandbox stopped unexpectedly (exit 3)')
    } finally {
      await core.close()
    }
  })

  it('starts nothing with sandbox: false', async () => {
    const core = await open(false)
    try {
      expect(core.sandbox).toBeNull()
      expect(core.environments.list()).toEqual([])
    } finally {
      await core.close()
    }
  })
})
