import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { exampleValues, formPatch, valuesFromDraft } from '@renderer/features/catalog/operation-form'
import { useOpenOperation } from '@renderer/features/catalog/useOpenOperation'
import { toSpec } from '@renderer/features/request-editor/request-draft'
import { useRequestDraft } from '@renderer/features/request-editor/useRequestDraft'
import { op } from './catalog-ops'

function editor() {
  return renderHook(() => {
    const draft = useRequestDraft()
    const catalog = useOpenOperation(draft.update)
    return { ...draft, catalog }
  })
}

describe('opening a catalog operation', () => {
  it("starts from nothing: Data Export's index/operation, headers and body do not reach CE or ICS", () => {
    const { result } = editor()
    const dataExport = op('netskope:dataexportEventsAlert')
    act(() => result.current.catalog.open(dataExport))
    act(() => {
      const latest = result.current.current()
      result.current.update(formPatch(dataExport, exampleValues(dataExport, valuesFromDraft(dataExport, latest)), latest))
    })
    act(() => result.current.update({ headers: [{ id: 'h', name: 'X-Extra', value: '1', enabled: true }], bodyKind: 'json', jsonText: '{"leak": 1}' }))
    expect(result.current.draft.url).toBe('/api/v2/events/dataexport/events/alert?index=explorer_consumer_1&operation=next')

    for (const id of ['cloud-exchange:ceTenantsList', 'insightcloudsec:icsCloudTypesList']) {
      act(() => result.current.catalog.open(op(id)))
      const spec = toSpec(result.current.current())
      expect(spec.query).toEqual([])
      expect(spec.headers).toEqual([])
      expect(spec.body).toEqual({ kind: 'none' })
      expect(result.current.current().jsonText).not.toContain('leak')
      expect(result.current.current().url).not.toMatch(/index|operation/)
    }
  })

  it('the Netskope v1 example adds no token field or parameter: main adds the credential', () => {
    const { result } = editor()
    const v1 = op('netskope:v1AppInstancesValidateToken')
    act(() => result.current.catalog.open(v1))
    act(() => {
      const latest = result.current.current()
      result.current.update(formPatch(v1, exampleValues(v1, valuesFromDraft(v1, latest)), latest))
    })
    const draft = result.current.current()
    expect(draft.form.map((row) => row.name)).not.toContain('token')
    expect(draft.query.map((row) => row.name)).not.toContain('token')
    expect(JSON.stringify(toSpec(draft))).not.toContain('YOUR_V1_TOKEN')
  })
})
