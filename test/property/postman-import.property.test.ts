import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importPostmanCollection } from '../../src/main/core/collections/postman-import'
import { AppError } from '../../src/shared/model/errors'
import { nasty, returnsOrAppError } from './arbitraries'

// Postman v2.x import (main/core/collections/postman-import.ts): any file either imports or is refused with a
// readable message, generated collections import with every request, and no credential value is ever copied.

const SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'
/** Secret values are recognisable so the test can look for them anywhere in the result. */
const secret = fc.string({ unit: fc.constantFrom(...'abcdef0123456789'), minLength: 8, maxLength: 16 }).map((hex) => `SECRET${hex}`)
const kv = (value: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> =>
  fc.record({ key: nasty(10), value, disabled: fc.boolean() }, { requiredKeys: ['key'] })

const auth = fc.oneof(
  secret.map((token) => ({ type: 'bearer', bearer: [{ key: 'token', value: token, type: 'string' }] })),
  fc.tuple(nasty(8), secret).map(([user, password]) => ({ type: 'basic', basic: [{ key: 'username', value: user }, { key: 'password', value: password }] })),
  fc.tuple(fc.constantFrom('Api-Key', 'Netskope-Api-Token', 'x-api-key'), secret, fc.constantFrom('header', 'query')).map(([key, value, where]) => ({
    type: 'apikey',
    apikey: [{ key: 'key', value: key }, { key: 'value', value }, { key: 'in', value: where }]
  })),
  fc.constant({ type: 'noauth' }),
  fc.constantFrom('oauth2', 'awsv4', 'digest', 'hawk').map((type) => ({ type }))
)

const body = fc.oneof(
  fc.record({ mode: fc.constant('raw'), raw: nasty(40), options: fc.constant({ raw: { language: 'json' } }) }),
  fc.record({ mode: fc.constant('urlencoded'), urlencoded: fc.array(kv(nasty(10)), { maxLength: 3 }) }),
  fc.record({ mode: fc.constant('formdata'), formdata: fc.array(fc.oneof(kv(nasty(10)).map((entry) => ({ ...entry, type: 'text' })), fc.record({ key: nasty(6), type: fc.constant('file'), src: fc.oneof(nasty(10), fc.constant(null)) })), { maxLength: 3 }) }),
  fc.record({ mode: fc.constant('graphql'), graphql: fc.record({ query: nasty(20), variables: fc.oneof(nasty(10), fc.jsonValue()) }) }),
  fc.record({ mode: fc.constantFrom('file', 'binary', 'weird') })
)

const url = fc.oneof(
  fc.webUrl({ withQueryParameters: true }),
  nasty(30),
  fc.tuple(fc.webUrl(), secret).map(([base, token]) => `${base}?token=${token}&q=1`),
  fc.record({ raw: nasty(20), host: fc.array(nasty(6), { maxLength: 2 }), path: fc.array(nasty(6), { maxLength: 3 }), query: fc.array(kv(nasty(8)), { maxLength: 2 }) })
)

const request = fc.record(
  {
    method: fc.oneof(fc.constantFrom('GET', 'post', 'PUT', 'DELETE'), nasty(6)),
    url,
    header: fc.array(fc.oneof(kv(nasty(15)), secret.map((token) => ({ key: 'Authorization', value: `Bearer ${token}` }))), { maxLength: 3 }),
    body: fc.option(body, { nil: undefined }),
    auth: fc.option(auth, { nil: undefined }),
    description: fc.option(nasty(20), { nil: undefined })
  },
  { requiredKeys: ['url'] }
)

type Item = { name: string; request?: unknown; item?: Item[]; auth?: unknown; event?: unknown[] }
const { tree } = fc.letrec<{ tree: Item[]; node: Item }>((tie) => ({
  tree: fc.array(tie('node'), { maxLength: 4 }),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ name: nasty(12), request, event: fc.array(fc.constant({ listen: 'test' }), { maxLength: 1 }) }),
    fc.record({ name: nasty(12), request: fc.webUrl() }),
    fc.record({ name: nasty(12), item: tie('tree'), auth: fc.option(auth, { nil: undefined }) })
  )
}))
const collection = fc.record({
  info: fc.record({ name: nasty(15), schema: fc.constant(SCHEMA) }),
  item: tree,
  auth: fc.option(auth, { nil: undefined }),
  variable: fc.array(fc.oneof(kv(nasty(10)), secret.map((value) => ({ key: 'apiKey', value }))), { maxLength: 3 })
})

const countRequests = (items: Item[]): number => items.reduce((sum, item) => sum + (item.item ? countRequests(item.item) : 1), 0)

describe('importPostmanCollection (property)', () => {
  it('any text is imported or refused with "Cannot import the Postman collection: ..."', () => {
    const junkCollection = fc.record({ info: fc.oneof(fc.jsonValue(), fc.record({ schema: fc.oneof(fc.constant(SCHEMA), nasty(20)) })), item: fc.jsonValue(), auth: fc.jsonValue(), variable: fc.jsonValue() }, { requiredKeys: [] })
    fc.assert(
      fc.property(fc.oneof(nasty(60), fc.json(), junkCollection.map((value) => JSON.stringify(value)), collection.map((value) => JSON.stringify(value).slice(0, -3))), (text) => {
        const result = returnsOrAppError(() => importPostmanCollection(text), ['INVALID_INPUT'])
        if (result instanceof AppError) expect(result.message).toMatch(/^Cannot import the Postman collection: \S/)
      }),
      { numRuns: 2000 }
    )
  })

  it('a generated collection imports every request, and no credential value is copied', () => {
    fc.assert(
      fc.property(collection, (value) => {
        const result = importPostmanCollection(JSON.stringify(value))
        expect(result.requestCount).toBe(countRequests(value.item))
        const text = JSON.stringify(result)
        const leaked = /SECRET[0-9a-f]{8,}/.exec(text)
        if (leaked) throw new Error(`credential ${leaked[0]} copied into the import: ${text.slice(Math.max(0, leaked.index - 200), leaked.index + 40)}`)
      }),
      { numRuns: 1000 }
    )
  })
})
