import { describe, expect, it } from 'vitest'
import { initialForm, toStartInput } from '../../../../src/shared/iterator/iterator-form'

// The iterator panel's pure form logic.
describe('iterator form', () => {
  it('takes the stream from a dataexport URL, converts a legacy one with a note', () => {
    expect(initialForm('https://t.goskope.com/api/v2/events/dataexport/events/audit?x=1')).toMatchObject({ form: { kind: 'events', type: 'audit' }, note: null })
    const legacy = initialForm('{{baseUrl}}/api/v2/events/data/page?limit=10')
    expect(legacy.form).toMatchObject({ kind: 'events', type: 'page' })
    expect(legacy.note).toMatch(/phased out/)
    expect(initialForm('').form).toMatchObject({ kind: 'alerts', type: 'dlp', index: 'cloudsec-api-explorer' })
  })

  it('builds the start input: epoch from a date, optional end time and export; bad index and missing date refused', () => {
    const { form } = initialForm('/api/v2/events/dataexport/alerts/malware')
    const built = toStartInput({ ...form, operation: 'date', from: '2026-01-02T03:04', until: '2026-01-02T05:04', exportPath: '/x.csv', format: 'csv' }, 'env')
    expect('input' in built && built.input).toMatchObject({
      environmentId: 'env', endpoint: '/api/v2/events/dataexport/alerts/malware',
      operation: Math.floor(new Date('2026-01-02T03:04').getTime() / 1000),
      endTime: Math.floor(new Date('2026-01-02T05:04').getTime() / 1000), export: { format: 'csv', path: '/x.csv' }
    })
    expect(toStartInput({ ...form, index: 'a b' }, 'env')).toMatchObject({ problem: expect.stringMatching(/letters/) })
    expect(toStartInput({ ...form, operation: 'date', from: '' }, 'env')).toMatchObject({ problem: expect.stringMatching(/date/) })
    expect('input' in toStartInput(form, 'env') && toStartInput(form, 'env')).toMatchObject({ input: { operation: 'next' } })
  })
})
