import { describe, expect, it } from 'vitest'
import { historyToHar } from '../../../src/shared/collections/history-har'
import type { HistoryEntry } from '../../../src/shared/collections/history-entry'
import { harValidator } from '../../support/har-validator'

const SECRET = 'sekrit-token-0123456789abcdef'

function entry(partial: Partial<HistoryEntry>): HistoryEntry {
  return {
    id: 'h1', time: '2026-12-04T10:22:03.000Z', environmentId: 'env-1', operationId: null, savedRequestId: null,
    request: {
      method: 'POST', url: '{{baseUrl}}/api/v2/policy/urllist?token=' + SECRET, query: [{ name: 'limit', value: '10', enabled: true }],
      headers: [{ name: 'Authorization', value: `Bearer ${SECRET}`, enabled: true }, { name: 'X-Off', value: 'x', enabled: false }],
      body: { kind: 'json', text: `{"name":"list","client_secret":"${SECRET}"}` }
    },
    requestBodyTruncated: false,
    sentUrl: `https://tenant.example/api/v2/policy/urllist?limit=10&token=${SECRET}`,
    response: {
      status: 201, statusText: 'Created', httpVersion: '1.1', durationMs: 42.5, sizes: { wireBytes: 120, decodedBytes: 64, headerBytes: 80 },
      contentType: 'application/json', headers: [['content-type', 'application/json'], ['set-cookie', `session=${SECRET}`], ['location', '/api/v2/policy/urllist/7']],
      bodyPreview: { text: `{"id":7,"access_token":"${SECRET}"}`, truncated: false, binary: false }
    },
    error: null, v: 2, run: null,
    ...partial
  }
}

describe('history as HAR 1.2', () => {
  it('is valid HAR 1.2 with the stored responses: status, headers, body as stored, timings', () => {
    const failed = entry({ id: 'h2', response: null, sentUrl: null, error: { code: 'CONNECTION_REFUSED', message: 'Connection refused by 127.0.0.1:1' } })
    const har = historyToHar([entry({}), failed], { name: 'CloudSec API Explorer', version: '0.1.0' })
    const validate = harValidator()
    // The validator itself rejects what HAR 1.2 forbids (an entry without request/response/timings).
    expect(validate({ log: { version: '1.2', creator: { name: 'x', version: '1' }, entries: [{ startedDateTime: entry({}).time }] } }).valid).toBe(false)
    const check = validate(har)
    expect(check.errors).toBe('No errors')
    expect(check.valid).toBe(true)
    expect(har.log.version).toBe('1.2')
    expect(har.log.creator).toEqual({ name: 'CloudSec API Explorer', version: '0.1.0' })
    const [ok, refused] = har.log.entries
    expect(ok?.startedDateTime).toBe('2026-12-04T10:22:03.000Z')
    expect(ok?.time).toBe(42.5)
    expect(ok?.request.method).toBe('POST')
    expect(ok?.request.url).toMatch(/^https:\/\/tenant\.example\/api\/v2\/policy\/urllist\?limit=10&token=/)
    expect(ok?.request.queryString.map((q) => q.name)).toEqual(['limit', 'token'])
    expect(ok?.request.headers.map((h) => h.name)).toEqual(['Authorization'])
    expect(ok?.request.postData?.mimeType).toBe('application/json')
    expect(ok?.response).toMatchObject({ status: 201, statusText: 'Created', httpVersion: 'HTTP/1.1', redirectURL: '/api/v2/policy/urllist/7', bodySize: 120 })
    expect(ok?.response.content).toMatchObject({ size: 64, mimeType: 'application/json' })
    expect(ok?.response.content.text).toMatch(/^\{"id":7,"access_token":"/)
    expect(ok?.response.headers.map((h) => h.name)).toEqual(['content-type', 'set-cookie', 'location'])
    expect(ok?.timings).toEqual({ send: 0, wait: 42.5, receive: 0 })
    // A send that got no answer: status 0 and the error, as browsers write a failed request.
    expect(refused?.response.status).toBe(0)
    expect(refused?.response.comment).toContain('Connection refused')
  })

  it('carries no credential value: entries are redacted again on the way out', () => {
    const har = historyToHar([entry({})])
    expect(JSON.stringify(har)).not.toContain(SECRET)
  })

  it('says when a body was cut to what history keeps, and lists an iterator run\'s pages', () => {
    const run = {
      kind: 'iterator' as const, runId: 'r1', endpoint: '/api/v2/events/dataexport/alerts/malware', index: 'i', mode: 'until-caught-up',
      startedAt: '2026-12-04T10:20:00.000Z', stopReason: 'caught-up' as const, pages: 3, records: 20_500, bytes: 9_000_000,
      timestampHwm: 1764843723, exportPath: null, pagesOmitted: 0,
      pageList: [{ attempt: 1, time: '2026-12-04T10:20:01.000Z', operation: '1764800000', outcome: 'page' as const, status: 200,
        records: 10_000, bytes: 4_000_000, durationMs: 300, timestampHwm: 1764810000, waitTime: 0, note: null }]
    }
    const stored = entry({}).response
    if (!stored) throw new Error('the fixture has a response')
    const cut = entry({ response: { ...stored, bodyPreview: { text: '{"a":', truncated: true, binary: false } }, run })
    const [only] = historyToHar([cut]).log.entries
    expect(only?.response.content.comment).toMatch(/first/)
    expect(only?.comment).toMatch(/Iterator run: 3 pages, 20,500 records/)
  })
})
