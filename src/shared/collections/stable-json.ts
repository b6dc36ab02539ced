/**
 * JSON text that is identical for identical data: object keys sorted, 2-space indent, "\n" line ends and a final
 * newline. Saved collections live in git, so the same request must always produce the same bytes.
 */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) + '\n'
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value !== null && typeof value === 'object') {
    const source = value as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(source).sort()) {
      const item = source[key]
      // undefined is dropped by JSON.stringify anyway; skipping it here keeps the key set explicit.
      if (item !== undefined) out[key] = sortKeys(item)
    }
    return out
  }
  return value
}
