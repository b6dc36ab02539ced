import { describe, expect, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import { AUTH_SECRET_NAMES, AuthProfileSchema, SECRET_NAMES, type AuthKind, type SecretName } from '../../../src/shared/model/auth'
import { API_KINDS, type ApiKind } from '../../../src/shared/model/environment'
import { BUILTIN_CATALOGS } from '../../../src/shared/catalog/builtin'
import { CATALOG_APIS } from '../../../src/shared/catalog/types'
import { isCredentialHeader } from '../../../src/shared/redaction/redact'
import { defineVendor } from '../../../src/shared/vendors/definition'
import { VENDORS, deriveVendorLists, secretSlot, snippetEnvVar } from '../../../src/shared/vendors/registry'

/** The lists exactly as they were written out by hand before the registry; persisted formats depend on them. */
const LITERAL = {
  apiKinds: ['netskope', 'cloud-exchange', 'insightcloudsec', 'falcon', 'generic'],
  authSecretNames: { none: [], netskope: ['v2Token', 'v1Token'], 'cloud-exchange': ['clientSecret'], insightcloudsec: ['apiKey', 'password'], falcon: ['clientSecret'] },
  secretNames: ['v2Token', 'v1Token', 'clientSecret', 'apiKey', 'password'],
  snippetEnvVars: {
    netskope: { v2Token: 'NETSKOPE_API_TOKEN', v1Token: 'NETSKOPE_V1_TOKEN' },
    'cloud-exchange': { clientId: 'CE_CLIENT_ID', clientSecret: 'CE_CLIENT_SECRET' },
    insightcloudsec: { apiKey: 'ICS_API_KEY', username: 'ICS_USERNAME', password: 'ICS_PASSWORD' },
    falcon: { clientId: 'FALCON_CLIENT_ID', clientSecret: 'FALCON_CLIENT_SECRET' }
  },
  secretLabels: {
    netskope: { v2Token: 'Netskope REST API v2 token', v1Token: 'Netskope REST API v1 token' },
    'cloud-exchange': { clientSecret: 'Cloud Exchange client secret' },
    insightcloudsec: { apiKey: 'InsightCloudSec API key', password: 'InsightCloudSec password' },
    falcon: { clientSecret: 'CrowdStrike Falcon client secret' }
  },
  builtinCatalogs: [
    { api: 'netskope', file: 'netskope.openapi.json', title: 'Netskope tenant API' },
    { api: 'cloud-exchange', file: 'cloud-exchange.openapi.json', title: 'Netskope Cloud Exchange API' },
    { api: 'insightcloudsec', file: 'insightcloudsec.openapi.json', title: 'Rapid7 InsightCloudSec API' },
    { api: 'falcon', file: 'falcon.openapi.json', title: 'CrowdStrike Falcon API' }
  ],
  credentialHeaders: ['api-key', 'x-auth-token', 'netskope-api-token', 'x-netskope-api-token', 'x-client-secret']
}

describe('lists derived from the vendor registry', () => {
  it('equal the lists written out before the registry (order included)', () => {
    expect(API_KINDS).toEqual(LITERAL.apiKinds)
    expect(CATALOG_APIS).toEqual(LITERAL.apiKinds)
    expect(AUTH_SECRET_NAMES).toEqual(LITERAL.authSecretNames)
    expect(Object.keys(AUTH_SECRET_NAMES)).toEqual(Object.keys(LITERAL.authSecretNames))
    expect(SECRET_NAMES).toEqual(LITERAL.secretNames)
    for (const [kind, vars] of Object.entries(LITERAL.snippetEnvVars)) {
      for (const [key, envVar] of Object.entries(vars)) expect(snippetEnvVar(kind, key), `${kind}.${key}`).toBe(envVar)
    }
    for (const [kind, labels] of Object.entries(LITERAL.secretLabels)) {
      for (const [name, label] of Object.entries(labels)) expect(secretSlot(kind, name)?.label, `${kind}.${name}`).toBe(label)
    }
    expect(BUILTIN_CATALOGS).toEqual(LITERAL.builtinCatalogs)
    for (const header of LITERAL.credentialHeaders) expect(isCredentialHeader(header), header).toBe(true)
    expect(new Set(VENDORS.flatMap((vendor) => vendor.credentialHeaders))).toEqual(new Set(LITERAL.credentialHeaders))
  })

  it('keep their literal types', () => {
    expectTypeOf<ApiKind>().toEqualTypeOf<'netskope' | 'cloud-exchange' | 'insightcloudsec' | 'falcon' | 'generic'>()
    expectTypeOf<AuthKind>().toEqualTypeOf<'none' | 'netskope' | 'cloud-exchange' | 'insightcloudsec' | 'falcon'>()
    expectTypeOf<SecretName>().toEqualTypeOf<'v2Token' | 'v1Token' | 'clientSecret' | 'apiKey' | 'password'>()
    expectTypeOf(VENDORS[1].snippetEnvVars.clientId).toEqualTypeOf<'CE_CLIENT_ID'>()
  })

  it('parse and re-serialise stored profiles byte for byte (environments.json)', () => {
    const stored = [
      { kind: 'none' },
      { kind: 'netskope', v2Scheme: 'bearer', v1Placement: 'form' },
      { kind: 'cloud-exchange', clientId: 'abc', secretExpiresOn: '2027-01-31' },
      { kind: 'insightcloudsec', username: 'alice' }
    ]
    for (const profile of stored) expect(JSON.stringify(AuthProfileSchema.parse(profile))).toBe(JSON.stringify(profile))
    expect(AuthProfileSchema.parse({ kind: 'netskope' })).toEqual({ kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' })
    expect(AuthProfileSchema.parse({ kind: 'cloud-exchange' })).toEqual({ kind: 'cloud-exchange', clientId: '', secretExpiresOn: null })
  })

  it('every definition is complete: a snippet env var per secret, form fields naming profile keys', () => {
    for (const vendor of VENDORS) {
      const env = vendor.snippetEnvVars as Record<string, string>
      for (const slot of vendor.secrets) expect(env[slot.name], `${vendor.id} ${slot.name}`).toMatch(/^[A-Z][A-Z0-9_]+$/)
      const keys = Object.keys(vendor.profile.shape)
      for (const field of vendor.fields) expect(keys, `${vendor.id} ${field.key}`).toContain(field.key)
      for (const slot of vendor.secrets) expect(slot.help.length, `${vendor.id} ${slot.name} help`).toBeGreaterThan(0)
    }
  })

  it('a secret name two vendors share (clientSecret) is one vault name with a label and env var per vendor', () => {
    expect(SECRET_NAMES.filter((name) => name === 'clientSecret')).toHaveLength(1)
    expect(secretSlot('cloud-exchange', 'clientSecret')?.label).toBe('Cloud Exchange client secret')
    expect(secretSlot('falcon', 'clientSecret')?.label).toBe('CrowdStrike Falcon client secret')
    expect(snippetEnvVar('cloud-exchange', 'clientId')).toBe('CE_CLIENT_ID')
    expect(snippetEnvVar('falcon', 'clientId')).toBe('FALCON_CLIENT_ID')
    expect(snippetEnvVar('netskope', 'clientId')).toBe('')
  })
})

/** A fourth vendor that exists only in this test: it must appear in every derived list with no other edit. */
const standIn = defineVendor({
  id: 'falcon-standin',
  labels: { authMode: 'Falcon', api: 'CrowdStrike Falcon', short: 'Falcon' },
  catalog: { file: 'falcon-standin.openapi.json', title: 'CrowdStrike Falcon API', importPaths: /^\/falcon-standin\// },
  profile: z.object({
    kind: z.literal('falcon-standin'),
    clientId: z.string().max(512).default(''),
    region: z.enum(['us-1', 'us-2', 'eu-1', 'gov-1']).default('us-1')
  }),
  secrets: [{ name: 'falconClientSecret', label: 'Falcon API client secret', fieldLabel: 'Client secret', help: 'Support > API clients and keys.' }],
  fields: [
    { control: 'text', key: 'clientId', label: 'Client ID', testId: 'auth-falcon-client-id' },
    {
      control: 'select',
      key: 'region',
      label: 'Cloud region',
      testId: 'auth-falcon-region',
      options: ['us-1', 'us-2', 'eu-1', 'gov-1'].map((value) => ({ value, label: value }))
    }
  ],
  snippetEnvVars: { clientId: 'FALCON_CLIENT_ID', falconClientSecret: 'FALCON_CLIENT_SECRET' },
  credentialHeaders: [],
  credentialParams: ['client_secret'],
  auth: [{ flow: 'header', label: 'Falcon key', secret: 'falconClientSecret', header: 'X-Falcon-Key', prefix: '' }]
})

describe('adding a vendor is one definition plus one registry line', () => {
  const lists = deriveVendorLists([...VENDORS, standIn])

  it('the stand-in shows up in every derived list', () => {
    expect(lists.ids).toContain('falcon-standin')
    expect(lists.profiles.map((profile) => profile.shape.kind.value)).toContain('falcon-standin')
    expect(lists.secretNamesByKind['falcon-standin']).toEqual(['falconClientSecret'])
    expect(lists.secretNames).toContain('falconClientSecret')
    expect(lists.snippetEnvVarsByKind['falcon-standin']).toEqual({ clientId: 'FALCON_CLIENT_ID', falconClientSecret: 'FALCON_CLIENT_SECRET' })
    expect(lists.credentialParams).toContain('client_secret')
    expect(lists.builtinCatalogs.at(-1)).toEqual({ api: 'falcon-standin', file: 'falcon-standin.openapi.json', title: 'CrowdStrike Falcon API' })
    expectTypeOf(lists.ids).toEqualTypeOf<('netskope' | 'cloud-exchange' | 'insightcloudsec' | 'falcon' | 'falcon-standin')[]>()
  })

  it('its profile parses in a union built the way AuthProfileSchema is', () => {
    const schema = z.discriminatedUnion('kind', [z.object({ kind: z.literal('none') }), ...lists.profiles])
    expect(schema.parse({ kind: 'falcon-standin' })).toEqual({ kind: 'falcon-standin', clientId: '', region: 'us-1' })
    expect(schema.parse({ kind: 'netskope' })).toEqual({ kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' })
  })

  it('the registry itself is unchanged by the test', () => {
    expect(VENDORS.map((vendor) => vendor.id)).toEqual(['netskope', 'cloud-exchange', 'insightcloudsec', 'falcon'])
  })
})
