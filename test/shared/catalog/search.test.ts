import { describe, expect, it } from 'vitest'
import { loadCatalog } from '@shared/catalog/load-catalog'
import { buildSearchIndex, searchCatalog, searchIndex } from '@shared/catalog/search'
import type { CatalogOperation } from '@shared/catalog/types'
import { builtinDocs } from './builtin-docs'

const ops: CatalogOperation[] = builtinDocs().flatMap((d) => loadCatalog(d.doc))
const top = (q: string, n = 1) => searchCatalog(ops, q, n).map((h) => `${h.operation.method} ${h.operation.path}`)

describe('searchCatalog', () => {
  it('puts the URL list collection first for "urllist"', () => {
    expect(top('urllist', 2)).toEqual(['GET /api/v2/policy/urllist', 'POST /api/v2/policy/urllist'])
    const first9 = searchCatalog(ops, 'urllist', 9).map((h) => h.operation.path)
    expect(first9.every((p) => p.startsWith('/api/v2/policy/urllist'))).toBe(true)
  })

  it('puts the ICS login first for "login"', () => {
    expect(top('login')).toEqual(['POST /v2/public/user/login'])
  })

  it('ranks the Data Export alert endpoints first for "dataexport alert"', () => {
    const hits = searchCatalog(ops, 'dataexport alert', 13)
    expect(hits).toHaveLength(13)
    for (const h of hits) expect(h.operation.path).toMatch(/^\/api\/v2\/events\/dataexport\/alerts\//)
    expect(top('dataexport alert dlp')).toEqual(['GET /api/v2/events/dataexport/alerts/dlp'])
  })

  it('matches summaries, methods and loose subsequences, and requires every word', () => {
    expect(top('post urllist')).toEqual(['POST /api/v2/policy/urllist'])
    expect(top('urllst')[0]).toContain('/api/v2/policy/urllist')
    expect(top('switch organization')).toEqual(['POST /v2/prototype/domain/switch_organization'])
    expect(top('indicators')[0]).toBe('GET /api/cte/indicators/')
    expect(searchCatalog(ops, 'urllist qqqqzz')).toEqual([])
  })

  it('returns everything in catalog order for an empty query, and honours the limit', () => {
    expect(searchCatalog(ops, '   ').map((h) => h.operation.id)).toEqual(ops.map((o) => o.id))
    expect(searchCatalog(ops, 'api', 5)).toHaveLength(5)
  })

  it('uses a prebuilt index the same way', () => {
    const index = buildSearchIndex(ops)
    expect(searchIndex(index, 'healthcheck').map((h) => h.operation.id)).toEqual(['cloud-exchange:ceHealthcheck'])
  })

  it('handles a 1,000-operation catalog', () => {
    const big = Array.from({ length: 1000 }, (_, i) => {
      const base = ops[i % ops.length] as CatalogOperation
      return { ...base, id: `${base.id}~${i}`, path: `${base.path}/v${i}` }
    })
    const hits = searchCatalog(big, 'dataexport alert dlp')
    expect(hits.length).toBeGreaterThan(5)
    expect(hits.every((h) => h.operation.path.startsWith('/api/v2/events/dataexport/alerts/dlp/'))).toBe(true)
  })
})
