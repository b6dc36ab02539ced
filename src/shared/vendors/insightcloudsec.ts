import { z } from 'zod'
import { defineVendor } from './definition'

/** InsightCloudSec: an API key (Api-Key header) or a login whose session_id is sent as x-auth-token. The key wins when both exist. */
export const insightCloudSec = defineVendor({
  id: 'insightcloudsec',
  labels: { authMode: 'InsightCloudSec', api: 'InsightCloudSec', short: 'ICS' },
  catalog: { file: 'insightcloudsec.openapi.json', title: 'Rapid7 InsightCloudSec API', importPaths: /^\/v[23]\/(public|prototype|cvm|iac|lpa)\// },
  profile: z.object({ kind: z.literal('insightcloudsec'), username: z.string().max(512).default('') }),
  secrets: [
    {
      name: 'apiKey',
      label: 'InsightCloudSec API key',
      fieldLabel: 'API key',
      help: 'An InsightCloudSec API key, or use "Generate API key" below once a login works.'
    },
    {
      name: 'password',
      label: 'InsightCloudSec password',
      fieldLabel: 'Password',
      help: 'The password of the username above; used only when no API key is stored.'
    }
  ],
  fields: [{ control: 'text', key: 'username', label: 'Username', testId: 'auth-username', autoComplete: 'off' }],
  snippetEnvVars: { apiKey: 'ICS_API_KEY', username: 'ICS_USERNAME', password: 'ICS_PASSWORD' },
  credentialHeaders: ['api-key', 'x-auth-token'],
  credentialParams: [],
  login: { path: '/v2/public/user/login', logoutPath: '/v2/public/user/logout' },
  panels: { generateApiKey: true }
})
