import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { exportHar } from '../../../src/shared/collections/har'

/** HAR 1.2 required fields (softwareishard.com/blog/har-12-spec), strict about types. */
const NameValue = z.object({ name: z.string(), value: z.string(), comment: z.string().optional() })
const Har12 = z.object({
  log: z.object({
    version: z.literal('1.2'),
    creator: z.object({ name: z.string(), version: z.string() }),
    entries: z.array(
      z.object({
        startedDateTime: z.iso.datetime(),
        time: z.number().min(0),
        request: z.object({
          method: z.string().min(1),
          url: z.string().min(1),
          httpVersion: z.string(),
          cookies: z.array(NameValue),
          headers: z.array(NameValue),
          queryString: z.array(NameValue),
          postData: z
            .object({
              mimeType: z.string(),
              text: z.string().optional(),
              params: z.array(z.object({ name: z.string(), value: z.string().optional(), fileName: z.string().optional(), contentType: z.string().optional() })).optional()
            })
            .optional(),
          headersSize: z.number().int(),
          bodySize: z.number().int()
        }),
        response: z.object({
          status: z.number().int(),
          statusText: z.string(),
          httpVersion: z.string(),
          cookies: z.array(NameValue),
          headers: z.array(NameValue),
          content: z.object({ size: z.number().int(), mimeType: z.string() }),
          redirectURL: z.string(),
          headersSize: z.number().int(),
          bodySize: z.number().int()
        }),
        cache: z.object({}),
        timings: z.object({ send: z.number(), wait: z.number(), receive: z.number() }),
        comment: z.string().optional()
      })
    )
  })
})

const OPTIONS = { startedDateTime: '2025-01-01T00:00:00.000Z', variables: new Map([['baseUrl', 'https://tenant.goskope.com'], ['index', 'team_a']]) }

describe('exportHar', () => {
  it('produces structurally valid HAR 1.2 with variables filled in and no secrets', () => {
    const { har, replacedSecrets } = exportHar(
      [
        {
          name: 'Events page',
          request: {
            method: 'get',
            url: '/api/v2/events/dataexport/events/page',
            query: [
              { name: 'index', value: '{{index}}', enabled: true },
              { name: 'operation', value: 'next', enabled: true },
              { name: 'off', value: 'x', enabled: false }
            ],
            headers: [{ name: 'Api-Key', value: 'literal-api-key-123456', enabled: true }],
            body: { kind: 'none' }
          },
          auth: { kind: 'profile', profile: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' } }
        },
        {
          name: 'Login',
          request: {
            method: 'POST',
            url: 'https://ics.example/v2/public/user/login?token=abc123',
            query: [],
            headers: [],
            body: { kind: 'json', text: '{"username":"me","password":"hunter2-literal"}' }
          }
        },
        {
          name: 'CE auth',
          request: {
            method: 'POST',
            url: 'https://ce.example/api/auth',
            query: [],
            headers: [],
            body: { kind: 'form', fields: [{ name: 'grant_type', value: 'client_credentials', enabled: true }, { name: 'a b', value: 'c&d', enabled: true }] }
          }
        },
        {
          name: 'Upload',
          request: {
            method: 'POST',
            url: 'https://ce.example/api/upload',
            query: [],
            headers: [],
            body: { kind: 'multipart', parts: [{ kind: 'text', name: 'n', value: 'v' }, { kind: 'file', name: 'f', path: '/tmp/dir/iocs.csv', contentType: 'text/csv' }] }
          }
        }
      ],
      OPTIONS
    )
    expect(Har12.safeParse(har).error).toBeUndefined()
    const [events, login, form, upload] = har.log.entries
    expect(events?.request).toMatchObject({
      method: 'GET',
      url: 'https://tenant.goskope.com/api/v2/events/dataexport/events/page?index=team_a&operation=next',
      queryString: [{ name: 'index', value: 'team_a' }, { name: 'operation', value: 'next' }],
      headers: [{ name: 'Api-Key', value: '{{secret.apiKey}}' }, { name: 'Netskope-Api-Token', value: '{{secret.v2Token}}' }],
      bodySize: 0
    })
    expect(login?.request.url).toBe('https://ics.example/v2/public/user/login?token={{secret.v1Token}}')
    expect(login?.request.postData).toEqual({ mimeType: 'application/json', text: '{"username":"me","password":"{{secret.password}}"}' })
    expect(form?.request.postData).toEqual({
      mimeType: 'application/x-www-form-urlencoded',
      text: 'grant_type=client_credentials&a+b=c%26d',
      params: [{ name: 'grant_type', value: 'client_credentials' }, { name: 'a b', value: 'c&d' }]
    })
    expect(upload?.request.postData).toEqual({
      mimeType: 'multipart/form-data',
      params: [{ name: 'n', value: 'v' }, { name: 'f', fileName: 'iocs.csv', contentType: 'text/csv' }]
    })
    expect(replacedSecrets.map((hit) => `${hit.request}: ${hit.where} ${hit.name}`)).toEqual([
      'Events page: header Api-Key',
      'Login: url token',
      'Login: body password'
    ])
    const text = JSON.stringify(har)
    for (const secret of ['literal-api-key-123456', 'abc123', 'hunter2-literal']) expect(text).not.toContain(secret)
  })

  it('keeps unknown variables as placeholders and uses a Bearer header for Cloud Exchange', () => {
    const { har } = exportHar(
      [{ name: 'x', request: { method: 'GET', url: '{{ceUrl}}/api/plugins', query: [], headers: [], body: { kind: 'none' } }, auth: { kind: 'profile', profile: { kind: 'cloud-exchange', clientId: 'c', secretExpiresOn: null } } }],
      { startedDateTime: OPTIONS.startedDateTime }
    )
    expect(har.log.entries[0]?.request).toMatchObject({ url: '{{ceUrl}}/api/plugins', headers: [{ name: 'Authorization', value: 'Bearer {{secret.accessToken}}' }] })
    expect(Har12.safeParse(har).success).toBe(true)
  })
})
