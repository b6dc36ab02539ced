import type { SandboxListener } from '../listeners'
import { FALCON_SANDBOX_CLIENTS } from './credentials'
import { createFalconHandler } from './server'

/** The Falcon listener and its demo environment (the full-scope API client). */
export const falconListener: SandboxListener = {
  key: 'falcon',
  name: 'CrowdStrike Falcon',
  create: createFalconHandler,
  demo: (_runtime, url) => {
    const client = FALCON_SANDBOX_CLIENTS[0]
    return {
      id: 'sandbox-falcon',
      name: 'Sandbox · CrowdStrike Falcon',
      api: 'falcon',
      url,
      auth: { kind: 'falcon', clientId: client?.clientId ?? '' },
      secrets: { clientSecret: client?.clientSecret }
    }
  }
}
