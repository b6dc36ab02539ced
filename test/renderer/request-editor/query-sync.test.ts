import { describe, expect, it } from 'vitest'
import { applyDraftPatch, rowsForUrl, urlForRows } from '@renderer/features/request-editor/query-sync'
import { initialDraft, toSpec, type KeyValueRow } from '@renderer/features/request-editor/request-draft'

const row = (id: string, name: string, value: string, enabled = true): KeyValueRow => ({ id, name, value, enabled })
const plain = (rows: KeyValueRow[]): Array<[string, string, boolean]> => rows.map((r) => [r.name, r.value, r.enabled])

describe('query-sync', () => {
  it('the rows follow the URL: ids kept by position, unticked rows kept, extra pairs appended, missing ones dropped', () => {
    const previous = [row('a', 'a', '1'), row('off', 'secret', 'x', false), row('b', 'b', '2'), row('c', 'c', '3')]
    const rows = rowsForUrl('/p?a=9&b&d=%7B%7D#frag', previous)
    expect(plain(rows)).toEqual([
      ['a', '9', true],
      ['secret', 'x', false],
      ['b', '', true],
      ['d', '{}', true]
    ])
    expect(rows[0]?.id).toBe('a')
    expect(rows[1]?.id).toBe('off')
  })

  it('the URL follows the rows: unticked and blank rows stay out, the fragment stays', () => {
    const rows = [row('1', 'index', '{{consumer}}'), row('2', 'operation', 'next', false), row('3', '', ''), row('4', 'a', 'x y')]
    expect(urlForRows('/p?old=1#top', rows)).toBe('/p?index={{consumer}}&a=x%20y#top')
  })

  it('unchanged pairs keep the URL as typed', () => {
    expect(urlForRows('/p?a=&b=%7E', [row('1', 'a', ''), row('2', 'b', '~')])).toBe('/p?a=&b=%7E')
  })

  it('typing a URL without a query clears the query rows the last request left (only unticked rows stay)', () => {
    let draft = applyDraftPatch(initialDraft(), { url: '/api/v2/events/dataexport/events/alert?index=c1&operation=next' })
    expect(plain(draft.query)).toEqual([
      ['index', 'c1', true],
      ['operation', 'next', true]
    ])
    draft = applyDraftPatch(draft, { url: '/api/tenants' })
    expect(draft.query).toEqual([])
    expect(toSpec(draft)).toMatchObject({ url: '/api/tenants', query: [] })
  })

  it('a whole request (URL and rows) whose URL has its own query: the URL query first, then the rows', () => {
    const draft = applyDraftPatch(initialDraft(), { url: 'https://h/p?a=1', query: [row('x', 'b', '2'), row('y', 'c', '3', false)] })
    expect(draft.url).toBe('https://h/p?a=1&b=2')
    expect(plain(draft.query)).toEqual([
      ['a', '1', true],
      ['b', '2', true],
      ['c', '3', false]
    ])
  })

  it('a restored draft whose URL already is its rows is taken as is', () => {
    const query = [row('x', 'a', '1'), row('y', 'b', '2', false)]
    const draft = applyDraftPatch(initialDraft(), { url: 'https://h/p?a=1', query })
    expect(draft.url).toBe('https://h/p?a=1')
    expect(draft.query).toBe(query)
  })

  it('the spec sends the URL without its query or fragment, and every row (unticked ones as unticked)', () => {
    const draft = applyDraftPatch(initialDraft(), { url: ' https://h/p?a=1&a=2#frag ' })
    const spec = toSpec(applyDraftPatch(draft, { query: [...draft.query, row('z', 'off', '1', false)] }))
    expect(spec.url).toBe('https://h/p')
    expect(spec.query).toEqual([
      { name: 'a', value: '1', enabled: true },
      { name: 'a', value: '2', enabled: true },
      { name: 'off', value: '1', enabled: false }
    ])
  })
})
