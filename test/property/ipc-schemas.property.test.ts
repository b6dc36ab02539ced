import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { commandNames, commands, type CommandName } from '../../src/shared/ipc/contract'
import { ALERT_TYPES, EVENT_TYPES, IteratorEndpointSchema } from '../../src/shared/iterator/iterator-model'
import { dispatch, type Handlers } from '../../src/main/ipc/dispatch'
import { AllowedOriginSchema, EnvironmentVariableSchema } from '../../src/shared/model/environment'
import { arbitraryFor } from './zod-arbitrary'

// Every command of the contract, through the same dispatch main uses: hostile payloads must come back as an
// INVALID_INPUT envelope with a readable message (never a throw or an INTERNAL error), and payloads generated from
// the schema itself must reach the handler.

/** Handlers that echo what they receive, so a payload that passes validation is visible in the envelope. */
const echo = new Proxy({}, { get: () => async (input: unknown) => input }) as Handlers
const noEmit = (): void => undefined
const UNKNOWN = /^Unknown command ("[^\n]*"|\(a [a-z]+, not a command name\))\.$/

const endpoints = [
  ...EVENT_TYPES.map((type) => `/api/v2/events/dataexport/events/${type}`),
  ...ALERT_TYPES.map((type) => `/api/v2/events/dataexport/alerts/${type}`)
]
/** `.refine` checks cannot be inverted by the generator; these say what a valid value looks like. */
const origins = fc.constantFrom('https://tenant.goskope.com', 'http://127.0.0.1:8080', 'HTTPS://Host.Example:443/')
const overrides = new Map<never, fc.Arbitrary<unknown>>([
  [IteratorEndpointSchema as never, fc.constantFrom(...endpoints)],
  [AllowedOriginSchema as never, origins],
  // A secret variable must have a {{name}}-able name and no value (refinements); generated rows are plain ones.
  [EnvironmentVariableSchema as never, fc.record({ name: fc.string({ maxLength: 40 }), value: fc.string({ maxLength: 40 }), enabled: fc.boolean() })]
])

/** Structured-clone-ish values the renderer could send through ipcRenderer.invoke, and then some. */
const hostile = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true
})

function expectReadableRejection(command: CommandName, envelope: Awaited<ReturnType<typeof dispatch>>): void {
  if (envelope.ok) return
  expect(envelope.error.code).toBe('INVALID_INPUT')
  expect(envelope.error.message.startsWith(`Invalid input for ${command}: `)).toBe(true)
  expect(envelope.error.message).not.toMatch(/\[object |undefined: |Error:/)
  // "path: message" pairs, each with words in it.
  for (const part of envelope.error.message.slice(`Invalid input for ${command}: `.length).split('; ')) {
    expect(part).toMatch(/^[^:]+: .*[A-Za-z]{3,}/)
  }
}

/** A valid payload with one field replaced by something hostile. */
function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, hostile, fc.nat()).map(([value, junk, pick]) => {
    if (typeof value !== 'object' || value === null) return junk
    const keys = Object.keys(value)
    if (keys.length === 0) return { ...value, extra: junk }
    return { ...value, [keys[pick % keys.length] ?? 'x']: junk }
  })
}

describe('IPC contract schemas (property)', () => {
  it('covers every command', () => {
    expect(commandNames.length).toBeGreaterThan(30)
  })

  for (const command of commandNames) {
    const schema = commands[command].input
    const valid = arbitraryFor(schema, overrides)

    it(`${command}: hostile and half-valid payloads are accepted or rejected with a readable message`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(hostile, mutated(valid)), async (payload) => {
          expectReadableRejection(command, await dispatch(echo, command, payload, noEmit))
        }),
        { numRuns: 150 }
      )
    })

    it(`${command}: payloads generated from the schema reach the handler`, async () => {
      await fc.assert(
        fc.asyncProperty(valid, async (payload) => {
          const envelope = await dispatch(echo, command, payload, noEmit)
          if (!envelope.ok) throw new Error(`rejected a valid payload ${JSON.stringify(payload)}: ${envelope.error.message}`)
        }),
        { numRuns: 60 }
      )
    })
  }

  it('an unknown command or a non-string command name is refused with a readable message', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (name) => {
        fc.pre(!(typeof name === 'string' && (commandNames as string[]).includes(name)))
        const envelope = await dispatch(echo, name, {}, noEmit)
        expect(envelope.ok).toBe(false)
        if (!envelope.ok) expect(envelope.error.message).toMatch(UNKNOWN)
      }),
      { numRuns: 300 }
    )
  })

  it('regressions: a null-prototype object as the command name, a long name cut inside its quotes', async () => {
    // Both used to go through String(name): the first threw out of dispatch, the second lost its closing quote.
    for (const name of [Object.create(null) as unknown, [new Date(0), ...new Array<unknown>(30)], 'x'.repeat(200)]) {
      const envelope = await dispatch(echo, name, {}, noEmit)
      expect(envelope.ok ? '' : envelope.error.message).toMatch(UNKNOWN)
    }
  })
})
