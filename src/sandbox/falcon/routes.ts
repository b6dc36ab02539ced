/**
 * Every Falcon endpoint the sandbox serves, with the scope it needs and its limits. The limits follow the
 * vendor SDK's endpoint descriptions (CrowdStrike falconpy, src/falconpy/_endpoint/); resources/catalogs/
 * falcon.openapi.json documents the same operations, and test/sandbox/falcon/catalog-agreement.test.ts keeps the two in step.
 */
import type { RequestContext } from '../http/context'
import type { FalconData } from './collections'
import type { FalconScope } from './credentials'
import {
  entitiesFromBody, entitiesFromQuery, jsonObject, pageByAfter, paginationOf, queryByAfter, queryByOffset, queryByScroll
} from './handlers'
import { resources } from './reply'

export interface FalconRoute {
  method: 'GET' | 'POST'
  path: string
  /** null for the OAuth2 endpoints, which authenticate with client credentials instead of a bearer token. */
  scope: FalconScope | null
  handle: (ctx: RequestContext, data: FalconData, nowMs: number) => Promise<void>
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null)

async function combinedAlerts(ctx: RequestContext, data: FalconData, nowMs: number): Promise<void> {
  const body = await jsonObject(ctx)
  const page = pageByAfter(data.alerts, { filter: str(body['filter']), sort: str(body['sort']) ?? 'created_timestamp|desc',
    after: str(body['after']), limit: str(body['limit']) }, nowMs, 1000, 100)
  return resources(ctx, data.alerts.poweredBy, page.records, paginationOf(page))
}

/** The OAuth2 routes are handled by FalconAuth in ./server.ts; they are listed here so the table is complete. */
export const OAUTH_ROUTES = [
  { method: 'POST', path: '/oauth2/token' },
  { method: 'POST', path: '/oauth2/revoke' }
] as const

export const FALCON_ROUTES: readonly FalconRoute[] = [
  { method: 'GET', path: '/devices/queries/devices/v1', scope: 'Hosts: Read',
    handle: (ctx, d) => queryByOffset(ctx, d.hosts, { maxLimit: 5000, defaultLimit: 100, nextOffset: true }) },
  { method: 'GET', path: '/devices/queries/devices-scroll/v1', scope: 'Hosts: Read',
    handle: (ctx, d, now) => queryByScroll(ctx, d.hosts, now, { maxLimit: 10000, defaultLimit: 100 }) },
  { method: 'GET', path: '/devices/entities/devices/v2', scope: 'Hosts: Read', handle: (ctx, d) => entitiesFromQuery(ctx, d.hosts, 100) },
  { method: 'POST', path: '/devices/entities/devices/v2', scope: 'Hosts: Read', handle: (ctx, d) => entitiesFromBody(ctx, d.hosts, 'ids', 5000) },
  { method: 'GET', path: '/alerts/queries/alerts/v2', scope: 'Alerts: Read',
    handle: (ctx, d) => queryByOffset(ctx, d.alerts, { maxLimit: 10000, defaultLimit: 100 }) },
  { method: 'POST', path: '/alerts/entities/alerts/v2', scope: 'Alerts: Read',
    handle: (ctx, d) => entitiesFromBody(ctx, d.alerts, 'composite_ids', 1000) },
  { method: 'POST', path: '/alerts/combined/alerts/v1', scope: 'Alerts: Read', handle: combinedAlerts },
  { method: 'GET', path: '/detects/queries/detects/v1', scope: 'Detections: Read',
    handle: (ctx, d) => queryByOffset(ctx, d.detects, { maxLimit: 9999, defaultLimit: 9999 }) },
  { method: 'POST', path: '/detects/entities/summaries/GET/v1', scope: 'Detections: Read',
    handle: (ctx, d) => entitiesFromBody(ctx, d.detects, 'ids', 1000) },
  { method: 'GET', path: '/incidents/queries/incidents/v1', scope: 'Incidents: Read',
    handle: (ctx, d) => queryByOffset(ctx, d.incidents, { maxLimit: 500, defaultLimit: 100 }) },
  { method: 'POST', path: '/incidents/entities/incidents/GET/v1', scope: 'Incidents: Read',
    handle: (ctx, d) => entitiesFromBody(ctx, d.incidents, 'ids', 500) },
  { method: 'GET', path: '/incidents/queries/behaviors/v1', scope: 'Incidents: Read',
    handle: (ctx, d) => queryByOffset(ctx, d.behaviors, { maxLimit: 500, defaultLimit: 100 }) },
  { method: 'POST', path: '/incidents/entities/behaviors/GET/v1', scope: 'Incidents: Read',
    handle: (ctx, d) => entitiesFromBody(ctx, d.behaviors, 'ids', 500) },
  { method: 'GET', path: '/iocs/combined/indicator/v1', scope: 'IOC Management: Read',
    handle: (ctx, d, now) => queryByAfter(ctx, d.iocs, now, 500, true) },
  { method: 'GET', path: '/iocs/queries/indicators/v1', scope: 'IOC Management: Read',
    handle: (ctx, d, now) => queryByAfter(ctx, d.iocs, now, 500, false) },
  { method: 'GET', path: '/iocs/entities/indicators/v1', scope: 'IOC Management: Read', handle: (ctx, d) => entitiesFromQuery(ctx, d.iocs, 500) },
  { method: 'GET', path: '/real-time-response/queries/sessions/v1', scope: 'Real time response: Read',
    handle: (ctx, d) => queryByOffset(ctx, d.sessions, { maxLimit: 5000, defaultLimit: 100 }) },
  { method: 'POST', path: '/real-time-response/entities/sessions/GET/v1', scope: 'Real time response: Read',
    handle: (ctx, d) => entitiesFromBody(ctx, d.sessions, 'ids', 500) }
]
