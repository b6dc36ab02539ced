/** Generated custom IOCs (IOC Management) and Real Time Response sessions. */
import { hashString, itemSeed, Rng } from '../prng'
import { sandboxCid, type FalconRecord } from './data-hosts'

export const IOC_COUNT = 250
export const RTR_SESSION_COUNT = 40

const IOC_TYPES = ['sha256', 'md5', 'domain', 'ipv4'] as const
const ACTIONS = ['detect', 'prevent', 'no_action', 'allow']
const SEVERITIES = ['informational', 'low', 'medium', 'high', 'critical']
const SOURCES = ['Sandbox Threat Feed', 'Incident Response', 'Cloud Exchange']
const WORDS = ['update', 'cdn', 'login', 'secure', 'files', 'sync', 'portal']

function iocValue(rng: Rng, type: (typeof IOC_TYPES)[number], i: number): string {
  switch (type) {
    case 'sha256':
      return rng.hex(64)
    case 'md5':
      return rng.hex(32)
    case 'domain':
      return `${rng.pick(WORDS)}-${rng.pick(WORDS)}-${i}.example.net`
    default:
      return `198.51.${Math.floor(i / 250) % 256}.${(i % 250) + 1}`
  }
}

export function generateIocs(seed: number, startedAtSec: number): FalconRecord[] {
  const stream = hashString('falcon-iocs')
  return Array.from({ length: IOC_COUNT }, (_, i) => {
    const rng = new Rng(itemSeed(seed, stream, i))
    const type = rng.pick(IOC_TYPES)
    const created = startedAtSec - 86_400 - i * 3_000
    const modified = created + rng.range(0, 86_400)
    const isHash = type === 'sha256' || type === 'md5'
    return {
      id: rng.hex(64),
      type,
      value: iocValue(rng, type, i),
      action: isHash ? rng.pick(ACTIONS) : rng.pick(['detect', 'no_action']),
      severity: rng.pick(SEVERITIES),
      severity_number: 0,
      source: rng.pick(SOURCES),
      description: `Sandbox indicator ${i + 1}`,
      platforms: isHash ? ['windows', 'mac', 'linux'] : ['windows'],
      tags: rng.chance(0.5) ? ['sandbox'] : [],
      applied_globally: true,
      expired: false,
      deleted: false,
      mobile_action: 'no_action',
      metadata: isHash ? { filename: `payload-${i}.exe` } : {},
      created_on: new Date(created * 1000).toISOString(),
      created_by: 'sandbox-falcon-client-full',
      modified_on: new Date(modified * 1000).toISOString(),
      modified_by: 'sandbox-falcon-client-full'
    }
  }).map((ioc) => ({ ...ioc, severity_number: SEVERITIES.indexOf(String(ioc.severity)) }))
}

export function generateRtrSessions(seed: number, startedAtSec: number, hosts: readonly FalconRecord[]): FalconRecord[] {
  const cid = sandboxCid(seed)
  const stream = hashString('falcon-rtr')
  return Array.from({ length: RTR_SESSION_COUNT }, (_, i) => {
    const rng = new Rng(itemSeed(seed, stream, i))
    const host = rng.pick(hosts)
    const created = startedAtSec - 3_600 - i * 7_200
    const uuid = [rng.hex(8), rng.hex(4), `4${rng.hex(3)}`, `a${rng.hex(3)}`, rng.hex(12)].join('-')
    return {
      id: uuid,
      cid,
      device_id: host['device_id'],
      hostname: host['hostname'],
      platform_name: host['platform_name'],
      origin: 'api',
      user_id: 'sandbox-falcon-client-full',
      user_uuid: [rng.hex(8), rng.hex(4), `4${rng.hex(3)}`, `b${rng.hex(3)}`, rng.hex(12)].join('-'),
      offline_queued: false,
      duration: rng.range(30, 1800),
      created_at: new Date(created * 1000).toISOString(),
      date_created: new Date(created * 1000).toISOString(),
      updated_at: new Date((created + 60) * 1000).toISOString(),
      deleted_at: null,
      logs: [{ id: 1, session_id: uuid, base_command: 'ls', current_directory: 'C:\\', created_at: new Date(created * 1000).toISOString() }]
    }
  })
}
