import { z } from 'zod'
import { defineVendor } from './definition'

/**
 * CrowdStrike Falcon: an API client's id and secret exchanged at /oauth2/token for a Bearer token (30 minutes).
 * The environment's base URL is the region's API host: us-1 https://api.crowdstrike.com, us-2
 * https://api.us-2.crowdstrike.com, eu-1 https://api.eu-1.crowdstrike.com, gov-1 https://api.laggar.gcw.crowdstrike.com.
 */
export const falcon = defineVendor({
  id: 'falcon',
  labels: { authMode: 'CrowdStrike Falcon', api: 'CrowdStrike Falcon', short: 'Falcon' },
  catalog: {
    file: 'falcon.openapi.json',
    title: 'CrowdStrike Falcon API',
    importPaths: /^\/(oauth2|devices|alerts|detects|incidents|iocs|indicators|real-time-response|hosts|policy|sensors|spotlight|intel|fwmgr|user-management)\//
  },
  profile: z.object({ kind: z.literal('falcon'), clientId: z.string().max(512).default('') }),
  secrets: [
    {
      name: 'clientSecret',
      label: 'CrowdStrike Falcon client secret',
      fieldLabel: 'Client secret',
      help: 'Shown once when the API client is created (Support and resources > API clients and keys).'
    }
  ],
  fields: [{ control: 'text', key: 'clientId', label: 'Client ID', testId: 'auth-client-id', autoComplete: 'off' }],
  snippetEnvVars: { clientId: 'FALCON_CLIENT_ID', clientSecret: 'FALCON_CLIENT_SECRET' },
  credentialHeaders: [],
  credentialParams: ['client_secret'],
  auth: [
    {
      flow: 'client-credentials',
      label: 'CrowdStrike Falcon client credentials',
      tokenPath: '/oauth2/token',
      clientIdField: 'clientId',
      secret: 'clientSecret',
      extraFields: [],
      defaultLifetimeSec: 1799,
      describe: 'CrowdStrike Falcon: exchange the API client id and secret for a Bearer token (valid 30 minutes).',
      hint: "Check the Client ID and secret in the auth panel, the API client's scopes, and that the base URL is your cloud's region."
    }
  ]
})
