import { describe, expect, it } from 'vitest'
import { isOnlyPlaceholders } from '../../../src/shared/collections/credential-walk'
import { redactRequestSpec, stripRequestSecrets } from '../../../src/shared/collections/secrets'
import { slugify, uniqueName } from '../../../src/shared/collections/slug'
import { stableStringify } from '../../../src/shared/collections/stable-json'
import type { RequestSpec } from '../../../src/shared/model/request'

function spec(overrides: Partial<RequestSpec>): RequestSpec {
  return { method: 'GET', url: 'https://h.example/', query: [], headers: [], body: { kind: 'none' }, ...overrides }
}

describe('credential stripping and masking', () => {
  it('keeps values that are only {{variables}} (with an auth scheme) and empty values', () => {
    expect(isOnlyPlaceholders('{{token}}')).toBe(true)
    expect(isOnlyPlaceholders('Bearer {{ secret.v2Token }}')).toBe(true)
    expect(isOnlyPlaceholders('abc{{x}}')).toBe(false)
    const request = spec({
      headers: [
        { name: 'Authorization', value: 'Bearer {{token}}', enabled: true },
        { name: 'X-Api-Key', value: '', enabled: true },
        { name: 'X-Custom-Secret', value: 'mixed-{{x}}', enabled: true }
      ]
    })
    const { request: stripped, replaced } = stripRequestSecrets(request)
    expect(stripped.headers.map((row) => row.value)).toEqual(['Bearer {{token}}', '', '{{secret.xCustomSecret}}'])
    expect(replaced).toHaveLength(1)
  })

  it('rewrites JSON members with escapes and leaves non-credential members and formatting alone', () => {
    const text = '{\n  "client_secret" : "a\\"b",\n  "code": "42",\n  "nested": {"refresh_token":"r"}\n}'
    const { request } = stripRequestSecrets(spec({ body: { kind: 'json', text } }))
    expect(request.body).toEqual({
      kind: 'json',
      text: '{\n  "client_secret" : "{{secret.clientSecret}}",\n  "code": "42",\n  "nested": {"refresh_token":"{{secret.refreshToken}}"}\n}'
    })
  })

  it('masks for history instead of replacing, keeping the scheme and last 4 characters', () => {
    const masked = redactRequestSpec(
      spec({
        url: 'https://h.example/x?token=0123456789abcdefWXYZ&page=2',
        headers: [{ name: 'Authorization', value: 'Bearer 0123456789abcdefWXYZ', enabled: true }],
        body: { kind: 'text', text: 'client_secret=shh&grant_type=x', contentType: 'application/x-www-form-urlencoded' }
      })
    )
    expect(masked.url).toBe('https://h.example/x?token=••••WXYZ&page=2')
    expect(masked.headers[0]?.value).toBe('Bearer ••••WXYZ')
    expect(masked.body).toEqual({ kind: 'text', text: 'client_secret=••••&grant_type=x', contentType: 'application/x-www-form-urlencoded' })
  })
})

describe('file names and stable JSON', () => {
  it('slugifies portable names and avoids clashes case-insensitively', () => {
    expect(slugify('Café: List Alerts (v2)!')).toBe('cafe-list-alerts-v2')
    expect(slugify('***', 'request')).toBe('request')
    expect(slugify('CON')).toBe('con-item')
    expect(uniqueName('a', '.request.json', ['A.request.json', 'a-2.request.json'])).toBe('a-3.request.json')
  })

  it('sorts keys at every level and ends with a newline', () => {
    expect(stableStringify({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe(
      '{\n  "a": {\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n'
    )
  })
})
