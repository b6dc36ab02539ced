import type { SecretSlot, VendorDefinition } from './definition'
import { netskope } from './netskope'
import { cloudExchange } from './cloud-exchange'
import { insightCloudSec } from './insightcloudsec'
import { falcon } from './falcon'

/**
 * Every vendor the app knows, in the order pickers, catalogs and the vault status list them. Adding a vendor is its
 * definition file plus one line here; every list below derives from this one.
 */
export const VENDORS = [netskope, cloudExchange, insightCloudSec, falcon] as const

type Vendor = (typeof VENDORS)[number]
export type VendorId = Vendor['id']

/** The lists the rest of the code uses, derived from a list of definitions (a function so a test can pass its own). */
export function deriveVendorLists<const V extends readonly VendorDefinition[]>(vendors: V) {
  type Id = V[number]['id']
  type Secret = V[number]['secrets'][number]['name']
  // Two vendors may name a secret alike (clientSecret): one vault name, labelled per vendor (secretSlot below).
  const secretNames = [...new Set(vendors.flatMap((vendor) => vendor.secrets.map((slot) => slot.name as Secret)))]
  return {
    ids: vendors.map((vendor) => vendor.id as Id),
    /** Profiles in registry order, ready for a discriminated union after the 'none' profile. */
    profiles: vendors.map((vendor) => vendor.profile) as unknown as { [K in keyof V]: V[K]['profile'] },
    secretNamesByKind: Object.fromEntries(vendors.map((vendor) => [vendor.id, vendor.secrets.map((slot) => slot.name)])) as unknown as {
      [Vn in V[number] as Vn['id']]: ReadonlyArray<Vn['secrets'][number]['name']>
    },
    secretNames: secretNames as unknown as readonly [Secret, ...Secret[]],
    snippetEnvVarsByKind: Object.fromEntries(vendors.map((vendor) => [vendor.id, vendor.snippetEnvVars])) as unknown as {
      [Vn in V[number] as Vn['id']]: Vn['snippetEnvVars']
    },
    credentialHeaders: vendors.flatMap((vendor) => vendor.credentialHeaders),
    credentialParams: vendors.flatMap((vendor) => vendor.credentialParams),
    builtinCatalogs: vendors.map((vendor) => ({ api: vendor.id as Id, file: vendor.catalog.file, title: vendor.catalog.title }))
  }
}

export const VENDOR_LISTS = deriveVendorLists(VENDORS)

const BY_ID: ReadonlyMap<string, Vendor> = new Map(VENDORS.map((vendor) => [vendor.id, vendor]))

/** The definition of a vendor id, or undefined for 'none' / 'generic' / an id no definition has. */
export function vendorById(id: string): Vendor | undefined {
  return BY_ID.get(id)
}

/** A text field of an auth profile by the name a definition gives it (clientCredentials.clientIdField), '' when absent. */
export function profileText(profile: object, field: string): string {
  const value: unknown = (profile as Record<string, unknown>)[field]
  return typeof value === 'string' ? value : ''
}

/** A vendor's secret slot by name (labels differ per vendor for the same name), or undefined. */
export function secretSlot(kind: string, name: string): SecretSlot | undefined {
  return vendorById(kind)?.secrets.find((slot) => slot.name === name)
}

/** The environment variable a snippet reads for a vendor's secret or profile field ('' when it has none). */
export function snippetEnvVar(kind: string, key: string): string {
  const vars: Readonly<Record<string, string>> = vendorById(kind)?.snippetEnvVars ?? {}
  return vars[key] ?? ''
}
