/** Event records per type, assembled as JSON text from cached fragments (see fragments.ts). */
import type { Rng } from '../prng'
import { field, fieldChoices, type FragmentPools } from './fragments'
import { ALERT_TYPES, buildAlertJson } from './records-alerts'
import {
  ACTIONS, ACTIVITIES, ADMINS, AUDIT_EVENTS, DEVICE_EVENTS, DLP_PROFILES, DLP_RULES, FILE_NAMES, INFRA_ALARMS,
  OBJECT_TYPES, POLICIES, PRIVATE_APPS, PUBLISHERS, SEVERITIES
} from './pools'

export const EVENT_TYPES = ['alert', 'application', 'audit', 'connection', 'endpoint', 'incident',
  'infrastructure', 'network', 'page'] as const
export type EventType = (typeof EVENT_TYPES)[number]

const POLICY = fieldChoices('policy', POLICIES)
const ACTION = fieldChoices('action', ACTIONS)
const ACTIVITY = fieldChoices('activity', ACTIVITIES)
const OBJECT_TYPE = fieldChoices('object_type', OBJECT_TYPES)
const SEVERITY = fieldChoices('severity', SEVERITIES)
const DLP_PROFILE = fieldChoices('dlp_profile', DLP_PROFILES)
const DLP_RULE = fieldChoices('dlp_rule', DLP_RULES)
const PUBLISHER = fieldChoices('publisher_name', PUBLISHERS)
const PRIVATE_APP = fieldChoices('app', PRIVATE_APPS)
const ADMIN = fieldChoices('user', ADMINS)
const STATUS = fieldChoices('status', ['new', 'in_progress', 'resolved', 'closed'])
const PATHS = ['/', '/login', '/home', '/files', '/search?q=report', '/api/v1/items']
const FILES = FILE_NAMES.map((name) => ({
  json: `${field('object', name)},${field('file_type', name.split('.').pop() ?? 'bin')}`
}))
const AUDITS = AUDIT_EVENTS.map((event) => ({ event, json: field('audit_log_event', event) }))
const ALARMS = INFRA_ALARMS.map((alarm) => ({
  name: alarm.name,
  json: `${field('alarm_name', alarm.name)},${field('category', alarm.category)}`
}))
const DEVICE_EVENT = DEVICE_EVENTS.map((event) =>
  `${field('event_type', event)},${field('action', event.includes('Blocked') ? 'block' : 'allow')}`)
const DEVICE_PRODUCTS = [['SanDisk', 'Ultra USB 3.0'], ['Kingston', 'DataTraveler'], ['Apple', 'AirPods Pro']].map(
  ([vendor, product]) => `${field('vendor_name', vendor)},${field('product_name', product)}`)

function head(id: string, ts: number, type: string): string {
  return `{"_id":"${id}","timestamp":${ts},"type":"${type}"`
}

function traffic(rng: Rng): string {
  const client = rng.range(400, 60_000)
  const server = rng.range(800, 2_000_000)
  return `"client_bytes":${client},"server_bytes":${server},"numbytes":${client + server},` +
    `"req_cnt":${rng.range(1, 40)},"resp_cnt":${rng.range(1, 40)}`
}

type Builder = (rng: Rng, id: string, ts: number, pools: FragmentPools) => string

const BUILDERS: Record<Exclude<EventType, 'alert'>, Builder> = {
  page: (rng, id, ts, p) => {
    const target = rng.pick(p.targets)
    const url = JSON.stringify(target.domain + rng.pick(PATHS))
    return `${head(id, ts, 'page')},${rng.pick(p.actors).json},${target.json},"url":${url},"page":${url},` +
      `${traffic(rng)},"page_duration":${rng.range(1, 900)},"connection_id":${rng.range(1, 2 ** 31)},` +
      `"transaction_id":${rng.range(1, 2 ** 31)},${rng.pick(POLICY)},"action":"allow"}`
  },
  connection: (rng, id, ts, p) => {
    const target = rng.pick(p.targets)
    const duration = rng.range(1, 1800)
    return `${head(id, ts, 'connection')},${rng.pick(p.actors).json},${target.json},` +
      `"url":${JSON.stringify(target.domain + '/')},"start_time":${ts - duration},"end_time":${ts},` +
      `"duration":${duration},${traffic(rng)},"connection_id":${rng.range(1, 2 ** 31)}}`
  },
  application: (rng, id, ts, p) =>
    `${head(id, ts, 'nspolicy')},${rng.pick(p.actors).json},${rng.pick(p.apps).json},${rng.pick(ACTIVITY)},` +
    `${rng.pick(FILES).json},${rng.pick(OBJECT_TYPE)},"file_size":${rng.range(1_000, 50_000_000)},` +
    `${rng.pick(POLICY)},${rng.pick(ACTION)},"alert":"no","app_session_id":${rng.range(1, 2 ** 31)},` +
    `"connection_id":${rng.range(1, 2 ** 31)}}`,
  network: (rng, id, ts, p) => {
    const privateApp = rng.chance(0.5)
    const tcp = rng.chance(0.85)
    const port = tcp ? rng.pick([443, 22, 3389, 8443, 80]) : rng.pick([53, 123, 500])
    const target = privateApp
      ? `${rng.pick(PRIVATE_APP)},${rng.pick(PUBLISHER)},"tunnel_type":"NPA","dstip":"172.16.${rng.range(0, 255)}.${rng.range(1, 254)}"`
      : `"app":"Internet","tunnel_type":"NG-SWG","dstip":"52.${rng.range(0, 255)}.${rng.range(0, 255)}.${rng.range(1, 254)}"`
    return `${head(id, ts, 'network')},${rng.pick(p.actors).json},"network_session_id":"${rng.next().toString(16)}",` +
      `"protocol":"${tcp ? 'TCP' : 'UDP'}","srcport":${rng.range(1024, 65535)},"dstport":${port},${target},` +
      `"client_bytes":${rng.range(60, 5_000_000)},"server_bytes":${rng.range(60, 20_000_000)},` +
      `"total_packets":${rng.range(2, 20_000)},"session_duration":${rng.range(1, 7200)},` +
      `"action":"${rng.chance(0.9) ? 'allow' : 'block'}",${rng.pick(POLICY)}}`
  },
  audit: (rng, id, ts) => {
    const audit = rng.pick(AUDITS)
    return `${head(id, ts, 'admin_audit_logs')},${rng.pick(ADMIN)},${audit.json},` +
      `"severity_level":${rng.range(1, 3)},"organization_unit":"","audit_type":"admin_audit_logs",` +
      `"supporting_data":{"data_type":"user","data_values":["73.${rng.range(0, 255)}.${rng.range(0, 255)}.${rng.range(1, 254)}",${JSON.stringify(audit.event)}]}}`
  },
  infrastructure: (rng, id, ts) => {
    const alarm = rng.pick(ALARMS)
    const device = rng.pick(PUBLISHERS)
    return `${head(id, ts, 'infrastructure')},${alarm.json},` +
      `"alarm_description":${JSON.stringify(`${alarm.name} detected on ${device}`)},${rng.pick(SEVERITY)},` +
      `"device":"${device}","supporting_data":{"data_type":"device","data_values":["10.250.${rng.range(0, 255)}.${rng.range(1, 254)}"]}}`
  },
  endpoint: (rng, id, ts, p) =>
    `${head(id, ts, 'endpoint')},${rng.pick(p.actors).json},${rng.pick(DEVICE_EVENT)},` +
    `"device_classification":"${rng.chance(0.7) ? 'managed' : 'unmanaged'}",${rng.pick(DEVICE_PRODUCTS)},` +
    `"serial_number":"${rng.next().toString(16).toUpperCase()}","policy":"Device Control"}`,
  incident: (rng, id, ts, p) =>
    `${head(id, ts, 'incident')},${rng.pick(p.actors).json},${rng.pick(p.apps).json},${rng.pick(FILES).json},` +
    `"object_type":"File","dlp_incident_id":${rng.range(1, 2 ** 40)},${rng.pick(DLP_PROFILE)},${rng.pick(DLP_RULE)},` +
    `"dlp_rule_count":${rng.range(1, 500)},${rng.pick(SEVERITY)},${rng.pick(STATUS)},` +
    `"assignee":${rng.chance(0.5) ? JSON.stringify(rng.pick(ADMINS)) : '""'},` +
    `"activity":"${rng.pick(['Upload', 'Share', 'Post'])}"}`
}

/** JSON text of event record `id`/`ts` of `type`; `rng` is the record's own generator. */
export function buildEventJson(type: EventType, rng: Rng, id: string, ts: number, pools: FragmentPools): string {
  if (type === 'alert') return buildAlertJson(rng.pick(ALERT_TYPES), rng, id, ts, pools)
  return BUILDERS[type](rng, id, ts, pools)
}
