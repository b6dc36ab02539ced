import { z } from 'zod'
import { defineVendor } from './definition'

/** Cloud Exchange: client credentials exchanged at /api/auth for a Bearer token. */
export const cloudExchange = defineVendor({
  id: 'cloud-exchange',
  labels: { authMode: 'Cloud Exchange', api: 'Cloud Exchange', short: 'CE' },
  catalog: {
    file: 'cloud-exchange.openapi.json',
    title: 'Netskope Cloud Exchange API',
    importPaths: /^\/api\/(auth|cte|tenants|plugins|cls|healthcheck|cto|ure|are|core)\b/
  },
  profile: z.object({
    kind: z.literal('cloud-exchange'),
    clientId: z.string().max(512).default(''),
    /** CE API tokens are created with an expiry in days; the day it ends (YYYY-MM-DD), so the panel can warn ahead. */
    secretExpiresOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD').nullable().default(null)
  }),
  secrets: [
    {
      name: 'clientSecret',
      label: 'Cloud Exchange client secret',
      fieldLabel: 'Client Secret',
      help: 'Shown once, next to the client ID, when the API token is created in Cloud Exchange.'
    }
  ],
  fields: [
    { control: 'text', key: 'clientId', label: 'Client ID', testId: 'auth-client-id' },
    { control: 'date', key: 'secretExpiresOn', label: 'Client secret expires on', testId: 'auth-secret-expires' }
  ],
  snippetEnvVars: { clientId: 'CE_CLIENT_ID', clientSecret: 'CE_CLIENT_SECRET' },
  credentialHeaders: ['x-client-secret'],
  credentialParams: ['client_secret'],
  auth: [
    {
      flow: 'client-credentials',
      label: 'Cloud Exchange client credentials',
      tokenPath: '/api/auth',
      clientIdField: 'clientId',
      secret: 'clientSecret',
      extraFields: [['grant_type', 'client_credentials']],
      defaultLifetimeSec: 120 * 60,
      describe: 'Cloud Exchange: exchange the client credentials for a Bearer token (valid about 2 hours).',
      hint: 'Check the Client ID and Client Secret (and their expiry) in the auth panel.'
    }
  ],
  secretExpiry: { field: 'secretExpiresOn', renew: 'Create a new one in Cloud Exchange (Settings > Users > API Tokens) and set it here.' }
})
