import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildHistoryEntry, slimHistoryInput, type HistoryInput } from '../../src/main/core/history/build-entry'
import { decodeHistoryBatch, HistoryBatchWriter } from '../../src/main/core/history/handoff-codec'
import { ERROR_CODES } from '../../src/shared/model/errors'
import { RequestSpecSchema, type MultipartPart } from '../../src/shared/model/request'
import { anyUtf16, headerValue, nasty } from './arbitraries'
import { arbitraryFor } from './zod-arbitrary'

// The send path hands history its sends as bytes (handoff-codec.ts): whatever is written, the worker must build the
// same history entry from the bytes as the in-thread store builds from the objects.

/** UTF-8 cannot carry a lone surrogate: it is written as U+FFFD, as the engine puts it on the wire. */
const wellFormed = (value: unknown): unknown =>
  typeof value === 'string'
    ? value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    : Array.isArray(value)
      ? value.map(wellFormed)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, wellFormed(inner)]))
        : value

const text = fc.oneof(nasty(40), anyUtf16(80), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ maxLength: 3000 }))
const result = fc.record({
  status: fc.integer({ min: 100, max: 599 }),
  statusText: headerValue,
  httpVersion: fc.constantFrom('1.1', '2'),
  sizes: fc.record({ wireBytes: fc.nat(), decodedBytes: fc.nat(), headerBytes: fc.nat() }),
  contentType: fc.option(headerValue, { nil: null }),
  headers: fc.array(fc.tuple(nasty(10), headerValue), { maxLength: 6 }),
  preview: fc.record({ text: fc.oneof(text, fc.json()), truncated: fc.boolean(), binary: fc.boolean() }),
  timings: fc.record({ totalMs: fc.double({ noNaN: true }) }),
  requestEcho: fc.record({ url: text })
})
/** Multipart parts with every optional field (the schema's generator seldom fills them). */
const part: fc.Arbitrary<MultipartPart> = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), name: text, value: text, contentType: headerValue }, { requiredKeys: ['kind', 'name', 'value'] }),
  fc.record({ kind: fc.constant('file' as const), name: text, path: text, filename: text, contentType: headerValue }, { requiredKeys: ['kind', 'name', 'path'] })
)
const spec = fc.tuple(arbitraryFor(RequestSpecSchema), fc.option(fc.array(part, { maxLength: 4 }), { nil: null })).map(([generated, parts]) => {
  const parsed = RequestSpecSchema.parse(generated)
  return parts === null ? parsed : { ...parsed, body: { kind: 'multipart' as const, parts } }
})
const input: fc.Arbitrary<HistoryInput> = fc.record(
  {
    spec,
    environmentId: fc.option(nasty(20), { nil: null }),
    operationId: fc.option(nasty(20), { nil: null }),
    savedRequestId: fc.option(nasty(20), { nil: null }),
    sentUrl: text,
    result,
    error: fc.record({ code: fc.constantFrom(...ERROR_CODES), message: text, hint: text }, { requiredKeys: ['code', 'message'] })
  },
  { requiredKeys: ['spec', 'environmentId'] }
)

describe('history hand-off bytes (property)', () => {
  it('any batch of sends decodes to inputs that build the same history entries, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(input, fc.integer({ min: 0, max: 4_102_444_800_000 })), { minLength: 1, maxLength: 8 }), (sends) => {
        const writer = new HistoryBatchWriter()
        for (const [send, finishedAt] of sends) writer.add(send, finishedAt)
        const decoded = decodeHistoryBatch(writer.take() ?? new Uint8Array())
        expect(decoded).toHaveLength(sends.length)
        const options = { id: 'h1', time: new Date(0), previewBytes: 8192, requestBodyBytes: 65_536 }
        sends.forEach(([send, finishedAt], i) => {
          expect(decoded[i]?.finishedAt).toBe(finishedAt)
          const expected = buildHistoryEntry(slimHistoryInput(wellFormed(send) as HistoryInput), options)
          expect(buildHistoryEntry(decoded[i] as HistoryInput, options)).toEqual(expected)
        })
      }),
      { numRuns: 400 }
    )
  })
})
