import { parseQuery, splitUrl, withQuery, type QueryPair } from '@shared/model/url-query'
import { newRowId, type KeyValueRow, type RequestDraft } from './request-draft'

/**
 * The URL bar's query string and the Params table are one model: the enabled, non-blank rows are the URL's query, in
 * order; unticked rows and blank rows being typed stay in the table only. Every draft change goes through
 * applyDraftPatch (useRequestDraft.ts), so neither side can drift from the other.
 */

/** Whether a row appears in the URL: ticked and not an empty row the user has just added. */
export function inUrl(row: KeyValueRow): boolean {
  return row.enabled && (row.name !== '' || row.value !== '')
}

function pairsOf(rows: readonly KeyValueRow[]): QueryPair[] {
  return rows.filter(inUrl).map(({ name, value }) => ({ name, value }))
}

function samePairs(a: readonly QueryPair[], b: readonly QueryPair[]): boolean {
  return a.length === b.length && a.every((pair, i) => pair.name === b[i]?.name && pair.value === b[i]?.value)
}

function newRows(pairs: readonly QueryPair[]): KeyValueRow[] {
  return pairs.map((pair) => ({ id: newRowId(), name: pair.name, value: pair.value, enabled: true }))
}

/**
 * The rows after the URL was edited: the rows shown in the URL take the new pairs in order (keeping their ids, so
 * the table keeps focus), unticked and blank rows stay where they are, extra pairs become new rows at the end.
 */
export function rowsForUrl(url: string, previous: readonly KeyValueRow[]): KeyValueRow[] {
  const pairs = parseQuery(splitUrl(url).query ?? '')
  let next = 0
  const rows: KeyValueRow[] = []
  for (const row of previous) {
    if (!inUrl(row)) {
      rows.push(row)
      continue
    }
    const pair = pairs[next]
    next += 1
    if (pair) rows.push({ ...row, name: pair.name, value: pair.value })
  }
  return [...rows, ...newRows(pairs.slice(next))]
}

/** The URL after the rows were edited: its query rewritten from the rows, its path and fragment kept. */
export function urlForRows(url: string, rows: readonly KeyValueRow[]): string {
  const current = parseQuery(splitUrl(url).query ?? '')
  const wanted = pairsOf(rows)
  // Unchanged pairs keep the text as typed (`a=` stays `a=`, `%7E` stays `%7E`).
  return samePairs(current, wanted) ? url : withQuery(url, wanted)
}

/**
 * A patch applied to the draft with the URL and the rows kept in step:
 * - the URL alone: the rows follow it;
 * - the rows alone: the URL follows them;
 * - both (a whole request opened: catalog operation, saved request, history entry, restored draft): when the URL's
 *   query already is the rows, as is; otherwise the URL's own query comes first and the rows after it, which is how
 *   main sends a spec whose URL has a query and rows too (src/main/core/http/validate.ts buildUrl).
 */
export function applyDraftPatch(draft: RequestDraft, patch: Partial<RequestDraft>): RequestDraft {
  const next = { ...draft, ...patch }
  const hasUrl = patch.url !== undefined
  const hasQuery = patch.query !== undefined
  if (hasUrl && !hasQuery) return { ...next, query: rowsForUrl(next.url, draft.query) }
  if (hasQuery && !hasUrl) return { ...next, url: urlForRows(draft.url, next.query) }
  if (hasUrl && hasQuery) {
    const fromUrl = parseQuery(splitUrl(next.url).query ?? '')
    if (samePairs(fromUrl, pairsOf(next.query))) return next
    const query = [...newRows(fromUrl), ...next.query]
    return { ...next, query, url: withQuery(next.url, pairsOf(query)) }
  }
  return next
}

/** A whole draft made coherent (for drafts built elsewhere, e.g. from a stored spec). */
export function coherentDraft(draft: RequestDraft): RequestDraft {
  return applyDraftPatch(draft, { url: draft.url, query: draft.query })
}
