/** Alert records per alert type, assembled as JSON text from cached fragments (see fragments.ts). */
import type { Rng } from '../prng'
import { field, fieldChoices, type FragmentPools } from './fragments'
import {
  ACTIONS, ACTIVITIES, DLP_PROFILES, DLP_RULES, FILE_NAMES, MALSITE_CATEGORIES, MALWARE_NAMES, POLICIES,
  SEVERITIES, UBA_ALERTS
} from './pools'

export const ALERT_TYPES = ['compromisedcredential', 'content', 'ctep', 'device', 'dlp', 'malsite', 'malware',
  'policy', 'quarantine', 'remediation', 'securityassessment', 'uba', 'watchlist'] as const
export type AlertType = (typeof ALERT_TYPES)[number]

/** The `alert_type` value each endpoint's records carry (what `/events/data/alert?type=` filters on). */
export const ALERT_TYPE_NAMES: Record<AlertType, string> = {
  compromisedcredential: 'Compromised Credential',
  content: 'content',
  ctep: 'ctep',
  device: 'device',
  dlp: 'DLP',
  malsite: 'malsite',
  malware: 'Malware',
  policy: 'policy',
  quarantine: 'quarantine',
  remediation: 'Remediation',
  securityassessment: 'Security Assessment',
  uba: 'uba',
  watchlist: 'watchlist'
}

const POLICY = fieldChoices('policy', POLICIES)
const ACTION = fieldChoices('action', ACTIONS)
const ACTIVITY = fieldChoices('activity', ACTIVITIES)
const SEVERITY = fieldChoices('severity', SEVERITIES)
const OBJECT = FILE_NAMES.map((name) => `${field('object', name)},"object_type":"File"`)
const q = JSON.stringify

function hex(rng: Rng, words: number): string {
  let out = ''
  for (let k = 0; k < words; k++) out += rng.next().toString(16).padStart(8, '0')
  return out
}

type Specific = (rng: Rng, ts: number, user: string) => string

const SPECIFIC: Record<AlertType, Specific> = {
  dlp: (rng) => {
    const file = rng.pick(FILE_NAMES)
    return `"alert_name":${q('DLP violation: ' + rng.pick(DLP_RULES))},${field('dlp_profile', rng.pick(DLP_PROFILES))},` +
      `${field('dlp_rule', rng.pick(DLP_RULES))},${field('dlp_file', file)},"dlp_incident_id":${rng.range(1, 2 ** 40)},` +
      `"dlp_rule_count":${rng.range(1, 200)},${field('object', file)},"object_type":"File"`
  },
  malware: (rng) =>
    `${field('alert_name', rng.pick(MALWARE_NAMES))},${field('malware_name', rng.pick(MALWARE_NAMES))},` +
    `${field('malware_type', rng.pick(['Trojan', 'Ransomware', 'Backdoor', 'PUA']))},` +
    `${field('malware_severity', rng.pick(SEVERITIES))},"local_md5":"${hex(rng, 4)}","local_sha256":"${hex(rng, 8)}",` +
    `${rng.pick(OBJECT)},${field('detection_engine', rng.pick(['Netskope AV', 'Sandbox', 'ML Engine']))}`,
  malsite: (rng) => {
    const host = `${hex(rng, 1)}.${rng.pick(['top', 'xyz', 'click', 'info'])}`
    return `"alert_name":"Malicious site access",${field('malsite_category', rng.pick(MALSITE_CATEGORIES))},` +
      `"malsite_id":"${hex(rng, 2)}","url":"http://${host}/${hex(rng, 1)}","malsite_domain":"${host}",` +
      `"malsite_confidence":${rng.range(50, 100)}`
  },
  compromisedcredential: (rng, ts, user) =>
    `"alert_name":"Compromised credential","breach_id":"${hex(rng, 2)}",` +
    `"breach_date":${ts - rng.range(86400, 400 * 86400)},"breach_score":${rng.range(20, 100)},` +
    `"matched_username":${q(user)},"breach_media_references":["https://breach-report.example/${hex(rng, 1)}"]`,
  uba: (rng) =>
    `${field('alert_name', rng.pick(UBA_ALERTS))},${field('risk_level', rng.pick(['low', 'medium', 'high']))},` +
    `${field('uba_inst1', rng.pick(['Box corp', 'Google Drive corp']))}`,
  securityassessment: (rng) =>
    `"alert_name":"Security assessment violation",` +
    `${field('sa_rule_name', rng.pick(['S3 bucket is public', 'MFA not enabled for root', 'Storage account allows HTTP']))},` +
    `"sa_profile_name":"CIS Benchmark","compliance_standards":["CIS","NIST 800-53"],"resource_category":"Storage",` +
    `"resource_name":"bucket-${hex(rng, 1)}",${field('sa_rule_severity', rng.pick(SEVERITIES))}`,
  quarantine: (rng) =>
    `"alert_name":"File quarantined","quarantine_profile":"Quarantine to Box",${rng.pick(OBJECT)},"q_app":"Box"`,
  remediation: (rng) =>
    `"alert_name":"Remediation action taken",${field('remediation_action', rng.pick(['Revoke share', 'Delete']))},` +
    `${rng.pick(OBJECT)},"remediation_profile":"Auto-remediate public shares"`,
  watchlist: (rng) =>
    `"alert_name":"Watchlist user activity",${field('watchlist_name', rng.pick(['Departing employees', 'Contractors']))}`,
  ctep: (rng) =>
    `"alert_name":"Threat intel match",${field('ctep_source', rng.pick(['Cloud Exchange', 'MISP']))},` +
    `"ioc_value":"${hex(rng, 1)}.example-bad.net","ioc_type":"domain"`,
  device: (rng) =>
    `"alert_name":"Device posture violation","device_classification":"unmanaged",` +
    `${field('posture_check', rng.pick(['Disk encryption off', 'Firewall off', 'Outdated OS']))}`,
  content: (rng) =>
    `"alert_name":"Content control",${field('content_category', rng.pick(['Generative AI', 'Gambling']))},${rng.pick(OBJECT)}`,
  policy: (rng) => `${field('alert_name', `Policy ${rng.pick(POLICIES)} matched`)}`
}

/** JSON text of alert `id`/`ts` of `type`; `rng` is the record's own generator. */
export function buildAlertJson(type: AlertType, rng: Rng, id: string, ts: number, pools: FragmentPools): string {
  const actor = rng.pick(pools.actors)
  return `{"_id":"${id}","timestamp":${ts},"type":"nspolicy","alert":"yes","alert_type":"${ALERT_TYPE_NAMES[type]}",` +
    `"acked":"${rng.chance(0.2) ? 'true' : 'false'}",${actor.json},${rng.pick(pools.apps).json},${rng.pick(ACTIVITY)},` +
    `${rng.pick(POLICY)},${rng.pick(ACTION)},${rng.pick(SEVERITY)},${SPECIFIC[type](rng, ts, actor.user)}}`
}
