import { parse as parseYaml, YAMLError } from 'yaml'
import { AppError } from '@shared/model/errors'
import { isObject, type JsonObject } from '@shared/catalog/refs'

export interface ParsedDocument {
  doc: JsonObject
  syntax: 'json' | 'yaml'
}

/** Line and column (1-based) of a character offset, for a JSON.parse error message that only gives "position N". */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`
}

/** Objects and arrays inside one another; deeper documents are refused before anything walks them recursively. */
const MAX_NESTING = 128

/** The path of the first value nested deeper than `limit`, or null; iterative, so depth itself cannot overflow it. */
function nestedBeyond(root: unknown, limit: number): string | null {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value: root, depth: 0, path: '#' }]
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item.value !== 'object' || item.value === null) continue
    if (item.depth > limit) return item.path.length > 120 ? `${item.path.slice(0, 120)}…` : item.path
    for (const [key, child] of Object.entries(item.value)) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: item.depth + 1, path: `${item.path}/${key}` })
    }
  }
  return null
}

function invalid(fileName: string, what: string): AppError {
  return new AppError('INVALID_INPUT', `${fileName} could not be imported: ${what}`)
}

/**
 * Reads the file's text as JSON (when it looks like JSON) or YAML. Errors say where the syntax breaks.
 * YAML is read with the core schema (no custom tags, no timestamps), so the result is plain JSON data.
 */
export function parseDocument(text: string, fileName: string): ParsedDocument {
  const body = text.replace(/^\uFEFF/, '')
  if (body.trim() === '') throw invalid(fileName, 'the file is empty.')
  const looksJson = /^\s*[{[]/.test(body)
  let value: unknown
  if (looksJson) {
    try {
      value = JSON.parse(body)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const position = /position (\d+)/.exec(message)
      const where = position?.[1] === undefined ? '' : ` (${lineColumn(body, Number(position[1]))})`
      throw invalid(fileName, `not valid JSON: ${message}${where}.`)
    }
  } else {
    try {
      // Real files repeat keys now and then; the last one wins rather than failing the whole import.
      value = parseYaml(body, { uniqueKeys: false, maxAliasCount: 10_000, prettyErrors: true })
    } catch (error) {
      const message = error instanceof YAMLError ? error.message.split('\n')[0] : String(error)
      throw invalid(fileName, `not valid YAML or JSON: ${message}`)
    }
  }
  const tooDeep = nestedBeyond(value, MAX_NESTING)
  if (tooDeep) throw invalid(fileName, `it is nested more than ${MAX_NESTING} levels (at ${tooDeep}); real API descriptions are far shallower.`)
  if (!isObject(value)) {
    const kind = Array.isArray(value) ? 'a list' : value === null ? 'nothing' : `a ${typeof value}`
    throw invalid(fileName, `the file holds ${kind}, not an OpenAPI or Swagger document (an object with "openapi" or "swagger").`)
  }
  return { doc: value, syntax: looksJson ? 'json' : 'yaml' }
}
