import { describe, expect, it } from 'vitest'
import { filterPalette, GROUP_LIMIT, type PaletteItem } from '../../src/renderer/src/features/palette/palette-items'
import { displayKeys, KEYMAP, matches } from '../../src/renderer/src/ui/keymap'

const item = (group: PaletteItem['group'], label: string, detail = ''): PaletteItem => ({ id: `${group}:${label}`, group, label, detail, run: () => undefined })

describe('command palette filter', () => {
  it('every word must match label, detail or keywords; prefix matches first; groups in order', () => {
    const items = [item('Operations', 'List alerts', 'GET /api/v2/events/data/alert'), item('Operations', 'Get alert by id'), item('Commands', 'New request tab'), item('Environments', 'Sandbox · Netskope tenant')]
    const groups = filterPalette(items, 'alert get')
    expect([...groups.keys()]).toEqual(['Operations'])
    expect(groups.get('Operations')?.map((found) => found.label)).toEqual(['Get alert by id', 'List alerts'])
    expect([...filterPalette(items, '').keys()]).toEqual(['Commands', 'Operations', 'Environments'])
  })

  it(`caps each group at ${GROUP_LIMIT}, so 1,000 operations stay quick`, () => {
    const many = Array.from({ length: 1000 }, (_, i) => item('Operations', `Operation ${i}`))
    expect(filterPalette(many, 'operation').get('Operations')).toHaveLength(GROUP_LIMIT)
  })
})

describe('keymap', () => {
  const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods })
  it('Mod is Ctrl off macOS and Cmd on it; extra modifiers do not match', () => {
    expect(matches(key('w', { ctrlKey: true }), 'Mod+W', false)).toBe(true)
    expect(matches(key('w', { metaKey: true }), 'Mod+W', true)).toBe(true)
    expect(matches(key('w', { metaKey: true }), 'Mod+W', false)).toBe(false)
    expect(matches(key('W', { ctrlKey: true, shiftKey: true }), 'Mod+W', false)).toBe(false)
    expect(matches(key('Tab', { ctrlKey: true, shiftKey: true }), 'Ctrl+Shift+Tab', true)).toBe(true)
    expect(matches(key('Tab', { ctrlKey: true }), 'Ctrl+Shift+Tab', false)).toBe(false)
    expect(matches(key('/', { ctrlKey: true }), 'Mod+/', false)).toBe(true)
    expect(displayKeys('Mod+K', true)).toBe('⌘+K')
  })

  it('no two shortcuts share keys', () => {
    const keys = KEYMAP.map((shortcut) => shortcut.keys)
    expect(new Set(keys).size).toBe(keys.length)
  })
})
