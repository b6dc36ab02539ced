import { describe, expect, it } from 'vitest'
import type { CatalogOperation } from '@shared/catalog/types'
import { draftForOperation, formParameters, formPatch, valuesFromDraft } from '@renderer/features/catalog/operation-form'
import { applyDraftPatch } from '@renderer/features/request-editor/query-sync'
import { initialDraft } from '@renderer/features/request-editor/request-draft'
import { op } from './catalog-ops'

function withIds(base: CatalogOperation, explode: boolean | undefined): CatalogOperation {
  return { ...base, parameters: base.parameters.map((p) => (p.name === 'ids' ? { ...p, explode } : p)) }
}

function fill(operation: CatalogOperation, key: string, value: string) {
  const draft = applyDraftPatch(initialDraft(), draftForOperation(operation))
  return applyDraftPatch(draft, formPatch(operation, { ...valuesFromDraft(operation, draft), [key]: value }, draft))
}

describe('operation form and the draft', () => {
  it('a query array repeats the parameter by default and joins with commas when explode is false', () => {
    const devices = op('falcon:GetDeviceDetailsV2')
    const repeated = fill(withIds(devices, undefined), 'query:ids', 'a,b')
    expect(repeated.url).toBe('/devices/entities/devices/v2?ids=a&ids=b')
    expect(valuesFromDraft(devices, repeated)['query:ids']).toBe('a,b')
    const joined = fill(withIds(devices, false), 'query:ids', 'a,b')
    expect(joined.url).toBe('/devices/entities/devices/v2?ids=a,b')
  })

  it('credential parameters are not form fields (the environment adds them)', () => {
    const alerts = op('netskope:eventsDataAlert')
    const withToken: CatalogOperation = {
      ...alerts,
      parameters: [...alerts.parameters, { name: 'token', in: 'query', required: true, description: '', schema: { type: 'string' }, example: 'YOUR_V1_TOKEN', deprecated: false }]
    }
    expect(formParameters(withToken).map((p) => p.name)).not.toContain('token')
    expect(draftForOperation(withToken).operation?.rules.map((r) => r.name)).not.toContain('token')
  })

  it('a path value with a slash or a percent sign goes into the URL encoded and reads back as typed', () => {
    const append = op('netskope:urllistAppend')
    const draft = fill(append, 'path:id', 'a/b%')
    expect(draft.url).toBe('/api/v2/policy/urllist/a%2Fb%25/append')
    expect(valuesFromDraft(append, draft)['path:id']).toBe('a/b%')
  })
})
