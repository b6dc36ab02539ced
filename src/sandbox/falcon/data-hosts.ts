/** Generated Falcon hosts (device records as GET /devices/entities/devices/v2 returns them). */
import { hashString, itemSeed, Rng } from '../prng'

export type FalconRecord = Record<string, unknown>

export const HOST_COUNT = 300

const PLATFORMS = [
  { platform_name: 'Windows', os_version: 'Windows 11', product_type_desc: 'Workstation', kernel_version: '10.0.22631' },
  { platform_name: 'Windows', os_version: 'Windows Server 2022', product_type_desc: 'Server', kernel_version: '10.0.20348' },
  { platform_name: 'Windows', os_version: 'Windows Server 2019', product_type_desc: 'Domain Controller', kernel_version: '10.0.17763' },
  { platform_name: 'Mac', os_version: 'Sonoma (14)', product_type_desc: 'Workstation', kernel_version: '23.4.0' },
  { platform_name: 'Linux', os_version: 'Ubuntu 22.04', product_type_desc: 'Server', kernel_version: '5.15.0-105-generic' },
  { platform_name: 'Linux', os_version: 'RHEL 9.3', product_type_desc: 'Server', kernel_version: '5.14.0-362.el9.x86_64' }
] as const
const PREFIXES: Record<string, string> = { Workstation: 'WS', Server: 'SRV', 'Domain Controller': 'DC' }
const SITES = ['HQ', 'Berlin', 'Austin', 'Singapore']
const STATUSES = ['normal', 'normal', 'normal', 'normal', 'normal', 'normal', 'contained', 'containment_pending']
const VENDORS = ['Dell Inc.', 'LENOVO', 'HP', 'Apple Inc.', 'VMware, Inc.', 'Amazon EC2']
const TAGS = ['SensorGroupingTags/prod', 'SensorGroupingTags/dev', 'FalconGroupingTags/critical', 'FalconGroupingTags/vip']

/** Falcon's customer ID of the sandbox tenant (one per seed). */
export function sandboxCid(seed: number): string {
  return new Rng(itemSeed(seed, hashString('falcon-cid'), 0)).hex(32)
}

export function isoSeconds(epochSec: number): string {
  return new Date(epochSec * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export function generateHosts(seed: number, startedAtSec: number): FalconRecord[] {
  const cid = sandboxCid(seed)
  const stream = hashString('falcon-hosts')
  const hosts: FalconRecord[] = []
  for (let i = 0; i < HOST_COUNT; i++) {
    const rng = new Rng(itemSeed(seed, stream, i))
    const platform = rng.pick(PLATFORMS)
    const site = rng.pick(SITES)
    const firstSeen = startedAtSec - rng.range(30, 700) * 86_400
    const lastSeen = startedAtSec - rng.range(0, 3 * 86_400)
    const tags = rng.chance(0.6) ? [rng.pick(TAGS)] : []
    hosts.push({
      device_id: rng.hex(32),
      cid,
      agent_load_flags: '1',
      agent_local_time: isoSeconds(lastSeen),
      agent_version: `7.${rng.range(10, 16)}.${rng.range(16000, 18999)}.0`,
      bios_manufacturer: rng.pick(VENDORS),
      config_id_base: '65994763',
      config_id_build: String(rng.range(16000, 18999)),
      config_id_platform: platform.platform_name === 'Windows' ? '3' : platform.platform_name === 'Mac' ? '4' : '8',
      external_ip: rng.ipv4('203.0.113.'),
      mac_address: Array.from({ length: 6 }, () => rng.hex(2)).join('-'),
      hostname: `${site.slice(0, 3).toUpperCase()}-${PREFIXES[platform.product_type_desc] ?? 'HOST'}-${String(i + 1).padStart(4, '0')}`,
      first_seen: isoSeconds(firstSeen),
      last_seen: isoSeconds(lastSeen),
      local_ip: rng.ipv4('10.'),
      machine_domain: platform.platform_name === 'Windows' ? 'corp.example.com' : '',
      major_version: platform.kernel_version.split('.')[0] ?? '',
      os_version: platform.os_version,
      platform_id: platform.platform_name === 'Windows' ? '0' : platform.platform_name === 'Mac' ? '1' : '3',
      platform_name: platform.platform_name,
      kernel_version: platform.kernel_version,
      product_type_desc: platform.product_type_desc,
      provision_status: 'Provisioned',
      reduced_functionality_mode: 'no',
      serial_number: rng.hex(12).toUpperCase(),
      site_name: site,
      status: rng.pick(STATUSES),
      system_manufacturer: rng.pick(VENDORS),
      system_product_name: platform.platform_name === 'Mac' ? 'MacBookPro18,1' : 'Virtual Platform',
      tags,
      groups: [],
      modified_timestamp: isoSeconds(lastSeen),
      meta: { version: String(rng.range(100, 9000)) }
    })
  }
  return hosts
}
