import { z } from 'zod'
import { defineVendor } from './definition'

const NOT_V1 = /^(?!\/api\/v1\/)/
const V1_ONLY = { match: /^\/api\/v1\//, note: '/api/v1' }

/** Netskope tenant: v2 token for /api/v2 (header or Bearer), v1 token for /api/v1 (query or form). */
export const netskope = defineVendor({
  id: 'netskope',
  labels: { authMode: 'Netskope', api: 'Netskope tenant', short: 'Netskope' },
  catalog: { file: 'netskope.openapi.json', title: 'Netskope tenant API', importPaths: /^\/api\/v[12]\// },
  profile: z.object({
    kind: z.literal('netskope'),
    v2Scheme: z.enum(['header', 'bearer']).default('header'),
    v1Placement: z.enum(['query', 'form']).default('query')
  }),
  secrets: [
    {
      name: 'v2Token',
      label: 'Netskope REST API v2 token',
      fieldLabel: 'v2 API token',
      help: 'Settings > Tools > REST API v2 in the tenant; its scopes decide which endpoints answer.'
    },
    {
      name: 'v1Token',
      label: 'Netskope REST API v1 token',
      fieldLabel: 'v1 token',
      help: 'Settings > Tools > REST API v1; only needed for /api/v1 endpoints.'
    }
  ],
  fields: [
    {
      control: 'select',
      key: 'v2Scheme',
      label: 'v2 token sent as',
      testId: 'auth-v2-scheme',
      options: [
        { value: 'header', label: 'Netskope-Api-Token header' },
        { value: 'bearer', label: 'Authorization: Bearer' }
      ]
    },
    {
      control: 'select',
      key: 'v1Placement',
      label: 'v1 token sent as',
      testId: 'auth-v1-placement',
      options: [
        { value: 'query', label: 'token query parameter' },
        { value: 'form', label: 'token form field' }
      ]
    }
  ],
  snippetEnvVars: { v2Token: 'NETSKOPE_API_TOKEN', v1Token: 'NETSKOPE_V1_TOKEN' },
  credentialHeaders: ['netskope-api-token', 'x-netskope-api-token'],
  credentialParams: ['token'],
  // v2 first so the panel names the v2 token when both are stored; each token goes only to its own API version.
  auth: [
    { flow: 'header', label: 'Netskope v2 token', secret: 'v2Token', header: 'Authorization', prefix: 'Bearer ', paths: { match: NOT_V1 }, when: { field: 'v2Scheme', is: 'bearer' } },
    { flow: 'header', label: 'Netskope v2 token', secret: 'v2Token', header: 'Netskope-Api-Token', prefix: '', paths: { match: NOT_V1 }, when: { field: 'v2Scheme', is: 'header' } },
    { flow: 'param', label: 'Netskope v1 token', secret: 'v1Token', param: 'token', placement: 'form', paths: V1_ONLY, when: { field: 'v1Placement', is: 'form' } },
    { flow: 'param', label: 'Netskope v1 token', secret: 'v1Token', param: 'token', placement: 'query', paths: V1_ONLY, when: { field: 'v1Placement', is: 'query' } }
  ],
  panels: { dataExportIterator: true }
})
