/**
 * A history entry re-opened with its stored response: the stored body (history keeps its first bytes, redacted) is
 * kept by the engine under a fresh response id, so the response viewer shows, searches and saves it like the answer
 * of a send, with a note saying it is the stored copy.
 */
import type { HistoryEntry } from '@shared/collections/history-entry'
import { formatCount, formatUtc } from '@shared/format/human'
import type { SendResult } from '@shared/model/response'
import { redactHeaders } from '@shared/redaction/redact'
import type { HttpEngine } from '../http/engine-contract'
import type { History } from './history-client'

export interface OpenedEntry {
  entry: HistoryEntry
  /** The stored response as a result the viewer can show; null when the send got no response (see entry.error). */
  result: SendResult | null
}

export async function openStoredResponse(history: Pick<History, 'get'>, engine: Pick<HttpEngine, 'keepText'>, id: string): Promise<OpenedEntry> {
  const entry = await history.get(id)
  const response = entry.response
  if (!response) return { entry, result: null }
  const body = response.bodyPreview
  const text = body.binary ? '' : body.text
  const kept = Buffer.byteLength(text)
  const warnings = [`Stored response from history: received ${formatUtc(entry.time)}.`]
  if (entry.run) {
    warnings.push(`Iterator run of ${formatCount(entry.run.pages)} pages (${formatCount(entry.run.records)} records): this is its last answer; ` +
      'records are not kept in history (export a run to a file to keep them).')
  }
  if (body.binary) warnings.push('The body was binary: history does not keep binary bodies. Send the request again to see it.')
  else if (body.truncated) {
    warnings.push(`History keeps the first ${formatCount(kept)} bytes of a body (of ${formatCount(response.sizes.decodedBytes)}): send the request again for all of it.`)
  }
  const url = entry.sentUrl ?? entry.request.url
  const result: SendResult = {
    responseId: await engine.keepText(text),
    status: response.status,
    statusText: response.statusText,
    httpVersion: response.httpVersion,
    url,
    headers: redactHeaders(response.headers),
    redirects: [],
    timings: { dnsMs: 0, connectMs: 0, tlsMs: 0, ttfbMs: 0, downloadMs: 0, totalMs: response.durationMs },
    // The viewer shows what is kept (complete as far as it goes); the note above gives the size that was received.
    sizes: { wireBytes: response.sizes.wireBytes, decodedBytes: kept, headerBytes: response.sizes.headerBytes },
    contentType: response.contentType,
    contentEncoding: null,
    preview: { text, truncated: false, binary: body.binary },
    requestEcho: {
      method: entry.request.method,
      url,
      headers: redactHeaders(entry.request.headers.filter((row) => row.enabled).map((row): [string, string] => [row.name, row.value]))
    },
    warnings
  }
  return { entry, result }
}
