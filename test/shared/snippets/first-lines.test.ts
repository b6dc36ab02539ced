import { describe, expect, it } from 'vitest'
import { generateSnippet } from '../../../src/shared/snippets'
import { commentText, FIRST_LINES } from '../../../src/shared/snippets/quote'
import { input } from './fixtures'

/** What Python looks for in lines 1-2 (PEP 263). */
const PEP_263 = /^[ \t\f]*#.*?coding[:=][ \t]*([-_.a-zA-Z0-9]+)/

const HOSTILE = [
  'coding:utf-7',
  'coding=utf-7',
  '-*- coding: latin-1 -*-',
  '# vim: set fileencoding=utf-7 :',
  'ex:se ft=sh',
  'Local Variables:',
  'a\nb\r\nc\u2028d\u0085e\x0cf'
]

describe('the first two lines of a snippet are fixed', () => {
  for (const language of ['python', 'curl'] as const) {
    it(`${language}: lines 1-2 never carry the URL, environment name or any request text`, () => {
      for (const text of HOSTILE) {
        const code = generateSnippet(
          input(
            { url: `https://h.example/${encodeURIComponent(text)};${text.replace(/\s/g, '')}?${text.replace(/\s/g, '')}`, headers: [{ name: 'X-A', value: text.replace(/[^\x20-\x7e]/g, ' '), enabled: true }] },
            { environmentName: text }
          ),
          language
        )
        const lines = code.split('\n')
        expect(lines.slice(0, 2)).toEqual(FIRST_LINES[language])
        // Only our own line 2 declares an encoding; no other comment line looks like a declaration.
        const declaring = lines.filter((line, index) => index !== 1 && PEP_263.test(line))
        expect(declaring, code).toEqual([])
      }
    })
  }

  it('Python line 2 is a UTF-8 declaration Python itself recognises', () => {
    expect(PEP_263.exec(FIRST_LINES.python[1])?.[1]).toBe('utf-8')
  })
})

describe('commentText', () => {
  it('breaks encoding declarations and editor modelines', () => {
    expect(commentText('x;coding=utf-7')).toBe('x;coding =utf-7')
    expect(commentText('-*- coding: utf-7 -*-')).toBe('-* - coding : utf-7 -* -')
    expect(commentText('vim: set ft=python:')).toBe('vim : set ft=python:')
    expect(commentText('Local Variables:')).toBe('Local Variables :')
    for (const text of HOSTILE) expect(commentText(text)).not.toMatch(/coding[:=]|-\*-|\bvim?:|local variables:/i)
  })

  it('keeps the comment on one line and drops bidi controls that would reorder what the reader sees', () => {
    expect(commentText('a\nb\r\nc\u2028d\u2029e\u0085f\x0bg')).toBe('a b c d e f g')
    expect(commentText('admin\u202e\u2066txt.exe\u2069\u200f')).toBe('admin txt.exe ')
  })
})
