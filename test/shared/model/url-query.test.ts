import { describe, expect, it } from 'vitest'
import { parseQuery, renderQuery, splitUrl, urlWithoutQuery, withQuery } from '../../../src/shared/model/url-query'

describe('url-query', () => {
  it('splits base, query and fragment; a # before the ? makes the rest fragment', () => {
    expect(splitUrl('https://h/p?a=1#top')).toEqual({ base: 'https://h/p', query: 'a=1', fragment: 'top' })
    expect(splitUrl('/p#x?y=1')).toEqual({ base: '/p', query: null, fragment: 'x?y=1' })
    expect(splitUrl('/p?')).toEqual({ base: '/p', query: '', fragment: null })
    expect(urlWithoutQuery('{{base}}/p?a=1#f')).toBe('{{base}}/p')
  })

  it('parses duplicates, keys without "=", encoded characters and "+" as a space', () => {
    expect(parseQuery('a=1&a=2&debug&&q=x%20y+z&e=%E2%82%AC&eq=a=b')).toEqual([
      { name: 'a', value: '1' },
      { name: 'a', value: '2' },
      { name: 'debug', value: '' },
      { name: 'q', value: 'x y z' },
      { name: 'e', value: '€' },
      { name: 'eq', value: 'a=b' }
    ])
  })

  it('keeps malformed escapes as typed instead of failing', () => {
    expect(parseQuery('a=%zz&b=%E0%A4&c=100%')).toEqual([
      { name: 'a', value: '%zz' },
      { name: 'b', value: '%E0%A4' },
      { name: 'c', value: '100%' }
    ])
  })

  it('renders {{variables}} verbatim and escapes only what changes the structure', () => {
    expect(renderQuery([{ name: 'index', value: '{{ consumer }}' }, { name: 'q', value: 'a&b #1+2 /x:y' }, { name: 'k=v', value: '=' }])).toBe(
      'index={{ consumer }}&q=a%26b%20%231%2B2%20/x:y&k%3Dv=='
    )
    expect(renderQuery([{ name: 'debug', value: '' }, { name: '', value: '' }])).toBe('debug')
  })

  it('replaces the query and keeps the path and the fragment', () => {
    expect(withQuery('/p?old=1#frag', [{ name: 'a', value: '1' }])).toBe('/p?a=1#frag')
    expect(withQuery('/p?old=1#frag', [])).toBe('/p#frag')
  })
})
