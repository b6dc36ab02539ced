import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compileBoundedRegex, StepBudget } from '../../src/sandbox/bounded-regex'
import { matchesFilter } from '../../src/sandbox/cloud-exchange/mongo-filter'
import { MAX_QUERY_LENGTH, parseQuery, splitAtWord } from '../../src/sandbox/netskope/query-filter'
import { startTestSandbox, tokenOf, type TestSandbox } from './helpers'

// Client-supplied patterns and queries must cost work linear in their input: the steps are
// counted by the matcher itself, so these assertions hold on any machine, however loaded.

describe('sandbox filters stay linear on hostile input', () => {
  it('a catastrophic pattern costs steps linear in the input, within a fixed budget per character', () => {
    const hostile = '(a+)+$'
    const size = compileBoundedRegex(hostile).size
    const used = (n: number): number => {
      const budget = new StepBudget(Number.MAX_SAFE_INTEGER)
      expect(matchesFilter({ value: `${'a'.repeat(n)}!` }, { value: { $regex: hostile } }, budget)).toBe(false)
      return budget.used
    }
    const small = used(1_000)
    const large = used(10_000)
    expect(large).toBeLessThanOrEqual(2 * size * 10_001)
    // Ten times the input, about ten times the work (exponential backtracking would be 2^9000 times).
    expect(large / small).toBeLessThan(11)
  })

  it('a query-language filter splits its words in linear work and refuses an over-long query', () => {
    const padded = `app eq Box${' '.repeat(MAX_QUERY_LENGTH - 40)}and activity eq Upload`
    const filter = parseQuery(padded)
    expect(filter.matches({ app: 'Box', activity: 'Upload' })).toBe(true)
    expect(filter.matches({ app: 'Box', activity: 'Download' })).toBe(false)
    expect(() => parseQuery(`app eq Box or ${'x'.repeat(MAX_QUERY_LENGTH)}`)).toThrow(/4096/)
  })

  it('splits clauses exactly where the RegExp split it replaces did', () => {
    const alphabet = [' ', '\t', 'o', 'r', 'O', 'R', 'a', 'x']
    let seed = 7
    const next = (): string => alphabet[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % alphabet.length] ?? ' '
    for (let k = 0; k < 5_000; k++) {
      const text = Array.from({ length: k % 12 }, next).join('')
      expect(splitAtWord(text, 'or'), JSON.stringify(text)).toEqual(text.split(/\s+or\s+/i))
    }
  })
})

describe('hostile filters over HTTP get an answer, not a stall', () => {
  let t: TestSandbox
  let bearer: Record<string, string>
  beforeAll(async () => {
    t = await startTestSandbox()
    const client = t.sandbox.credentials.cloudExchange.clients[0]
    if (client === undefined) throw new Error('expected a CE client')
    const login = await t.get('cloudExchange', '/api/auth', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&client_id=${client.clientId}&client_secret=${client.clientSecret}`
    })
    bearer = { Authorization: `Bearer ${login.json<{ access_token: string }>().access_token}` }
    const posted = await t.get('cloudExchange', '/api/cte/indicators/', {
      method: 'POST',
      headers: { ...bearer, 'Content-Type': 'application/json' },
      body: JSON.stringify([{ value: `${'a'.repeat(26)}!`, type: 'url', source: 'Sandbox API Source' }])
    })
    expect(posted.status).toBe(201)
  })
  afterAll(async () => {
    await t.stop()
  })

  const indicators = (filter: unknown) =>
    t.get('cloudExchange', `/api/cte/indicators/?limit=1000&filters=${encodeURIComponent(JSON.stringify(filter))}`, { headers: bearer })

  it('answers a catastrophic $regex with a result', async () => {
    const res = await indicators({ value: { $regex: '(a+)+$' } })
    expect(res.status).toBe(200)
    // (a+)+$ means "ends with a": the same answer as a safe RegExp gives, and the hostile value is not in it.
    const all = (await indicators({})).json<{ value: string }[]>().map((i) => i.value)
    expect(res.json<{ value: string }[]>().map((i) => i.value)).toEqual(all.filter((value) => /a$/.test(value)))
    const safe = await indicators({ value: { $regex: '^a+!$' } })
    expect(safe.json<{ value: string }[]>().map((i) => i.value)).toEqual([`${'a'.repeat(26)}!`])
  })

  it.each([
    ['(a)\\1', 'backreference'],
    ['a(?=b)', 'lookahead'],
    ['a'.repeat(1025), '1024']
  ])('refuses $regex %s with 400 and a message', async (pattern, message) => {
    const res = await indicators({ value: { $regex: pattern } })
    expect(res.status).toBe(400)
    expect(res.json<{ detail: string }>().detail).toContain(message)
  })

  it('refuses a Netskope regex URL list that needs backtracking', async () => {
    const res = await t.get('netskope', '/api/v2/policy/urllist', {
      method: 'POST',
      headers: { 'Netskope-Api-Token': tokenOf(t.sandbox, 'full'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'backref', data: { urls: ['^(a)\\1$'], type: 'regex' } })
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.json())).toContain('backreference')
  })

  it('refuses a Netskope query over 4096 characters with 400', async () => {
    const start = Math.floor(t.nowMs() / 1000) - 3600
    const query = Array.from({ length: 400 }, () => "app eq 'Box'").join(' or ')
    const res = await t.get('netskope', `/api/v2/events/data/page?limit=1&starttime=${start}&query=${encodeURIComponent(query)}`, {
      headers: { 'Netskope-Api-Token': tokenOf(t.sandbox, 'full') }
    })
    expect(res.status).toBe(400)
    expect(res.json<{ message: string }>().message).toContain('4096')
  })
})
