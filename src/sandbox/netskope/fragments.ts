/**
 * Pre-serialised JSON fragments that generated records are assembled from. Serialising records field by
 * field was ~100 µs each; concatenating a few cached fragments plus some numbers is an order of magnitude
 * faster, which matters when the iterator serves 10,000-record pages back to back. The pools are a pure
 * function of the seed, so record i stays a pure function of (seed, stream, i).
 */
import { hashString, mix32, Rng } from '../prng'
import {
  ACCESS_METHODS, APPS, CLIENTS, ORG_UNITS, PLACES, USERS, WEB_CATEGORIES, WEB_DOMAINS, type Place
} from './pools'

/** `"key":<json value>` (no braces), ready to be joined with commas. */
export function field(key: string, value: unknown): string {
  return `${JSON.stringify(key)}:${JSON.stringify(value)}`
}

/** One fragment per value: `"key":"value"`. */
export function fieldChoices(key: string, values: readonly unknown[]): string[] {
  return values.map((value) => field(key, value))
}

function fields(record: Record<string, unknown>): string {
  const json = JSON.stringify(record)
  return json.slice(1, -1)
}

export interface ActorFragment {
  user: string
  json: string
}

export interface TargetFragment {
  domain: string
  /** Fields of the destination: app or site, category, ccl, dst address and location. */
  json: string
}

export interface FragmentPools {
  actors: ActorFragment[]
  /** Sanctioned cloud apps. */
  apps: TargetFragment[]
  /** Cloud apps and plain web sites. */
  targets: TargetFragment[]
}

const ACTOR_POOL = 4096
const APP_POOL = 512

function ipv4(rng: Rng, prefix: string): string {
  const parts = prefix.replace(/\.$/, '').split('.')
  while (parts.length < 4) parts.push(String(rng.range(1, 254)))
  return parts.join('.')
}

function actor(rng: Rng): ActorFragment {
  const userIndex = rng.int(USERS.length)
  const user = USERS[userIndex] ?? 'unknown@acme-sandbox.example'
  const place = rng.pick(PLACES)
  const client = rng.pick(CLIENTS)
  return {
    user,
    json: fields({
      user,
      ur_normalized: user,
      userip: ipv4(rng, `10.${10 + (userIndex >> 6)}.`),
      srcip: ipv4(rng, place.prefix),
      src_country: place.country,
      src_location: place.location,
      src_region: place.region,
      hostname: `${(user.split('@')[0] ?? 'host').replace('.', '-')}-laptop`,
      device: client.device,
      os: client.os,
      os_version: client.osVersion,
      browser: client.browser,
      useragent: client.userAgent,
      organization_unit: rng.pick(ORG_UNITS),
      access_method: rng.pick(ACCESS_METHODS)
    })
  }
}

function destination(rng: Rng, place: Place): Record<string, unknown> {
  return { dstip: ipv4(rng, place.prefix), dst_country: place.country, dst_location: place.location }
}

function cloudApp(rng: Rng): TargetFragment {
  const app = rng.pick(APPS)
  return {
    domain: app.domain,
    json: fields({ app: app.app, appcategory: app.category, category: app.category, ccl: app.ccl, cci: app.cci,
      site: app.app, domain: app.domain, ...destination(rng, rng.pick(PLACES)), traffic_type: 'CloudApp' })
  }
}

function website(rng: Rng): TargetFragment {
  const i = rng.int(WEB_DOMAINS.length)
  const domain = WEB_DOMAINS[i] ?? 'example.com'
  const category = WEB_CATEGORIES[i] ?? 'Uncategorized'
  return {
    domain,
    json: fields({ app: domain, appcategory: category, category, ccl: 'unknown', site: domain, domain,
      ...destination(rng, rng.pick(PLACES)), traffic_type: 'Web' })
  }
}

const cache = new Map<number, FragmentPools>()

export function fragmentPools(seed: number): FragmentPools {
  const cached = cache.get(seed)
  if (cached !== undefined) return cached
  const rng = new Rng(mix32(seed ^ hashString('netskope-fragment-pools')))
  const actors = Array.from({ length: ACTOR_POOL }, () => actor(rng))
  const apps = Array.from({ length: APP_POOL }, () => cloudApp(rng))
  const targets = Array.from({ length: APP_POOL }, (_, k) => (k % 5 < 3 ? cloudApp(rng) : website(rng)))
  const pools = { actors, apps, targets }
  cache.set(seed, pools)
  return pools
}

/** 24 lower-case hex characters, like Netskope's `_id`. */
export function recordId(rng: Rng): string {
  return (
    rng.next().toString(16).padStart(8, '0') +
    rng.next().toString(16).padStart(8, '0') +
    rng.next().toString(16).padStart(8, '0')
  )
}
