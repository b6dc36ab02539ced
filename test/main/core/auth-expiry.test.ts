import { describe, expect, it } from 'vitest'
import { expiryWarning as warning } from '../../../src/main/core/auth/auth-status'
import { cloudExchange } from '../../../src/shared/vendors/cloud-exchange'

const expiryWarning = (expiresOn: string | null, at: number): string | null => warning(expiresOn, cloudExchange.secretExpiry?.renew ?? '', at)

const now = Date.parse('2026-11-23T12:00:00Z')

describe('Cloud Exchange client secret expiry warning', () => {
  it('says nothing without a date or when the end is far away', () => {
    expect(expiryWarning(null, now)).toBeNull()
    expect(expiryWarning('2027-01-30', now)).toBeNull()
  })

  it('warns within 14 days, with the date, the days left (counting the last day) and what to do', () => {
    expect(expiryWarning('2026-11-30', now)).toMatch(/expires on 2026-11-30 \(in 8 days\).*API Tokens/)
    expect(expiryWarning('2026-11-23', now)).toMatch(/in 1 day\)/)
  })

  it('says when it has expired', () => {
    expect(expiryWarning('2026-11-01', now)).toMatch(/expired on 2026-11-01/)
  })
})
