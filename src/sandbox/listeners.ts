import type { AuthProfile } from '../shared/model/auth'
import type { ApiKind } from '../shared/model/environment'
import { createCloudExchangeHandler } from './cloud-exchange/server'
import { falconListener } from './falcon/listener'
import type { RequestHandler } from './http/listen'
import { createInsightCloudSecHandler } from './insightcloudsec/server'
import { createNetskopeHandler } from './netskope/server'
import type { SandboxRuntime, SandboxUrls } from './types'

/** The demo environment the app creates for a listener: its API, auth profile and well-known secrets. */
export interface SandboxDemo {
  id: string
  name: string
  api: ApiKind
  url: string
  auth: AuthProfile
  secrets: Record<string, string | undefined>
}

/** One vendor listener of the sandbox. Adding a vendor is its folder plus one entry in SANDBOX_LISTENERS. */
export interface SandboxListener {
  /** Its key in SandboxUrls. */
  key: keyof SandboxUrls
  /** For messages ("Netskope could not listen on ..."). */
  name: string
  create(runtime: SandboxRuntime): RequestHandler
  demo(runtime: SandboxRuntime, url: string): SandboxDemo
}

const netskope: SandboxListener = {
  key: 'netskope',
  name: 'Netskope',
  create: createNetskopeHandler,
  demo: ({ credentials }, url) => ({
    id: 'sandbox-netskope',
    name: 'Sandbox · Netskope tenant',
    api: 'netskope',
    url,
    auth: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' },
    secrets: { v2Token: credentials.netskope.v2Tokens.find((token) => !token.expired)?.token, v1Token: credentials.netskope.v1Token }
  })
}

const cloudExchange: SandboxListener = {
  key: 'cloudExchange',
  name: 'Cloud Exchange',
  create: createCloudExchangeHandler,
  demo: ({ credentials }, url) => {
    const client = credentials.cloudExchange.clients[0]
    return {
      id: 'sandbox-cloud-exchange',
      name: 'Sandbox · Cloud Exchange',
      api: 'cloud-exchange',
      url,
      auth: { kind: 'cloud-exchange', clientId: client?.clientId ?? '', secretExpiresOn: null },
      secrets: { clientSecret: client?.clientSecret }
    }
  }
}

const insightCloudSec: SandboxListener = {
  key: 'insightcloudsec',
  name: 'InsightCloudSec',
  create: createInsightCloudSecHandler,
  demo: ({ credentials }, url) => {
    const user = credentials.insightcloudsec.users[0]
    return {
      id: 'sandbox-insightcloudsec',
      name: 'Sandbox · InsightCloudSec',
      api: 'insightcloudsec',
      url,
      auth: { kind: 'insightcloudsec', username: user?.username ?? '' },
      secrets: { apiKey: user?.apiKey, password: user?.password }
    }
  }
}

/** In port order: with a fixed base port, listener i listens on base + i. */
export const SANDBOX_LISTENERS: readonly SandboxListener[] = [netskope, cloudExchange, insightCloudSec, falconListener]
