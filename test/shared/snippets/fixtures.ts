import type { SnippetInput } from '../../../src/shared/snippets'
import type { RequestSpec } from '../../../src/shared/model/request'

/** A SnippetInput with defaults (Netskope host, verify on, 10 s / 120 s, gzip, secrets from the environment). */
export function input(request: Partial<RequestSpec>, rest: Partial<SnippetInput> = {}): SnippetInput {
  return {
    request: { method: 'GET', url: 'https://t.goskope.com/api/v2/x', query: [], headers: [], body: { kind: 'none' }, ...request },
    auth: { kind: 'none' },
    environmentName: 'Test',
    baseUrl: 'https://t.goskope.com',
    tls: { verify: true, caPath: null },
    timeouts: { connectMs: 10_000, totalMs: 120_000 },
    acceptGzip: true,
    secrets: 'env',
    ...rest
  }
}
