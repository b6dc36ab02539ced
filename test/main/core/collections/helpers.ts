import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SavedRequestInput } from '../../../../src/shared/collections/saved-request'
import { CollectionRepository } from '../../../../src/main/core/collections/repository'

export async function tempDir(prefix = 'collection-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix))
}

export function counterIds(prefix = 'id'): () => string {
  let n = 0
  return () => `${prefix}-${++n}`
}

export function repo(): CollectionRepository {
  return new CollectionRepository({ newId: counterIds() })
}

export function sampleRequest(name: string, overrides: Partial<SavedRequestInput> = {}): SavedRequestInput {
  return {
    id: '',
    name,
    request: {
      method: 'GET',
      url: '{{baseUrl}}/api/v2/events/dataexport/events/page',
      query: [{ name: 'index', value: 'team_a', enabled: true }],
      headers: [{ name: 'Accept', value: 'application/json', enabled: true }],
      body: { kind: 'none' }
    },
    ...overrides
  }
}
