/**
 * Origins (scheme://host[:port]) as the credential binding uses them (src/main/core/origin-policy.ts). Pure: URL is
 * a global in every process.
 */

/** The origin of an http(s) URL, or null for anything else (a relative path, another scheme, unparseable). */
export function httpOrigin(url: string): string | null {
  if (!URL.canParse(url)) return null
  const parsed = new URL(url)
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null
}

/**
 * What the user typed as an extra allowed origin, normalised (lower-case host, default port dropped, trailing "/"
 * dropped); or the reason it is not one. Paths, queries, user names and wildcards are refused: the binding is per
 * origin, and anything looser would let a lookalike host through.
 */
export function parseAllowedOrigin(text: string): { origin: string } | { problem: string } {
  const trimmed = text.trim()
  if (!/^https?:\/\//i.test(trimmed)) return { problem: `"${trimmed}" is not an http:// or https:// origin.` }
  if (trimmed.includes('*')) return { problem: `"${trimmed}": wildcards are not allowed; list each origin.` }
  if (!URL.canParse(trimmed)) return { problem: `"${trimmed}" is not a valid URL.` }
  const url = new URL(trimmed)
  if (url.username !== '' || url.password !== '') return { problem: `"${trimmed}": an origin has no user name or password.` }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    return { problem: `"${trimmed}": an origin is scheme://host[:port] only, without a path or query.` }
  }
  return { origin: url.origin }
}
