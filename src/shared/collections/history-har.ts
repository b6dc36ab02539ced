/**
 * History entries as HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) with their responses: status, headers
 * and the body as history stored it (its first bytes, redacted). History is redacted when written; the same
 * redaction runs again here, so an entry written by an older version, or a rule added since, still leaks nothing.
 */
import { formatCount, formatUtc } from '../format/human'
import { maskSecret, redactHeaders, redactUrl } from '../redaction/redact'
import { rewriteJsonText } from './credential-walk'
import type { HistoryEntry } from './history-entry'
import { postData, queryPairs, type Har, type HarEntry, type HarNameValue } from './har'
import { redactRequestSpec } from './secrets'

const DEFAULT_CREATOR = { name: 'CloudSec API Explorer', version: '0' }

const pairs = (headers: ReadonlyArray<readonly [string, string]>): HarNameValue[] => headers.map(([name, value]) => ({ name, value }))

/** HAR wants "HTTP/1.1"; the engine reports "1.1" (or "2"). */
function httpVersion(version: string): string {
  return version === '' || /^HTTP\//i.test(version) ? version : `HTTP/${version}`
}

function runComment(entry: HistoryEntry): string | undefined {
  const run = entry.run
  if (!run) return undefined
  const pages = run.pageList
    .map((page) => `#${page.attempt} ${page.operation} -> ${page.status ?? page.outcome}${page.records === null ? '' : `, ${formatCount(page.records)} records`}`)
    .join('; ')
  const omitted = run.pagesOmitted > 0 ? ` (${formatCount(run.pagesOmitted)} more not kept)` : ''
  return `Iterator run: ${formatCount(run.pages)} pages, ${formatCount(run.records)} records, ${run.stopReason}, ` +
    `started ${formatUtc(run.startedAt)}. Pages: ${pages}${omitted}`
}

function toHarEntry(entry: HistoryEntry): HarEntry {
  const spec = redactRequestSpec(entry.request)
  const url = redactUrl(entry.sentUrl ?? spec.url)
  const headers = spec.headers.filter((row) => row.enabled).map((row) => ({ name: row.name, value: row.value }))
  const { postData: data, bodySize } = postData(spec, headers)
  const response = entry.response
  const time = response?.durationMs ?? 0
  const redirect = response?.headers.find(([name]) => name.toLowerCase() === 'location')?.[1] ?? ''
  const body = response?.bodyPreview
  const text = body && !body.binary ? rewriteJsonText(body.text, (hit) => maskSecret(hit.value)) : undefined
  const cut = body?.truncated === true ? `History keeps the first ${formatCount(text === undefined ? 0 : new TextEncoder().encode(text).length)} bytes of a body; the rest was not stored.` : undefined
  const comment = runComment(entry)
  return {
    startedDateTime: entry.time,
    time,
    request: {
      method: spec.method.toUpperCase(), url, httpVersion: response ? httpVersion(response.httpVersion) : 'HTTP/1.1', cookies: [],
      headers, queryString: queryPairs(url), ...(data ? { postData: data } : {}), headersSize: -1, bodySize
    },
    response: response
      ? {
          status: response.status, statusText: response.statusText, httpVersion: httpVersion(response.httpVersion), cookies: [],
          headers: pairs(redactHeaders(response.headers)),
          content: {
            size: response.sizes.decodedBytes, mimeType: response.contentType ?? 'x-unknown',
            ...(text === undefined ? {} : { text }), ...(cut ? { comment: cut } : body?.binary ? { comment: 'Binary body: not stored in history.' } : {})
          },
          redirectURL: redirect, headersSize: response.sizes.headerBytes || -1, bodySize: response.sizes.wireBytes
        }
      : {
          // No answer: status 0 with the reason, the way browsers write a request that failed.
          status: 0, statusText: '', httpVersion: '', cookies: [], headers: [], content: { size: 0, mimeType: 'x-unknown' },
          redirectURL: '', headersSize: -1, bodySize: -1,
          comment: entry.error ? `${entry.error.code}: ${entry.error.message}` : 'No response was recorded.'
        },
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
    ...(comment ? { comment } : {})
  }
}

/** HAR 1.2 of history entries, oldest first (HAR is a timeline), every credential value redacted. */
export function historyToHar(entries: readonly HistoryEntry[], creator = DEFAULT_CREATOR): Har {
  const ordered = [...entries].sort((a, b) => a.time.localeCompare(b.time))
  return { log: { version: '1.2', creator, entries: ordered.map(toHarEntry) } }
}
