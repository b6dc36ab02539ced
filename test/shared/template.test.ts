import { describe, expect, it } from 'vitest'
import { joinBaseUrl, listPlaceholders, renderTemplate, type TemplateProblem } from '../../src/shared/templating/template'

describe('templating', () => {
  it('replaces known variables and reports unknown ones with where they are used', () => {
    const problems: TemplateProblem[] = []
    const out = renderTemplate('{{host}}/x?{{ missing }}', new Map([['host', 'h']]), 'URL', problems)
    expect(out).toBe('h/x?{{ missing }}')
    expect(problems).toEqual([{ variable: 'missing', where: 'URL' }])
  })

  it('lists placeholders', () => {
    expect(listPlaceholders('{{a}} {{secret.b}} {c}')).toEqual(['a', 'secret.b'])
  })

  it('joins base URL and path without doubling slashes', () => {
    expect(joinBaseUrl('https://t.goskope.com/', '/api/v2/x')).toBe('https://t.goskope.com/api/v2/x')
    expect(joinBaseUrl('https://t', 'https://other/x')).toBe('https://other/x')
    expect(joinBaseUrl('', '/x')).toBe('/x')
  })
})
