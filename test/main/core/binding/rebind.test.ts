import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppCore } from '../../../../src/main/core/app-core'
import { createHandlers } from '../../../../src/main/ipc/handlers'
import { dispatch, type Handlers } from '../../../../src/main/ipc/dispatch'
import { secretKey } from '../../../../src/main/core/vault/vault'
import type { Environment } from '../../../../src/shared/model/environment'
import { startEchoServer, type RunningServer } from '../../../support/echo-server'
import { received, saveEnvironment, send, startCore } from './core-fixture'

// A page may save any environment (environment:save): pointing one at its own host, or allowing its own origin,
// must not carry the stored secrets there. Secrets are bound to the origins they were entered for.
const TOKEN = 'v2-token-Rebind-987654'
let home: RunningServer
let other: RunningServer
let core: AppCore
let handlers: Handlers

beforeAll(async () => {
  ;[home, other] = await Promise.all([startEchoServer(), startEchoServer()])
  core = await startCore()
  handlers = createHandlers(core, { pickFile: async () => null })
})
afterAll(async () => {
  await core?.close()
  await Promise.all([home?.close(), other?.close()])
})

const save = (environment: Environment): Promise<unknown> => dispatch(handlers, 'environment:save', environment, () => undefined)
const netskope = { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' } as const

describe('re-binding an environment through environment:save', () => {
  it('a new base URL origin drops the secrets; the new host never gets them', async () => {
    const environment = await saveEnvironment(core, { id: 'moved', api: 'netskope', baseUrl: home.url, auth: netskope }, { v2Token: TOKEN })
    expect(await save({ ...environment, baseUrl: other.url })).toMatchObject({ ok: true })
    expect(core.vault.has(secretKey('moved', 'v2Token'))).toBe(false)
    await send(core, 'moved', { url: '/api/v2/events' })
    expect(other.requests.map(received).join('\n')).not.toContain(TOKEN)
  })

  it('allowing a new origin drops the secrets too', async () => {
    const environment = await saveEnvironment(core, { id: 'widened', api: 'netskope', baseUrl: home.url, auth: netskope }, { v2Token: TOKEN })
    expect(await save({ ...environment, allowedOrigins: [other.url] })).toMatchObject({ ok: true })
    expect(core.vault.has(secretKey('widened', 'v2Token'))).toBe(false)
  })

  it('the same origins keep them (another path, a removed allowed origin, other fields)', async () => {
    const environment = await saveEnvironment(core, { id: 'kept', api: 'netskope', baseUrl: home.url, auth: netskope, allowedOrigins: [other.url] }, { v2Token: TOKEN })
    expect(await save({ ...environment, baseUrl: `${home.url}/api`, allowedOrigins: [], name: 'renamed' })).toMatchObject({ ok: true })
    expect(core.vault.has(secretKey('kept', 'v2Token'))).toBe(true)
  })
})
