import { describe, expect, it } from 'vitest'
import { draftForOperation, formPatch, valuesFromDraft } from '@renderer/features/catalog/operation-form'
import { pathValues, valueProblem, type ParamRule } from '@renderer/features/request-editor/param-rules'
import { applyDraftPatch } from '@renderer/features/request-editor/query-sync'
import { draftProblem, initialDraft } from '@renderer/features/request-editor/request-draft'
import { op } from '../catalog/catalog-ops'

const rule = (patch: Partial<ParamRule>): ParamRule => ({ name: 'p', in: 'query', required: false, type: 'string', ...patch })

describe('parameter rules', () => {
  it('checks numbers, booleans, enums and array items; {{variables}} and empty values pass', () => {
    expect(valueProblem(rule({ type: 'integer' }), 'abc')).toBe('must be a whole number')
    expect(valueProblem(rule({ type: 'integer' }), '1.5')).toBe('must be a whole number')
    expect(valueProblem(rule({ type: 'integer', minimum: 1, maximum: 5000 }), '9000')).toBe('must be at most 5000')
    expect(valueProblem(rule({ type: 'number' }), '-2.5e3')).toBeNull()
    expect(valueProblem(rule({ type: 'boolean' }), 'yes')).toBe('must be true or false')
    expect(valueProblem(rule({ enum: ['0', '1'] }), '2')).toBe('must be one of 0, 1')
    expect(valueProblem(rule({ type: 'array', items: 'integer' }), '1,x')).toBe('item "x" must be a whole number')
    expect(valueProblem(rule({ type: 'integer' }), '{{limit}}')).toBeNull()
    expect(valueProblem(rule({ type: 'integer' }), '')).toBeNull()
  })

  it('reads path values back through the template; an unfilled {name} reads as empty', () => {
    expect(pathValues('/a/{id}/b', 'https://h/a/x%2Fy/b?q=1')).toEqual(new Map([['id', 'x/y']]))
    expect(pathValues('/a/{id}/b', '/a/{id}/b')).toEqual(new Map([['id', '']]))
    expect(pathValues('/a/{id}/b', '/other')).toBeNull()
  })
})

describe('draftProblem with an operation', () => {
  it('names the missing required parameters, including a path parameter never sent as {name}', () => {
    const append = op('netskope:urllistAppend')
    const problem = draftProblem(applyDraftPatch(initialDraft(), draftForOperation(append)))
    expect(problem?.message).toBe('Required parameter missing: id (path).')
  })

  it("names Data Export's required operation parameter until it is in the query", () => {
    const dataExport = op('netskope:dataexportEventsAlert')
    let draft = applyDraftPatch(initialDraft(), draftForOperation(dataExport))
    expect(draftProblem(draft)?.message).toBe('Required parameter missing: operation (query).')
    draft = applyDraftPatch(draft, { url: `${draft.url}?operation=next` })
    expect(draftProblem(draft)).toBeNull()
  })

  it('refuses an integer typed as abc, wherever it was typed', () => {
    const alerts = op('netskope:eventsDataAlert')
    let draft = applyDraftPatch(initialDraft(), draftForOperation(alerts))
    draft = applyDraftPatch(draft, formPatch(alerts, { ...valuesFromDraft(alerts, draft), 'query:limit': 'abc' }, draft))
    expect(draftProblem(draft)?.message).toBe('Parameter limit (query) must be a whole number, not "abc".')
    draft = applyDraftPatch(draft, { url: draft.url.replace('limit=abc', 'limit=10') })
    expect(draftProblem(draft)).toBeNull()
  })

  it('a literal {name} left in any URL is refused, {{variables}} are not', () => {
    expect(draftProblem({ ...initialDraft(), url: '/api/tenants/{name}' })?.message).toContain('the path parameter "name" has no value')
    expect(draftProblem({ ...initialDraft(), url: '{{base}}/api/tenants' })).toBeNull()
  })
})
