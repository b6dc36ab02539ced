/**
 * The sandbox's Falcon data, one collection per API family, each with what its query endpoints may filter
 * and sort on and the service name its answers carry in `meta.powered_by`.
 */
import type { SandboxRuntime } from '../types'
import type { FalconScope } from './credentials'
import { generateAlerts, generateDetects, generateIncidents } from './data-detections'
import { generateHosts, type FalconRecord } from './data-hosts'
import { generateIocs, generateRtrSessions } from './data-iocs'

export interface Collection {
  name: string
  poweredBy: string
  scope: FalconScope
  /** The field query endpoints return in `resources` and entity endpoints look up. */
  idField: string
  records: readonly FalconRecord[]
  byId: ReadonlyMap<string, FalconRecord>
  filterFields: readonly string[]
  sortFields: readonly string[]
}

function collection(spec: Omit<Collection, 'byId'>): Collection {
  const byId = new Map(spec.records.map((r) => [String(r[spec.idField]), r]))
  return { ...spec, byId }
}

export interface FalconData {
  hosts: Collection
  alerts: Collection
  detects: Collection
  incidents: Collection
  behaviors: Collection
  iocs: Collection
  sessions: Collection
}

export function buildFalconData(runtime: Pick<SandboxRuntime, 'seed' | 'startedAtSec'>): FalconData {
  const { seed, startedAtSec } = runtime
  const hosts = generateHosts(seed, startedAtSec)
  const { incidents, behaviors } = generateIncidents(seed, startedAtSec, hosts)
  return {
    hosts: collection({
      name: 'hosts', poweredBy: 'device-api', scope: 'Hosts: Read', idField: 'device_id', records: hosts,
      filterFields: ['device_id', 'hostname', 'platform_name', 'os_version', 'status', 'product_type_desc', 'site_name',
        'local_ip', 'external_ip', 'agent_version', 'first_seen', 'last_seen', 'tags', 'machine_domain', 'modified_timestamp'],
      sortFields: ['hostname', 'platform_name', 'status', 'first_seen', 'last_seen', 'agent_version', 'local_ip', 'modified_timestamp']
    }),
    alerts: collection({
      name: 'alerts', poweredBy: 'detectsapi', scope: 'Alerts: Read', idField: 'composite_id',
      records: generateAlerts(seed, startedAtSec, hosts),
      filterFields: ['composite_id', 'id', 'aggregate_id', 'cid', 'agent_id', 'status', 'severity', 'severity_name', 'confidence',
        'product', 'type', 'platform', 'pattern_id', 'tactic', 'tactic_id', 'technique', 'technique_id', 'created_timestamp',
        'timestamp', 'updated_timestamp', 'user_name', 'filename', 'device.device_id', 'device.hostname'],
      sortFields: ['created_timestamp', 'timestamp', 'updated_timestamp', 'status', 'severity', 'aggregate_id', 'tactic_id',
        'tactic', 'technique', 'technique_id', 'pattern_id', 'product', 'composite_id']
    }),
    detects: collection({
      name: 'detects', poweredBy: 'legacy-detects', scope: 'Detections: Read', idField: 'detection_id',
      records: generateDetects(seed, startedAtSec, hosts),
      filterFields: ['detection_id', 'status', 'max_severity', 'max_severity_displayname', 'max_confidence', 'first_behavior',
        'last_behavior', 'created_timestamp', 'device.device_id', 'device.hostname'],
      sortFields: ['first_behavior', 'last_behavior', 'max_severity', 'max_confidence', 'device.hostname', 'created_timestamp']
    }),
    incidents: collection({
      name: 'incidents', poweredBy: 'incident-api', scope: 'Incidents: Read', idField: 'incident_id', records: incidents,
      filterFields: ['incident_id', 'host_ids', 'state', 'status', 'fine_score', 'start', 'end', 'modified_timestamp', 'tactics',
        'techniques', 'users', 'name'],
      sortFields: ['start', 'end', 'modified_timestamp', 'name', 'state', 'status', 'fine_score']
    }),
    behaviors: collection({
      name: 'behaviors', poweredBy: 'incident-api', scope: 'Incidents: Read', idField: 'behavior_id', records: behaviors,
      filterFields: ['behavior_id', 'aid', 'incident_id', 'timestamp', 'tactic', 'tactic_id', 'technique', 'technique_id',
        'filename', 'user_name'],
      sortFields: ['timestamp', 'filename', 'display_name', 'cmdline']
    }),
    iocs: collection({
      name: 'iocs', poweredBy: 'ioc-manager', scope: 'IOC Management: Read', idField: 'id', records: generateIocs(seed, startedAtSec),
      filterFields: ['id', 'type', 'value', 'action', 'severity', 'source', 'platforms', 'tags', 'applied_globally', 'expired',
        'created_on', 'modified_on', 'created_by', 'modified_by'],
      sortFields: ['action', 'applied_globally', 'created_by', 'created_on', 'expired', 'modified_by', 'modified_on',
        'severity_number', 'source', 'type', 'value']
    }),
    sessions: collection({
      name: 'sessions', poweredBy: 'empower-api', scope: 'Real time response: Read', idField: 'id',
      records: generateRtrSessions(seed, startedAtSec, hosts),
      filterFields: ['id', 'device_id', 'hostname', 'user_id', 'origin', 'platform_name', 'created_at', 'updated_at'],
      sortFields: ['created_at', 'updated_at', 'date_created', 'hostname']
    })
  }
}
