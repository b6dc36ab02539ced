import { describe, expect, it } from 'vitest'
import { loadCatalog } from '@shared/catalog/load-catalog'
import { CatalogOperationSchema, type CatalogOperation } from '@shared/catalog/types'
import { readBuiltin } from './builtin-docs'

const netskope = loadCatalog(readBuiltin('netskope.openapi.json'))
const ce = loadCatalog(readBuiltin('cloud-exchange.openapi.json'))
const ics = loadCatalog(readBuiltin('insightcloudsec.openapi.json'))
const byId = (ops: CatalogOperation[], id: string): CatalogOperation => {
  const op = ops.find((o) => o.id === id)
  if (!op) throw new Error(`no operation ${id}`)
  return op
}
const labels = (op: CatalogOperation, kind: string): string[] => op.badges.filter((b) => b.kind === kind).map((b) => b.label)

describe('loadCatalog on the built-in catalogs', () => {
  it('lists the expected number of operations', () => {
    expect(netskope).toHaveLength(52)
    expect(ce).toHaveLength(23)
    expect(ics).toHaveLength(63)
    const prefix = (p: string) => netskope.filter((o) => o.path.startsWith(p)).length
    expect(prefix('/api/v2/events/dataexport/events/')).toBe(9)
    expect(prefix('/api/v2/events/dataexport/alerts/')).toBe(13)
    expect(prefix('/api/v2/events/data/')).toBe(6)
    expect(prefix('/api/v2/policy/urllist')).toBe(9)
    expect(prefix('/api/v2/services/cci/')).toBe(6)
  })

  it('produces operations that match the CatalogOperation schema, with unique ids and no $ref left', () => {
    const all = [...netskope, ...ce, ...ics]
    for (const op of all) expect(() => CatalogOperationSchema.parse(op), op.id).not.toThrow()
    expect(new Set(all.map((o) => o.id)).size).toBe(all.length)
    expect(JSON.stringify(all)).not.toContain('"$ref"')
  })

  it('derives Netskope badges from the vendor extensions', () => {
    const create = byId(netskope, 'netskope:urllistCreate')
    expect(labels(create, 'ce-module')).toEqual(['CTE'])
    expect(labels(create, 'privilege')).toEqual(['Read+Write'])

    const dlp = byId(netskope, 'netskope:dataexportAlertsDlp')
    expect(dlp.extensions.iterator).toEqual({ kind: 'dataexport' })
    expect(labels(dlp, 'iterator')).toEqual(['Iterator'])
    expect(labels(dlp, 'lifecycle')).toEqual(['CE 4.0+'])

    const iterAlert = byId(netskope, 'netskope:dataexportEventsAlert')
    expect(iterAlert.extensions.iterator?.legacyEquivalent).toBe('/api/v2/events/data/alert')

    const legacy = byId(netskope, 'netskope:eventsDataAlert')
    expect(legacy.extensions.iteratorEquivalent).toBe('/api/v2/events/dataexport/events/alert')
    expect(labels(legacy, 'lifecycle')).toEqual(['CE 3.0-4.0, phasing out'])
    expect(legacy.badges.find((b) => b.kind === 'iterator-equivalent')?.title).toContain('/dataexport/events/alert')
    expect(labels(byId(netskope, 'netskope:cciApps'), 'ce-module')).toEqual(['ARE'])
    expect(labels(byId(netskope, 'netskope:ubaGetUci'), 'ce-module')).toEqual(['URE'])
  })

  it('gives every Netskope and CE operation modules and a lifecycle, and every legacy query its iterator', () => {
    for (const op of [...netskope, ...ce]) {
      expect(op.extensions.ceModules, op.id).toBeDefined()
      expect(op.extensions.lifecycle, op.id).toBeDefined()
    }
    for (const op of netskope.filter((o) => o.path.startsWith('/api/v2/'))) {
      expect(op.extensions.privilege, op.id).toBeDefined()
    }
    for (const op of netskope.filter((o) => o.path.startsWith('/api/v2/events/data/'))) {
      expect(op.extensions.iteratorEquivalent, op.id).toMatch(/^\/api\/v2\/events\/dataexport\/events\//)
    }
  })

  it('resolves shared parameters, including the union enum of the iterator operation', () => {
    const page = byId(netskope, 'netskope:dataexportEventsPage')
    expect(page.parameters.map((p) => `${p.in}:${p.name}:${p.required}`)).toEqual(['query:index:false', 'query:operation:true'])
    const op = page.parameters[1]
    expect(op?.enum).toEqual(['next', 'resend', 'head', 'tail'])
    expect(op?.example).toBe('next')
    const limit = byId(netskope, 'netskope:eventsDataPage').parameters.find((p) => p.name === 'limit')
    expect(limit?.default).toBe(5000)
    expect(limit?.schema.maximum).toBe(5000)
  })

  it('reads security per operation', () => {
    expect(byId(netskope, 'netskope:dataexportEventsPage').security).toEqual(['netskopeApiToken', 'bearerAuth'])
    expect(byId(netskope, 'netskope:v1AppInstancesValidateToken').security).toEqual(['v1Token'])
    expect(byId(ce, 'cloud-exchange:ceAuth').security).toEqual([])
    expect(byId(ce, 'cloud-exchange:cteIndicatorsList').security).toEqual(['ceBearer'])
    expect(byId(ics, 'insightcloudsec:icsLogin').security).toEqual([])
    expect(byId(ics, 'insightcloudsec:icsCloudsListGet').security).toEqual(['icsApiKey', 'icsAuthToken'])
  })

  it('marks ICS namespaces and cautions every prototype route', () => {
    const ns = (id: string) => byId(ics, id).extensions.icsNamespace
    expect(ns('insightcloudsec:icsLogin')).toBe('public')
    expect(ns('insightcloudsec:icsSwitchOrganization')).toBe('prototype')
    expect(ns('insightcloudsec:icsIacScans')).toBe('v3')
    for (const op of ics) {
      expect(op.extensions.icsNamespace, op.id).toBeDefined()
      if (op.path.startsWith('/v2/prototype/')) expect(labels(op, 'caution'), op.id).toEqual(['Caution'])
    }
    expect(byId(ics, 'insightcloudsec:icsResourceQueryV3').extensions.pagination).toBe('cursor')
  })

  it('reads request bodies and response examples', () => {
    const auth = byId(ce, 'cloud-exchange:ceAuth')
    expect(auth.requestBody?.contentType).toBe('application/x-www-form-urlencoded')
    expect(auth.requestBody?.examples.map((e) => e.name)).toEqual(['clientCredentials', 'password'])
    const r401 = auth.responses.find((r) => r.status === '401')
    expect(r401?.examples.map((e) => e.value)).toContainEqual({ detail: 'Invalid client_id/client_secret provided.' })
    const forbidden = byId(netskope, 'netskope:urllistList').responses.find((r) => r.status === '403')
    expect(forbidden?.examples[0]?.value).toEqual({ message: 'You cannot consume this service' })
  })
})
