import { describe, expect, it } from 'vitest'
import { dispatch, type Handlers } from '../../../src/main/ipc/dispatch'
import { AppError } from '../../../src/shared/model/errors'
import { DEFAULT_SETTINGS } from '../../../src/shared/model/settings'

// A handler table where only settings commands do anything; the rest are never reached in these tests.
const unreachable = async (): Promise<never> => {
  throw new Error('secret-internal-detail')
}
const handlers = new Proxy({} as Handlers, {
  get: (_target, command) => {
    if (command === 'settings:update') return async (patch: object) => ({ ...DEFAULT_SETTINGS, ...patch })
    if (command === 'environment:delete') return async () => { throw new AppError('NOT_FOUND', 'Environment "x" does not exist.') }
    return unreachable
  }
})
const emit = (): void => undefined

describe('dispatch', () => {
  it('refuses a command that is not in the contract', async () => {
    expect(await dispatch(handlers, 'fs:read', {}, emit)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } })
    expect(await dispatch(handlers, '__proto__', {}, emit)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } })
  })

  it('validates the payload and says which field is wrong', async () => {
    const result = await dispatch(handlers, 'settings:update', { connectTimeoutMs: 'fast' }, emit)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(!result.ok && result.error.message).toContain('connectTimeoutMs')
  })

  it('names a sender-chosen key without letting its ": " or newline break the "path: message" form', async () => {
    const key = 'Thu Jan 01 1970 00:00 GMT\nforged: line'
    const result = await dispatch(handlers, 'workspace:save', { layout: { [key]: new Date(0) } }, emit)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(!result.ok && result.error.message).toBe('Invalid input for workspace:save: layout.[Thu Jan 01 1970 00?00 GMT?forged? line]: Invalid input')
  })

  it('applies a partial settings update without resetting other fields', async () => {
    const result = await dispatch(handlers, 'settings:update', { connectTimeoutMs: 5000 }, emit)
    expect(result).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, connectTimeoutMs: 5000 } })
  })

  it('passes AppErrors through and hides unexpected ones', async () => {
    expect(await dispatch(handlers, 'environment:delete', { id: 'x' }, emit)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Environment "x" does not exist.' }
    })
    const hidden = await dispatch(handlers, 'sandbox:status', {}, emit)
    expect(hidden).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(JSON.stringify(hidden)).not.toContain('secret-internal-detail')
  })
})
