import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/model/errors'
import { RunRegistry } from '../../../../src/main/core/runs/run-registry'

const registry = (): RunRegistry => new RunRegistry((id) => `A run with id "${id}" is already going.`)

describe('RunRegistry', () => {
  it('refuses a second run with an id still going, with the caller\'s message', () => {
    const runs = registry()
    runs.start('a')
    expect(() => runs.start('a')).toThrow(new AppError('INVALID_INPUT', 'A run with id "a" is already going.'))
  })

  it('keeps a cancelled id taken until the run finishes, then frees it', () => {
    const runs = registry()
    const signal = runs.start('a')
    let heard = 0
    signal.addEventListener('abort', () => heard++)
    expect(runs.cancel('a')).toBe(true)
    expect(runs.cancel('a')).toBe(true)
    expect(signal.aborted).toBe(true)
    expect(heard).toBe(1)
    expect(() => runs.start('a')).toThrow(AppError)
    runs.finish('a', signal)
    expect(runs.cancel('a')).toBe(false)
    expect(runs.start('a').aborted).toBe(false)
  })

  it('restart cancels the run with the same id and a late finish of the old one leaves the new one', () => {
    const runs = registry()
    const first = runs.restart('s')
    const second = runs.restart('s')
    expect(first.aborted).toBe(true)
    runs.finish('s', first)
    expect(runs.drop('s')).toBe(true)
    expect(second.aborted).toBe(true)
    expect(runs.drop('s')).toBe(false)
  })

  it('cancelAll aborts every run; dropAll also frees the ids', () => {
    const runs = registry()
    const a = runs.start('a')
    const b = runs.start('b')
    runs.cancelAll()
    expect([a.aborted, b.aborted]).toEqual([true, true])
    expect(() => runs.start('a')).toThrow(AppError)
    runs.dropAll()
    expect(runs.start('a').aborted).toBe(false)
  })

  it('a listener removed before the abort is not called', () => {
    const signal = registry().start('a')
    let heard = false
    const listener = (): void => void (heard = true)
    signal.addEventListener('abort', listener)
    signal.removeEventListener('abort', listener)
    signal.abort()
    expect(heard).toBe(false)
  })
})
