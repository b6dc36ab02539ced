/** `{{name}}` placeholders in URLs, headers, params and bodies, resolved from environment variables. */

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g

export interface TemplateProblem {
  variable: string
  where: string
}

/**
 * Replaces every `{{name}}` found in `lookup`; names not found are reported (not left silently), so the user
 * learns which variable is missing and where it was used.
 */
export function renderTemplate(
  text: string,
  lookup: ReadonlyMap<string, string>,
  where: string,
  problems: TemplateProblem[]
): string {
  if (!text.includes('{{')) return text
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = lookup.get(name)
    if (value === undefined) {
      problems.push({ variable: name, where })
      return whole
    }
    return value
  })
}

export function listPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '')
}

/** Joins an environment base URL and a request path without doubling or losing the slash. */
export function joinBaseUrl(baseUrl: string, url: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || baseUrl === '') return url
  if (!url.startsWith('/') && url !== '') return url
  return baseUrl.replace(/\/+$/, '') + url
}
