/** Fixed InsightCloudSec inventory for the sandbox: organizations, clouds, insights and bots (from the seed). */
import { hashString, mix32, Rng } from '../prng'

export interface Organization {
  organization_id: number
  name: string
  resource_id: string
  status: string
  smtp_configured: boolean
}

export interface Cloud {
  id: number
  name: string
  cloud_type_id: string
  account_id: string
  creation_time: string
  status: string
  badge_count: number
  resource_count: number
  last_refreshed: string
  role_arn?: string
  group_resource_id: string
  resource_id: string
  event_driven_harvest_role: string
  strategy_id: number
  organization_id: number
}

export const ORGANIZATIONS: readonly Organization[] = [
  { organization_id: 1, name: 'Default Organization', resource_id: 'divvyorganization:1', status: 'ok', smtp_configured: true },
  { organization_id: 2, name: 'Sandbox Lab', resource_id: 'divvyorganization:2', status: 'ok', smtp_configured: false }
]

const CLOUD_TYPES = ['AWS', 'AWS', 'AWS', 'AZURE_ARM', 'AZURE_ARM', 'GCE', 'OCI', 'ALICLOUD'] as const
const TEAMS = ['payments', 'identity', 'data-platform', 'web', 'ml', 'security', 'shared-services', 'sandbox']
const STAGES = ['prod', 'staging', 'dev']

/** `YYYY-MM-DD HH:MM:SS`, ICS's usual timestamp format. */
export function icsTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19)
}

function accountId(rng: Rng, type: string): string {
  if (type === 'AWS') return String(rng.range(100_000_000_000, 999_999_999_999))
  if (type === 'AZURE_ARM') return `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`
  if (type === 'GCE') return `sandbox-${rng.hex(6)}`
  return `ocid1.tenancy.oc1..${rng.hex(20)}`
}

export function buildClouds(seed: number, nowMs: number): Cloud[] {
  const rng = new Rng(mix32(seed ^ hashString('ics-clouds')))
  return Array.from({ length: 37 }, (_, k) => {
    const id = k + 1
    const type = CLOUD_TYPES[k % CLOUD_TYPES.length] ?? 'AWS'
    const created = nowMs - rng.range(30, 900) * 86_400_000
    const cloud: Cloud = {
      id,
      name: `${rng.pick(TEAMS)}-${rng.pick(STAGES)}-${id}`,
      cloud_type_id: type,
      account_id: accountId(rng, type),
      creation_time: icsTime(created),
      status: rng.chance(0.85) ? 'DEFAULT' : 'PAUSED',
      badge_count: rng.range(0, 6),
      resource_count: rng.range(20, 5000),
      last_refreshed: icsTime(nowMs - rng.range(60, 7200) * 1000),
      group_resource_id: `divvyorganizationservice:${id}`,
      resource_id: `divvyorganizationservice:${id}`,
      event_driven_harvest_role: rng.pick(['idle', 'producer', 'consumer']),
      strategy_id: rng.range(1, 4),
      organization_id: id % 9 === 0 ? 2 : 1
    }
    if (type === 'AWS') cloud.role_arn = `arn:aws:iam::${cloud.account_id}:role/InsightCloudSecRole`
    return cloud
  })
}

const INSIGHT_NAMES: readonly [string, string[], number][] = [
  ['Instance Exposing Public SSH', ['instance'], 4],
  ['Storage Container Exposing Public Read', ['storagecontainer'], 5],
  ['Cloud User Without MFA', ['serviceuser'], 4],
  ['Volume Not Encrypted', ['volume'], 3],
  ['Database Instance Publicly Accessible', ['dbinstance'], 5],
  ['Serverless Function With Admin Role', ['serverlessfunction'], 4],
  ['Load Balancer Without TLS Listener', ['loadbalancer'], 3],
  ['Access List Allows 0.0.0.0/0 On RDP', ['resourceaccesslist'], 5],
  ['Network Without Flow Logs', ['privatenetwork'], 2],
  ['Role With Wildcard Permissions', ['servicerole'], 4],
  ['Instance Without Required Tags', ['instance'], 1],
  ['Stale Access Key (90 Days)', ['serviceuser'], 3]
]

export function buildInsights(): Record<string, unknown>[] {
  return INSIGHT_NAMES.map(([name, types, severity], k) => ({
    insight_id: k + 1,
    name,
    description: `Identifies resources matching: ${name.toLowerCase()}.`,
    severity,
    source: k % 4 === 3 ? 'custom' : 'backoffice',
    resource_types: types,
    filters: [{ name: `divvy.query.${name.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`, config: {} }],
    scopes: [],
    tags: k % 2 === 0 ? ['security'] : ['compliance'],
    badges: [],
    supported_clouds: ['AWS', 'AZURE_ARM', 'GCE'],
    notes: null,
    owner_resource_id: null
  }))
}

export function buildBots(nowMs: number): Record<string, unknown>[] {
  return INSIGHT_NAMES.slice(0, 8).map(([name, types], k) => ({
    resource_id: `divvybot:1:${k + 1}`,
    name: `Remediate: ${name}`,
    description: `Bot that notifies owners about "${name}".`,
    state: k % 3 === 2 ? 'PAUSED' : 'RUNNING',
    category: 'Security',
    owner: 'divvyuser:1:',
    owner_name: 'Sandbox Admin',
    date_created: icsTime(nowMs - (k + 10) * 86_400_000),
    date_modified: icsTime(nowMs - k * 86_400_000),
    severity: k % 2 === 0 ? 'high' : 'medium',
    instructions: {
      resource_types: types,
      filters: [{ name: `divvy.query.${name.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`, config: {} }],
      actions: [{ name: 'divvy.action.send_email', config: {}, run_when_result_is: true }],
      groups: [],
      badges: []
    },
    schedule_description: 'Every 24 hours'
  }))
}
