import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCatalog } from '@shared/catalog/load-catalog'
import type { CatalogApi, CatalogOperation } from '@shared/catalog/types'
import { FALCON_ROUTES, OAUTH_ROUTES } from '../../../src/sandbox/falcon/routes'
import { startFalcon, type Envelope, type FalconHarness } from './harness'

const doc = JSON.parse(readFileSync(new URL('../../../resources/catalogs/falcon.openapi.json', import.meta.url), 'utf8')) as { info: { 'x-api': string } }
const ops = loadCatalog(doc, { api: doc.info['x-api'] as CatalogApi })
const key = (method: string, path: string) => `${method} ${path}`

/** Where a GET with required `ids` gets real ids from: the query endpoint of the same family. */
const IDS_FROM: Record<string, string> = {
  '/devices/entities/devices/v2': '/devices/queries/devices/v1',
  '/iocs/entities/indicators/v1': '/iocs/queries/indicators/v1'
}

describe('the Falcon catalog and the sandbox agree', () => {
  let f: FalconHarness
  let token: string
  beforeAll(async () => {
    f = await startFalcon({ rateLimit: false })
    token = await f.tokenFor('full')
  })
  afterAll(async () => {
    await f.close()
  })

  it('route the same method + path pairs', () => {
    const sandbox = [...OAUTH_ROUTES, ...FALCON_ROUTES].map((r) => key(r.method, r.path)).sort()
    expect(ops.map((o) => key(o.method, o.path)).sort()).toEqual(sandbox)
  })

  it('need the scope the catalog names', () => {
    const scopeOf = new Map(FALCON_ROUTES.map((r) => [key(r.method, r.path), r.scope]))
    for (const op of ops.filter((o) => !o.path.startsWith('/oauth2/'))) {
      expect(op.description, op.id).toContain(`Needs the API scope **${scopeOf.get(key(op.method, op.path)) ?? '?'}**`)
    }
  })

  const realIds = async (queryPath: string): Promise<string[]> =>
    (await f.authed(token, `${queryPath}?limit=2`)).json<Envelope<string>>().resources

  it('answers every catalog GET with 200 when called with the required parameters', async () => {
    const gets = ops.filter((o) => o.method === 'GET')
    expect(gets.length).toBeGreaterThan(8)
    for (const op of gets) {
      const query = new URLSearchParams()
      for (const p of op.parameters.filter((p) => p.required)) {
        const from = IDS_FROM[op.path]
        if (p.name === 'ids' && from !== undefined) for (const id of await realIds(from)) query.append('ids', id)
        else query.append(p.name, String(p.example))
      }
      const res = await f.authed(token, `${op.path}${query.size > 0 ? `?${query.toString()}` : ''}`)
      expect(res.status, op.id).toBe(200)
      expect(res.json<Envelope>().resources.length, op.id).toBeGreaterThan(0)
    }
  })

  it('answers every catalog GET with 200 when called with each optional parameter example too', async () => {
    // The scroll token and after token examples are placeholders, not tokens this sandbox issued.
    const skip = (op: CatalogOperation, name: string) => name === 'after' || (op.operationId === 'QueryDevicesByFilterScroll' && name === 'offset')
    for (const op of ops.filter((o) => o.method === 'GET' && !o.parameters.some((p) => p.required))) {
      for (const p of op.parameters.filter((p) => !skip(op, p.name))) {
        const res = await f.authed(token, `${op.path}?${new URLSearchParams({ [p.name]: String(p.example) }).toString()}`)
        expect(res.status, `${op.id} ${p.name}=${String(p.example)}`).toBe(200)
      }
    }
  })

  it('answers every catalog POST with its first body example (ids swapped for real ones) with 200', async () => {
    const source: Record<string, string> = {
      '/devices/entities/devices/v2': '/devices/queries/devices/v1', '/alerts/entities/alerts/v2': '/alerts/queries/alerts/v2',
      '/detects/entities/summaries/GET/v1': '/detects/queries/detects/v1', '/incidents/entities/incidents/GET/v1': '/incidents/queries/incidents/v1',
      '/incidents/entities/behaviors/GET/v1': '/incidents/queries/behaviors/v1',
      '/real-time-response/entities/sessions/GET/v1': '/real-time-response/queries/sessions/v1'
    }
    for (const op of ops.filter((o) => o.method === 'POST' && !o.path.startsWith('/oauth2/'))) {
      const example = op.requestBody?.examples[0]?.value as Record<string, unknown>
      const from = source[op.path]
      const body = from === undefined ? example : Object.fromEntries(Object.keys(example).map((k) => [k, [] as string[]]))
      if (from !== undefined) for (const k of Object.keys(body)) body[k] = await realIds(from)
      const res = await f.authed(token, op.path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      expect(res.status, op.id).toBe(200)
    }
  })
})
