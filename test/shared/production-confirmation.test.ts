import { describe, expect, it } from 'vitest'
import { needsProductionConfirmation } from '@shared/model/environment'

describe('production confirmation', () => {
  it('asks for anything but GET and HEAD, only in a production environment', () => {
    const production = { production: true }
    expect(['POST', 'put', ' delete ', 'PATCH', 'OPTIONS', 'PURGE'].map((method) => needsProductionConfirmation(production, method))).toEqual([true, true, true, true, true, true])
    expect(['GET', 'head', ' get'].map((method) => needsProductionConfirmation(production, method))).toEqual([false, false, false])
    expect(needsProductionConfirmation({ production: false }, 'POST')).toBe(false)
    expect(needsProductionConfirmation({}, 'POST')).toBe(false)
    expect(needsProductionConfirmation(null, 'DELETE')).toBe(false)
  })
})
