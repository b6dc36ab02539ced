/**
 * `/v2/public/resource/query`: lazily generated resources per type, paged by limit/offset or by the
 * opaque `cursor` / `next_cursor` pair. Without selected_resource_type only `counts` come back.
 */
import type { RequestContext } from '../http/context'
import { isRecord, parseJson } from '../http/body'
import { hashString, itemSeed, Rng } from '../prng'
import { icsTime, type Cloud } from './data'
import { reply, replyError } from './reply'

export const RESOURCE_COUNTS: Record<string, number> = {
  instance: 2400, volume: 1800, storagecontainer: 900, serverlessfunction: 700, resourceaccesslist: 800,
  serviceuser: 600, servicerole: 450, dbinstance: 250, loadbalancer: 200, privatenetwork: 120
}
const TYPES = Object.keys(RESOURCE_COUNTS)
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2']

function specific(type: string, rng: Rng, name: string): Record<string, unknown> {
  switch (type) {
    case 'instance':
      return { instance_id: `i-${rng.hex(17)}`, instance_type: rng.pick(['t3.micro', 'm5.large', 'c6i.xlarge']),
        platform: rng.pick(['linux', 'windows']), state: rng.pick(['running', 'running', 'stopped']),
        image_id: `ami-${rng.hex(17)}`, private_ip_address: `10.${rng.range(0, 255)}.${rng.range(0, 255)}.${rng.range(1, 254)}`,
        public_ip_address: rng.chance(0.3) ? `54.${rng.range(0, 255)}.${rng.range(0, 255)}.${rng.range(1, 254)}` : null,
        tenancy: 'default', detailed_monitoring: rng.chance(0.4), aws_instance_metadata_service_v2_required: rng.chance(0.6) }
    case 'volume':
      return { size: rng.pick([8, 20, 100, 500]), encrypted: rng.chance(0.7), volume_type: rng.pick(['gp3', 'gp2', 'io2']) }
    case 'storagecontainer':
      return { container_name: name, public_access: rng.chance(0.1), versioning: rng.chance(0.5), encryption: rng.pick(['AES256', 'aws:kms', null]) }
    case 'serviceuser':
      return { user_name: name, mfa_enabled: rng.chance(0.7), console_access: rng.chance(0.5), access_keys: rng.range(0, 2) }
    default:
      return { name }
  }
}

export class ResourceCatalog {
  constructor(
    private readonly seed: number,
    private readonly clouds: readonly Cloud[],
    private readonly nowMs: number
  ) {}

  resource(type: string, index: number): Record<string, unknown> {
    const rng = new Rng(itemSeed(this.seed, hashString(`ics-resource:${type}`), index))
    const cloud = this.clouds[index % this.clouds.length] ?? this.clouds[0]
    const region = rng.pick(REGIONS)
    const name = `${type}-${rng.hex(6)}`
    const created = this.nowMs - rng.range(1, 700) * 86_400_000
    const common = {
      resource_id: `${type}:${cloud?.id ?? 1}:${region}:${name}:`, resource_name: name, resource_type: type,
      cloud: cloud?.cloud_type_id ?? 'AWS', account: cloud?.name ?? '', account_id: cloud?.account_id ?? '',
      account_status: cloud?.status ?? 'DEFAULT', organization_service_id: cloud?.id ?? 1, region,
      availability_zone: `${region}${rng.pick(['a', 'b', 'c'])}`, creation_timestamp: icsTime(created),
      discovered_timestamp: icsTime(created + 3600_000), modified_timestamp: icsTime(this.nowMs - rng.range(1, 30) * 86_400_000),
      namespace_id: `arn:aws:${type}:${region}:${cloud?.account_id ?? ''}:${name}`,
      tags: { Name: name, environment: rng.pick(['production', 'staging', 'dev']) }
    }
    return { resource_type: type, [type]: { common, ...specific(type, rng, name) } }
  }
}

interface CursorState {
  type: string
  offset: number
}

const encodeCursor = (state: CursorState): string => Buffer.from(JSON.stringify(state)).toString('base64url')

function decodeCursor(cursor: string): CursorState | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (isRecord(value) && typeof value['type'] === 'string' && Number.isInteger(value['offset'])) {
      return { type: value['type'], offset: Number(value['offset']) }
    }
  } catch {
    // fall through: not one of ours
  }
  return null
}

export async function queryResources(ctx: RequestContext, catalog: ResourceCatalog): Promise<void> {
  const body = parseJson(await ctx.body()) ?? {}
  if (!isRecord(body)) return replyError(ctx, 400, 'BadRequest', 'The request body must be a JSON object.')
  const limit = body['limit'] === undefined ? 100 : Number(body['limit'])
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    return replyError(ctx, 400, 'BadRequest', 'limit must be an integer from 1 to 1000.')
  }
  const scopes = Array.isArray(body['scopes']) ? body['scopes'].map(String) : []
  const filters = Array.isArray(body['filters']) ? body['filters'] : []
  const echo = { scopes, filters, limit, order_by: typeof body['order_by'] === 'string' ? body['order_by'] : null,
    supported_types: TYPES }
  const selected = body['selected_resource_type']
  if (selected === undefined || selected === null || selected === '') {
    return reply(ctx, 200, { ...echo, counts: RESOURCE_COUNTS, selected_resource_type: null, resources: [], offset: 0, next_cursor: null })
  }
  if (typeof selected !== 'string' || !(selected in RESOURCE_COUNTS)) {
    return replyError(ctx, 400, 'BadRequest', `Unsupported selected_resource_type '${String(selected)}'. Use one of: ${TYPES.join(', ')}.`)
  }
  let offset = body['offset'] === undefined ? 0 : Number(body['offset'])
  if (!Number.isInteger(offset) || offset < 0) return replyError(ctx, 400, 'BadRequest', 'offset must be a non-negative integer.')
  const cursor = body['cursor']
  if (typeof cursor === 'string' && cursor !== '') {
    const state = decodeCursor(cursor)
    if (state === null || state.type !== selected) return replyError(ctx, 400, 'BadRequest', 'cursor is invalid for this query.')
    offset = state.offset
  }
  const orgServiceIds = scopes.filter((s) => s.startsWith('divvyorganizationservice:')).map((s) => Number(s.split(':')[1]))
  const count = RESOURCE_COUNTS[selected] ?? 0
  const resources: Record<string, unknown>[] = []
  let position = offset
  let index = 0
  let skipped = 0
  // Scoping is by cloud: walk the type's indexes, keep those in scope, page over what is kept.
  for (index = 0; index < count && resources.length < limit; index++) {
    const resource = catalog.resource(selected, index)
    const common = (resource[selected] as { common: { organization_service_id: number } }).common
    if (orgServiceIds.length > 0 && !orgServiceIds.includes(common.organization_service_id)) continue
    if (skipped < position) {
      skipped++
      continue
    }
    resources.push(resource)
  }
  position = offset + resources.length
  let more = false
  for (; index < count && !more; index++) {
    const resource = catalog.resource(selected, index)
    const common = (resource[selected] as { common: { organization_service_id: number } }).common
    more = orgServiceIds.length === 0 || orgServiceIds.includes(common.organization_service_id)
  }
  return reply(ctx, 200, { ...echo, selected_resource_type: selected, resources, offset,
    next_cursor: more ? encodeCursor({ type: selected, offset: position }) : null })
}
