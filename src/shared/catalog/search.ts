import type { CatalogOperation } from './types'

/*
 * Fuzzy search over the catalog sidebar. The index (lower-cased fields split into tokens) is built once
 * per operation array and cached in a WeakMap, so a keystroke only pays for the scan. Every query token
 * must match somewhere (AND); each token scores by its best field, and a path segment beats a summary
 * word, which beats a word in the description, which beats a loose subsequence ("urllst" -> urllist).
 */

export interface CatalogSearchHit {
  operation: CatalogOperation
  score: number
}

interface IndexEntry {
  op: CatalogOperation
  order: number
  method: string
  path: string
  pathTokens: string[]
  summary: string
  summaryTokens: string[]
  tagTokens: string[]
  operationId: string
  description: string
  /** path + summary, the text a subsequence match is tried on. */
  fuzzyText: string
}

export interface CatalogSearchIndex {
  entries: IndexEntry[]
}

const SPLIT = /[^a-z0-9]+/

function tokens(text: string): string[] {
  return text.split(SPLIT).filter((t) => t.length > 0)
}

export function buildSearchIndex(ops: readonly CatalogOperation[]): CatalogSearchIndex {
  return {
    entries: ops.map((op, order) => {
      const path = op.path.toLowerCase()
      const summary = op.summary.toLowerCase()
      return {
        op,
        order,
        method: op.method.toLowerCase(),
        path,
        pathTokens: tokens(path),
        summary,
        summaryTokens: tokens(summary),
        tagTokens: tokens(op.tags.join(' ').toLowerCase()),
        operationId: (op.operationId ?? '').toLowerCase(),
        description: op.description.toLowerCase(),
        fuzzyText: `${path} ${summary}`
      }
    })
  }
}

/** Exact token (a plural "s" aside: alert = alerts) 1, token prefix 0.7, else 0. */
function tokenScore(list: readonly string[], q: string): number {
  let best = 0
  for (const t of list) {
    if (t === q || t === `${q}s` || q === `${t}s`) return 1
    if (best < 0.7 && t.startsWith(q)) best = 0.7
  }
  return best
}

/** A subsequence match of q in text, scored higher the tighter it is; 0 when q is not a subsequence. */
function subsequenceScore(text: string, q: string): number {
  let from = text.indexOf(q[0] ?? '')
  if (from < 0) return 0
  const start = from
  for (let i = 1; i < q.length; i++) {
    from = text.indexOf(q[i] ?? '', from + 1)
    if (from < 0) return 0
  }
  const span = from - start + 1
  return q.length / span
}

function scoreToken(e: IndexEntry, q: string): number {
  let s = 0
  const seg = tokenScore(e.pathTokens, q)
  if (seg > 0) s = 100 * seg
  else if (e.path.includes(q)) s = 50
  const sum = tokenScore(e.summaryTokens, q)
  if (sum > 0) s = Math.max(s, 60 * sum)
  else if (s < 35 && e.summary.includes(q)) s = 35
  if (s < 40 && e.method === q) s = 40
  if (s < 30 && (tokenScore(e.tagTokens, q) > 0 || (e.operationId !== '' && e.operationId.includes(q)))) s = 30
  if (s < 15 && e.description.includes(q)) s = 15
  if (s === 0 && q.length >= 3) {
    const fuzzy = subsequenceScore(e.fuzzyText, q)
    if (fuzzy > 0.25) s = 5 + 10 * fuzzy
  }
  return s
}

export function searchIndex(index: CatalogSearchIndex, query: string, limit = Infinity): CatalogSearchHit[] {
  const q = query.toLowerCase().trim()
  const entries = index.entries
  if (q === '') return entries.slice(0, limit).map((e) => ({ operation: e.op, score: 0 }))
  const parts = q.split(/[\s/]+/).filter((t) => t.length > 0)
  const phrase = parts.join('/')
  const scored: Array<{ e: IndexEntry; score: number }> = []
  for (const e of entries) {
    let total = 0
    let all = true
    for (const part of parts) {
      const s = scoreToken(e, part)
      if (s === 0) {
        all = false
        break
      }
      total += s
    }
    if (!all) continue
    // "policy/urllist" or "urllist deploy" typed as one piece of the path is a strong signal.
    if (parts.length > 1 && e.path.includes(phrase)) total += 30
    scored.push({ e, score: total })
  }
  scored.sort((a, b) => b.score - a.score || a.e.path.length - b.e.path.length || a.e.order - b.e.order)
  const hits: CatalogSearchHit[] = []
  for (const { e, score } of scored) {
    if (hits.length >= limit) break
    hits.push({ operation: e.op, score })
  }
  return hits
}

const cache = new WeakMap<readonly CatalogOperation[], CatalogSearchIndex>()

/**
 * Ranked matches for `query` (empty query: every operation in catalog order). The index for `ops` is built
 * on the first call and reused while the same array is passed, so keep the array stable between keystrokes.
 */
export function searchCatalog(ops: readonly CatalogOperation[], query: string, limit?: number): CatalogSearchHit[] {
  let index = cache.get(ops)
  if (index === undefined) {
    index = buildSearchIndex(ops)
    cache.set(ops, index)
  }
  return searchIndex(index, query, limit)
}
