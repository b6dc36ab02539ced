/** File and folder names derived from display names: readable, portable (Windows, macOS, Linux) and unique. */
import { isReservedDeviceName } from './portable-names'

const MAX_SLUG = 60

export function slugify(name: string, fallback = 'item'): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/g, '')
  if (slug === '' || isReservedDeviceName(slug)) return slug === '' ? fallback : `${slug}-${fallback}`
  return slug
}

/**
 * `base + suffix`, or `base-2 + suffix`, `base-3 + suffix`... whichever is not taken. Compared case-insensitively
 * because macOS and Windows file systems are.
 */
export function uniqueName(base: string, suffix: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((name) => name.toLowerCase()))
  if (!lower.has(`${base}${suffix}`.toLowerCase())) return `${base}${suffix}`
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}${suffix}`
    if (!lower.has(candidate.toLowerCase())) return candidate
  }
}
