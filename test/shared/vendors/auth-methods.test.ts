import { describe, expect, it } from 'vitest'
import { alreadyCarried, chooseMethod, statusMethod } from '../../../src/shared/vendors/auth-methods'
import { planRequest } from '../../../src/shared/snippets/plan'
import { input } from '../snippets/fixtures'
import type { AuthProfile } from '../../../src/shared/model/auth'


const as = (profile: AuthProfile): AuthProfile => profile
const all = (): boolean => true
const only = (...names: string[]) => (name: string): boolean => names.includes(name)
const netskope = { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' } as const
const ics = { kind: 'insightcloudsec', username: 'jdoe' } as const

describe('which credential a request gets (one rule for main, the panel and the snippets)', () => {
  it('Netskope: each token only to its own API version; the panel names v2 first', () => {
    expect(chooseMethod(netskope, '/api/v2/events/data/alert', all, true)).toMatchObject({ secret: 'v2Token', header: 'Netskope-Api-Token' })
    expect(chooseMethod(as({ ...netskope, v2Scheme: 'bearer' }), '/api/v2/x', all, true)).toMatchObject({ header: 'Authorization', prefix: 'Bearer ' })
    expect(chooseMethod(netskope, '/api/v1/alerts', all, true)).toMatchObject({ secret: 'v1Token', placement: 'query' })
    expect(chooseMethod(as({ ...netskope, v1Placement: 'form' }), '/api/v1/alerts', all, true)).toMatchObject({ placement: 'form' })
    expect(chooseMethod(netskope, '/api/v1/alerts', only('v2Token'), true)).toBeNull()
    expect(statusMethod(netskope, all)?.secret).toBe('v2Token')
    expect(statusMethod(netskope, only('v1Token'))).toMatchObject({ secret: 'v1Token', paths: { note: '/api/v1' } })
  })

  it('InsightCloudSec: the key unless "Send" says login; the login call itself gets no session', () => {
    expect(chooseMethod(ics, '/v2/public/user/info', all, true)?.flow).toBe('header')
    expect(chooseMethod(ics, '/v2/public/user/info', only('password'), true)?.flow).toBe('session-login')
    expect(chooseMethod(as({ ...ics, use: 'login' }), '/v2/public/user/info', all, true)?.flow).toBe('session-login')
    expect(chooseMethod(as({ ...ics, use: 'login' }), '/v2/public/user/info', only('apiKey'), true)).toBeNull()
    expect(chooseMethod(ics, '/v2/public/user/login', only('password'), true)).toBeNull()
    // Main needs the username to log in; a snippet reads it from ICS_USERNAME or asks.
    expect(chooseMethod(as({ ...ics, username: '' }), '/v2/x', only('password'), true)).toBeNull()
    expect(chooseMethod(as({ ...ics, username: '' }), '/v2/x', only('password'), false)?.flow).toBe('session-login')
  })

  it('client credentials: never on the token path itself; none without a vendor', () => {
    const ce = { kind: 'cloud-exchange', clientId: 'id', secretExpiresOn: null } as const
    expect(chooseMethod(ce, '/api/cte/indicators', all, true)?.flow).toBe('client-credentials')
    expect(chooseMethod(ce, '/api/auth/', all, true)).toBeNull()
    expect(chooseMethod({ kind: 'none' }, '/x', all, true)).toBeNull()
  })

  it('a credential the user typed wins: the method header, any vendor credential header, or the parameter', () => {
    const key = chooseMethod(ics, '/v2/x', all, true)
    const v1 = chooseMethod(netskope, '/api/v1/alerts', all, true)
    if (!key || !v1) throw new Error('no method')
    expect(alreadyCarried(ics, key, { headers: ['x-auth-token'], params: [] })).toBe(true)
    expect(alreadyCarried(ics, key, { headers: ['accept'], params: ['token'] })).toBe(false)
    expect(alreadyCarried(netskope, v1, { headers: [], params: ['token'] })).toBe(true)
  })

  it('snippets follow the stored secrets and the "Send" choice like main does', () => {
    const url = 'https://ics/v2/public/clouds/list'
    expect(planRequest(input({ url }, { auth: ics, storedSecrets: ['apiKey', 'password'] })).headers.map((row) => row.name)).toEqual(['Api-Key'])
    expect(planRequest(input({ url }, { auth: as({ ...ics, use: 'login' }), storedSecrets: ['apiKey', 'password'] })).login?.kind).toBe('session-login')
    expect(planRequest(input({ url }, { auth: ics, storedSecrets: ['password'] })).login?.kind).toBe('session-login')
  })
})
