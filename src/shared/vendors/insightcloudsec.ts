import { z } from 'zod'
import { defineVendor } from './definition'

/** InsightCloudSec: an API key (Api-Key header) or a login whose session_id is sent as x-auth-token. The key wins when both exist. */
export const insightCloudSec = defineVendor({
  id: 'insightcloudsec',
  labels: { authMode: 'InsightCloudSec', api: 'InsightCloudSec', short: 'ICS' },
  catalog: { file: 'insightcloudsec.openapi.json', title: 'Rapid7 InsightCloudSec API', importPaths: /^\/v[23]\/(public|prototype|cvm|iac|lpa)\// },
  profile: z.object({
    kind: z.literal('insightcloudsec'),
    username: z.string().max(512).default(''),
    /** 'login' sends the login session even while an API key is stored; absent (the default) means the API key. */
    use: z.enum(['api-key', 'login']).optional()
  }),
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
  fields: [
    {
      control: 'select',
      key: 'use',
      label: 'Send',
      testId: 'auth-ics-use',
      options: [
        { value: 'api-key', label: 'API key (Api-Key header)' },
        { value: 'login', label: 'Login (x-auth-token)' }
      ],
      help: 'If both headers are sent, InsightCloudSec uses the API key; the app sends only the one chosen here. API key falls back to the login when no key is stored.'
    },
    { control: 'text', key: 'username', label: 'Username', testId: 'auth-username', autoComplete: 'off' }
  ],
  snippetEnvVars: { apiKey: 'ICS_API_KEY', username: 'ICS_USERNAME', password: 'ICS_PASSWORD' },
  credentialHeaders: ['api-key', 'x-auth-token'],
  credentialParams: [],
  auth: [
    { flow: 'header', label: 'InsightCloudSec API key', secret: 'apiKey', header: 'Api-Key', prefix: '', when: { field: 'use', not: 'login' } },
    {
      flow: 'session-login',
      label: 'InsightCloudSec login session',
      usernameField: 'username',
      secret: 'password',
      loginPath: '/v2/public/user/login',
      logoutPath: '/v2/public/user/logout',
      header: 'x-auth-token',
      tokenField: 'session_id',
      // The unit of session_timeout is not documented; minutes fits every sample answer.
      timeout: { field: 'session_timeout', unitSec: 60, defaultSec: 3600 },
      describe: 'InsightCloudSec: log in; the session_id is then sent as the x-auth-token header.',
      hint: 'Check the username and password in the auth panel. SSO users cannot log in through the API: use an API key.'
    }
  ],
  panels: { generateApiKey: true }
})
