import { readFileSync } from 'node:fs'
import { validate } from '@readme/openapi-parser'
import { describe, expect, it } from 'vitest'
import { loadCatalog } from '@shared/catalog/load-catalog'
import type { CatalogApi } from '@shared/catalog/types'
import { examplesOf, makeAjv, validateExamples } from '../../shared/catalog/example-validator'

const FILE = new URL('../../../resources/catalogs/falcon.openapi.json', import.meta.url)
const read = (): Record<string, unknown> => JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>
const info = read()['info'] as Record<string, unknown>
/*
 * The `falcon` vendor definition lands separately (src/shared/vendors/falcon.ts); until it is registered the
 * loader does not know the id from info.x-api, so the test names the API itself. Either way it is the real loader.
 */
const api = info['x-api'] as CatalogApi
export const falconOps = () => loadCatalog(read(), { api })

describe('the built-in Falcon catalog', () => {
  const ops = falconOps()

  it('is a valid OpenAPI 3.1 document declaring x-api falcon, its title and the four regions', async () => {
    const doc = read()
    expect(doc['openapi']).toBe('3.1.0')
    expect(info['x-api']).toBe('falcon')
    expect(info['title']).toBe('CrowdStrike Falcon API')
    expect((doc['servers'] as { url: string }[]).map((s) => s.url)).toEqual([
      'https://api.crowdstrike.com', 'https://api.us-2.crowdstrike.com', 'https://api.eu-1.crowdstrike.com', 'https://api.laggar.gcw.crowdstrike.com'
    ])
    const result = await validate(doc as Parameters<typeof validate>[0])
    expect(result.valid ? [] : result.errors.map((e) => e.message)).toEqual([])
  })

  it('lists 20 operations, each with an id, summary, description, tag, privilege and a success response example', () => {
    expect(ops).toHaveLength(20)
    expect(new Set(ops.map((o) => o.id)).size).toBe(ops.length)
    for (const op of ops) {
      expect(op.api, op.id).toBe('falcon')
      expect(op.operationId, op.id).not.toBeNull()
      expect(op.summary.length, op.id).toBeGreaterThan(5)
      expect(op.description.length, op.id).toBeGreaterThan(20)
      expect(op.tags.length, op.id).toBeGreaterThan(0)
      expect(op.extensions.lifecycle, op.id).toBeDefined()
      const success = op.responses.filter((r) => r.status.startsWith('2'))
      expect(success.length, op.id).toBeGreaterThan(0)
      for (const r of success) expect(r.examples.length, `${op.id} ${r.status}`).toBeGreaterThan(0)
      if (!op.path.startsWith('/oauth2/')) {
        expect(op.extensions.privilege, op.id).toBe('Read')
        expect(op.description, op.id).toMatch(/Needs the API scope \*\*[A-Za-z ]+: Read\*\*/)
      }
    }
  })

  it('gives every parameter a typed schema and an example, every body and every declared response body an example', () => {
    for (const op of ops) {
      for (const p of op.parameters) {
        expect(p.schema.type ?? p.schema.anyOf, `${op.id} ${p.name}`).toBeDefined()
        expect(p.example, `${op.id} ${p.name}`).toBeDefined()
      }
      if (op.requestBody) expect(op.requestBody.examples.length, op.id).toBeGreaterThan(0)
      for (const r of op.responses) if (r.schema) expect(r.examples.length, `${op.id} ${r.status}`).toBeGreaterThan(0)
    }
  })

  it('has examples that validate against their schemas', () => {
    const cases = ops.flatMap(examplesOf)
    expect(cases.length).toBeGreaterThan(ops.length * 3)
    expect(validateExamples(makeAjv(), cases)).toEqual([])
  })

  it('marks the legacy Detects and the Incidents API deprecated and shows paging badges', () => {
    const byId = (id: string) => ops.find((o) => o.operationId === id)
    for (const id of ['QueryDetects', 'GetDetectSummaries', 'QueryIncidents', 'GetIncidents']) {
      expect(byId(id)?.deprecated, id).toBe(true)
      expect(byId(id)?.badges.map((b) => b.kind), id).toContain('deprecated')
    }
    expect(byId('GetQueriesAlertsV2')?.deprecated).toBe(false)
    expect(byId('PostCombinedAlertsV1')?.extensions.pagination).toBe('cursor')
    expect(byId('QueryDevicesByFilter')?.extensions.pagination).toBe('offset')
    const limit = byId('QueryDevicesByFilter')?.parameters.find((p) => p.name === 'limit')
    expect(limit?.schema.maximum).toBe(5000)
    expect(limit?.default).toBe(100)
  })
})
