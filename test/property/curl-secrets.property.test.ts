import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SECRET_NAME, importCurlCommand } from '../../src/shared/collections/curl-secrets'

// Whatever credentials a pasted cURL command carries, the request keeps none of them literally.
const sq = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`
/** A credential unlikely to appear by chance elsewhere in the request (a Q prefix and at least 8 characters). */
const credential = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~+/=!$&*()'.split('')), minLength: 8, maxLength: 40 }).map((s) => `Q${s}`)
const headerName = fc.constantFrom('Authorization: Bearer', 'Authorization: Token', 'Authorization: Basic', 'X-Api-Key:', 'Api-Key:', 'x-auth-token:', 'Netskope-Api-Token:')

describe('importCurlCommand (property)', () => {
  it('keeps no literal credential, names every secret validly and hands back each value exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcxyz'.split('')), minLength: 1, maxLength: 8 }), credential, fc.array(fc.tuple(headerName, credential), { maxLength: 3 }), credential, (user, password, headers, query) => {
        const command = [
          'curl',
          '-u', sq(`${user}:${password}`),
          ...headers.flatMap(([name, value]) => ['-H', sq(`${name} ${value}`)]),
          sq(`https://api.example/x?token=${encodeURIComponent(query)}`)
        ].join(' ')
        const { request, secrets } = importCurlCommand(command)
        const text = JSON.stringify(request)
        const literals = [password, Buffer.from(`${user}:${password}`).toString('base64'), query, ...headers.map(([, value]) => value)]
        for (const literal of literals) expect(text).not.toContain(literal)
        for (const secret of secrets) {
          expect(secret.name).toMatch(SECRET_NAME)
          expect(text).toContain(`{{secret.${secret.name}}}`)
        }
        expect(new Set(secrets.map((s) => s.name)).size).toBe(secrets.length)
        // -u's password is stored as the Basic credential it makes (base64 of user:password), the rest as they were.
        for (const literal of literals.slice(1)) expect(secrets.map((s) => s.value)).toContain(literal)
      }),
      { numRuns: 300 }
    )
  })
})
