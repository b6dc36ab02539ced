/**
 * The sandbox's fixed, documented credentials. It is a local toy server, so these are well-known values
 * (also printed by `npm run sandbox` and listed in docs/sandbox.md), never real secrets.
 */

import { FALCON_SANDBOX_CLIENTS, type FalconSandboxClient } from './falcon/credentials'

export type NetskopePrivilege = 'Read' | 'Read+Write'

/** One endpoint scope of a v2 token. A trailing `/*` covers every endpoint below that path. */
export interface NetskopeScope {
  endpoint: string
  privilege: NetskopePrivilege
}

export interface NetskopeV2Token {
  name: string
  token: string
  description: string
  /** An expired token is rejected with 401 like an unknown one. */
  expired: boolean
  scopes: NetskopeScope[]
}

export interface CloudExchangeClient {
  name: string
  clientId: string
  clientSecret: string
  scopes: string[]
}

export interface CloudExchangeUser {
  username: string
  password: string
  scopes: string[]
}

export interface InsightCloudSecUser {
  userId: number
  username: string
  password: string
  name: string
  email: string
  /** Initial API key; `/v2/public/apikey/create` replaces it for the running server. */
  apiKey: string
  domainAdmin: boolean
}

export interface SandboxCredentials {
  netskope: {
    /** Tenant host name the data pretends to come from. */
    tenant: string
    v2Tokens: NetskopeV2Token[]
    v1Token: string
  }
  cloudExchange: {
    clients: CloudExchangeClient[]
    users: CloudExchangeUser[]
    /** JWT lifetime, as in CE 6 (ACCESS_TOKEN_EXPIRE_MINUTES). */
    tokenLifetimeMinutes: number
  }
  insightcloudsec: {
    users: InsightCloudSecUser[]
    /** Idle timeout of a login session. */
    sessionTimeoutMinutes: number
  }
  /** Listed here for `npm run sandbox`'s printout; the Falcon listener reads them from src/sandbox/falcon/credentials.ts. */
  falcon: { clients: readonly FalconSandboxClient[] }
}

/** Every v2 endpoint path the sandbox serves, as the tenant's token-scope table names them. */
export const NETSKOPE_ENDPOINTS = [
  '/api/v2/events/dataexport/events/*',
  '/api/v2/events/dataexport/alerts/*',
  '/api/v2/events/data/*',
  '/api/v2/policy/urllist',
  '/api/v2/policy/urllist/deploy',
  '/api/v2/policy/urllist/file',
  '/api/v2/incidents/uba/getuci',
  '/api/v2/ubadatasvc/user/uci',
  '/api/v2/services/cci/app',
  '/api/v2/services/cci/domain',
  '/api/v2/services/cci/tags'
] as const

const everywhere = (privilege: NetskopePrivilege): NetskopeScope[] =>
  NETSKOPE_ENDPOINTS.map((endpoint) => ({ endpoint, privilege }))

export const CE_ALL_SCOPES = [
  'me',
  'admin',
  'api',
  'logs',
  'settings_read',
  'settings_write',
  'cte_read',
  'cte_write',
  'cto_read',
  'cto_write',
  'cre_read',
  'cre_write',
  'cls_read',
  'cls_write',
  'edm_read',
  'edm_write',
  'cfc_read',
  'cfc_write'
]

const CE_READ_SCOPES = ['cte_read', 'cto_read', 'cre_read', 'cls_read', 'edm_read', 'cfc_read', 'logs']

export function sandboxCredentials(): SandboxCredentials {
  return {
    netskope: {
      tenant: 'sandbox.goskope.com',
      v2Tokens: [
        {
          name: 'full',
          token: 'sandbox-netskope-v2-full-0001',
          description: 'Read+Write on every sandbox endpoint',
          expired: false,
          scopes: everywhere('Read+Write')
        },
        {
          name: 'readonly',
          token: 'sandbox-netskope-v2-readonly-0002',
          description: 'Read on every sandbox endpoint (writes get 403)',
          expired: false,
          scopes: everywhere('Read')
        },
        {
          name: 'dataexport',
          token: 'sandbox-netskope-v2-dataexport-0003',
          description: 'Read on the Data Export iterator endpoints only',
          expired: false,
          scopes: [
            { endpoint: '/api/v2/events/dataexport/events/*', privilege: 'Read' },
            { endpoint: '/api/v2/events/dataexport/alerts/*', privilege: 'Read' }
          ]
        },
        {
          name: 'expired',
          token: 'sandbox-netskope-v2-expired-0004',
          description: 'Expired token: every call gets 401',
          expired: true,
          scopes: everywhere('Read+Write')
        }
      ],
      v1Token: 'sandbox-netskope-v1-0005'
    },
    cloudExchange: {
      clients: [
        {
          name: 'full',
          clientId: 'sandbox-ce-client-full',
          clientSecret: 'sandbox-ce-secret-full',
          scopes: [...CE_ALL_SCOPES]
        },
        {
          name: 'readonly',
          clientId: 'sandbox-ce-client-readonly',
          clientSecret: 'sandbox-ce-secret-readonly',
          scopes: [...CE_READ_SCOPES]
        }
      ],
      users: [{ username: 'admin', password: 'Sandbox-Admin-1', scopes: [...CE_ALL_SCOPES] }],
      tokenLifetimeMinutes: 120
    },
    insightcloudsec: {
      users: [
        {
          userId: 1,
          username: 'sandbox-admin',
          password: 'Sandbox-Admin-1',
          name: 'Sandbox Admin',
          email: 'admin@sandbox.example',
          apiKey: 'sandboxIcsAdminKey-00000000000000000000000000000001',
          domainAdmin: true
        },
        {
          userId: 2,
          username: 'sandbox-user',
          password: 'Sandbox-User-1',
          name: 'Sandbox User',
          email: 'user@sandbox.example',
          apiKey: 'sandboxIcsUserKey-000000000000000000000000000000002',
          domainAdmin: false
        }
      ],
      sessionTimeoutMinutes: 60
    },
    falcon: { clients: FALCON_SANDBOX_CLIENTS }
  }
}
