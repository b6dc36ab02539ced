import { describe, expect, it } from 'vitest'
import { planRequest } from '../../../src/shared/snippets/plan'
import { AppError } from '../../../src/shared/model/errors'
import { input } from './fixtures'

const row = (name: string, value: string, enabled = true) => ({ name, value, enabled })
const netskope = { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' } as const

describe('planRequest: what the app would send', () => {
  it('keeps enabled rows only, trims header names and values, normalises known methods', () => {
    const plan = planRequest(input({ method: ' post ', query: [row('a', '1'), row('b', '2', false)], headers: [row(' X-A ', ' v '), row('X-Off', '1', false)] }))
    expect(plan.method).toBe('POST')
    expect(plan.query.map((r) => r.name)).toEqual(['a'])
    expect(plan.headers).toEqual([{ name: 'X-A', value: { kind: 'text', text: 'v' } }])
  })

  it('Netskope: v2 header outside /api/v1, Bearer when chosen, v1 token as query or form field by path', () => {
    expect(planRequest(input({}, { auth: netskope })).headers).toEqual([{ name: 'Netskope-Api-Token', value: { kind: 'secret', name: 'v2Token', prefix: '', envVar: 'NETSKOPE_API_TOKEN' } }])
    const bearer = planRequest(input({}, { auth: { ...netskope, v2Scheme: 'bearer' } }))
    expect(bearer.headers[0]).toEqual({ name: 'Authorization', value: { kind: 'secret', name: 'v2Token', prefix: 'Bearer ', envVar: 'NETSKOPE_API_TOKEN' } })
    const v1 = planRequest(input({ url: 'https://t.goskope.com/api/v1/alerts' }, { auth: netskope }))
    expect(v1.headers).toEqual([])
    expect(v1.query).toEqual([{ name: 'token', value: { kind: 'secret', name: 'v1Token', prefix: '', envVar: 'NETSKOPE_V1_TOKEN' } }])
    expect(v1.secrets).toEqual([{ name: 'v1Token', envVar: 'NETSKOPE_V1_TOKEN', label: 'Netskope REST API v1 token' }])
    const form = planRequest(input({ method: 'POST', url: 'https://t.goskope.com/api/v1/app_instances' }, { auth: { ...netskope, v1Placement: 'form' } }))
    expect(form.body).toEqual({ kind: 'form', fields: [{ name: 'token', value: { kind: 'secret', name: 'v1Token', prefix: '', envVar: 'NETSKOPE_V1_TOKEN' } }] })
  })

  it('a credential the user typed by hand wins over the profile (as in the authenticator)', () => {
    const typed = planRequest(input({ headers: [row('netskope-api-token', 'mine')] }, { auth: netskope }))
    expect(typed.headers).toHaveLength(1)
    expect(typed.secrets).toEqual([])
    const v1 = planRequest(input({ url: 'https://t.goskope.com/api/v1/alerts?token=abc' }, { auth: netskope }))
    expect(v1.query).toEqual([])
    const ics = planRequest(input({ headers: [row('X-Auth-Token', 's')] }, { auth: { kind: 'insightcloudsec', username: 'u' } }))
    expect(ics.login).toBeNull()
  })

  it('Cloud Exchange: a client-credentials login at the base URL, then Bearer; not for /api/auth itself', () => {
    const plan = planRequest(input({ url: 'https://ce:3000/api/cte/indicators/' }, { auth: { kind: 'cloud-exchange', clientId: 'id', secretExpiresOn: null }, baseUrl: 'https://ce:3000/' }))
    expect(plan.login).toMatchObject({ kind: 'client-credentials', url: 'https://ce:3000/api/auth', clientId: 'id', clientIdEnvVar: 'CE_CLIENT_ID', vendor: 'Cloud Exchange' })
    expect(plan.secrets).toEqual([{ name: 'clientSecret', envVar: 'CE_CLIENT_SECRET', label: 'Cloud Exchange client secret' }])
    expect(plan.headers).toEqual([{ name: 'Authorization', value: { kind: 'session', prefix: 'Bearer ' } }])
    expect(planRequest(input({ url: 'https://ce/api/auth' }, { auth: { kind: 'cloud-exchange', clientId: 'id', secretExpiresOn: null } })).login).toBeNull()
  })

  it('InsightCloudSec: Api-Key when the key is used, else login + x-auth-token; the base URL defaults to the origin', () => {
    const auth = { kind: 'insightcloudsec', username: 'jdoe' } as const
    const key = planRequest(input({}, { auth, storedSecrets: ['apiKey'] }))
    expect(key.headers).toEqual([{ name: 'Api-Key', value: { kind: 'secret', name: 'apiKey', prefix: '', envVar: 'ICS_API_KEY' } }])
    const login = planRequest(input({ url: 'https://ics:8001/v2/public/clouds/list' }, { auth, storedSecrets: ['password'], baseUrl: '' }))
    expect(login.login).toMatchObject({
      kind: 'session-login',
      url: 'https://ics:8001/v2/public/user/login',
      logoutUrl: 'https://ics:8001/v2/public/user/logout',
      username: 'jdoe',
      usernameEnvVar: 'ICS_USERNAME',
      passwordEnvVar: 'ICS_PASSWORD'
    })
    expect(login.secrets).toEqual([{ name: 'password', envVar: 'ICS_PASSWORD', label: 'InsightCloudSec password' }])
    expect(planRequest(input({}, { auth: { kind: 'insightcloudsec', username: '' } })).secrets.map((secret) => secret.name)).toEqual(['apiKey'])
  })

  it('multipart drops the user Content-Type (the boundary is generated); defaults follow the engine', () => {
    const plan = planRequest(input({ method: 'POST', headers: [row('Content-Type', 'multipart/form-data')], body: { kind: 'multipart', parts: [] } }))
    expect(plan.headers).toEqual([])
    expect(planRequest(input({ body: { kind: 'json', text: '{}' } })).defaultContentType).toBe('application/json')
    expect(planRequest(input({ body: { kind: 'text', text: 'x' } })).defaultContentType).toBeNull()
    expect(planRequest(input({ body: { kind: 'text', text: 'x', contentType: 'text/csv' } })).defaultContentType).toBe('text/csv')
  })

  it('iterator: index and operation come out of the URL and rows (the snippet drives them); the fragment is dropped', () => {
    const plan = planRequest(
      input(
        { url: 'https://t.goskope.com/api/v2/events/dataexport/events/page?index=a&x=1#frag', query: [row('operation', 'next'), row('y', '2')] },
        { iterator: { index: 'a', operation: 'next' } }
      )
    )
    expect(plan.url).toBe('https://t.goskope.com/api/v2/events/dataexport/events/page?x=1')
    expect(plan.query.map((r) => r.name)).toEqual(['y'])
  })

  it('rejects what cannot become a snippet with a clear AppError', () => {
    expect(() => planRequest(input({ url: '/relative/path' }))).toThrowError(AppError)
    expect(() => planRequest(input({ url: '/relative/path' }))).toThrow(/not an absolute URL/)
    expect(() => planRequest(input({ url: 'ftp://host/x' }))).toThrow(/scheme "ftp:"/)
    expect(() => planRequest(input({ method: 'GET X' }))).toThrow(/not a valid HTTP method/)
  })
})
