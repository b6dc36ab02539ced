/** One thing the command palette can jump to or run. */
export interface PaletteItem {
  id: string
  group: 'Operations' | 'Saved requests' | 'Environments' | 'Commands'
  label: string
  /** Second line: a path, a folder, a shortcut. */
  detail?: string
  /** Extra words that find it (the method, the API's name). */
  keywords?: string
  run(): void
}

export const GROUP_ORDER: ReadonlyArray<PaletteItem['group']> = ['Commands', 'Operations', 'Saved requests', 'Environments']
/** Per group: a catalog of 1,000 operations stays quick to filter and to render. */
export const GROUP_LIMIT = 50

/**
 * The items matching `query`: every word must appear in the label, detail or keywords (case-insensitive); items whose
 * label holds more of the words come first, then labels that start with the first word. Grouped in GROUP_ORDER, at most GROUP_LIMIT per group.
 */
export function filterPalette(items: readonly PaletteItem[], query: string): Map<PaletteItem['group'], PaletteItem[]> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  const groups = new Map<PaletteItem['group'], PaletteItem[]>(GROUP_ORDER.map((group) => [group, []]))
  const scored = items
    .map((item) => {
      const label = item.label.toLowerCase()
      const text = `${label} ${item.detail ?? ''} ${item.keywords ?? ''}`.toLowerCase()
      if (!words.every((word) => text.includes(word))) return null
      // Fewer words found only outside the label first, then labels that start with the first word.
      const outside = words.filter((word) => !label.includes(word)).length
      const score = outside * 2 + (words.length > 0 && !label.startsWith(words[0] ?? '') ? 1 : 0)
      return { item, score }
    })
    .filter((entry): entry is { item: PaletteItem; score: number } => entry !== null)
    .sort((a, b) => a.score - b.score)
  for (const { item } of scored) {
    const list = groups.get(item.group)
    if (list && list.length < GROUP_LIMIT) list.push(item)
  }
  for (const [group, list] of groups) if (list.length === 0) groups.delete(group)
  return groups
}
