import { describe, expect, it } from 'vitest'
import { isCredentialHeader, isCredentialParam, maskSecret, redactHeaders, redactUrl } from '@shared/redaction/redact'

describe('redaction', () => {
  it('recognises credential headers of the supported APIs and common ones', () => {
    for (const name of ['Authorization', 'api-key', 'X-Auth-Token', 'Netskope-Api-Token', 'Cookie', 'Proxy-Authorization', 'X-API-Key', 'x-client-secret']) {
      expect(isCredentialHeader(name), name).toBe(true)
    }
    for (const name of ['Content-Type', 'Accept', 'User-Agent', 'X-Request-Id', 'Host']) expect(isCredentialHeader(name), name).toBe(false)
  })

  it('masks short values entirely and keeps only the last 4 of long ones', () => {
    expect(maskSecret('short')).toBe('••••')
    expect(maskSecret('0123456789abcde')).toBe('••••')
    expect(maskSecret('0123456789abcdef')).toBe('••••cdef')
  })

  it('masks header values, keeping the auth scheme', () => {
    expect(
      redactHeaders([
        ['Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig1234'],
        ['Api-Key', 'k'],
        ['Accept', 'application/json']
      ])
    ).toEqual([
      ['Authorization', 'Bearer ••••1234'],
      ['Api-Key', '••••'],
      ['Accept', 'application/json']
    ])
  })

  it('masks credential query parameters and URL passwords, leaving the rest as written', () => {
    expect(isCredentialParam('X-Auth-Token')).toBe(true)
    expect(isCredentialParam('api_key')).toBe(true)
    expect(isCredentialParam('limit')).toBe(false)
    expect(redactUrl('https://t.goskope.com/api/v1/alerts?token=abcdefghijklmnop1234&type=dlp&limit=10#x')).toBe(
      'https://t.goskope.com/api/v1/alerts?token=••••1234&type=dlp&limit=10#x'
    )
    expect(redactUrl('https://h/x?X-Auth-Token=abc&api_key=0123456789abcdefWXYZ&q=a%20b')).toBe(
      'https://h/x?X-Auth-Token=••••&api_key=••••WXYZ&q=a%20b'
    )
    expect(redactUrl('https://user:p4ss@h.example/x')).toBe('https://user:••••@h.example/x')
    expect(redactUrl('not a url ?token=abc')).toBe('not a url ?token=••••')
  })
})
