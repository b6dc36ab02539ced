import type { AppErrorShape } from '@shared/model/errors'
import { urlWithoutQuery } from '@shared/model/url-query'
import type { KeyValueRow } from './request-draft'

/**
 * What a catalog operation says about its parameters, kept with the draft it opened (request-draft.ts `operation`),
 * so a send is checked against what will actually be sent: the URL and the rows, whichever way they were edited.
 */
export type ScalarType = 'string' | 'integer' | 'number' | 'boolean'

export interface ParamRule {
  name: string
  in: 'path' | 'query' | 'header'
  required: boolean
  type: ScalarType | 'array'
  /** Array parameters: the type of each comma-separated item. */
  items?: ScalarType
  /** A closed set of allowed values. */
  enum?: string[]
  minimum?: number
  maximum?: number
}

export interface DraftOperation {
  /** The operation's path template, e.g. /api/v2/policy/urllist/{id}/append. */
  path: string
  rules: ParamRule[]
}

/** `{{variables}}` are resolved by main at send time: their value cannot be checked here. */
const TEMPLATE = /\{\{[^}]*\}\}/
const INTEGER = /^-?\d+$/
const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/

function scalarProblem(type: ScalarType, text: string, rule: ParamRule): string | null {
  if (TEMPLATE.test(text)) return null
  if (type === 'integer' && !INTEGER.test(text)) return 'must be a whole number'
  if (type === 'number' && !NUMBER.test(text)) return 'must be a number'
  if (type === 'boolean' && text !== 'true' && text !== 'false') return 'must be true or false'
  if (type === 'integer' || type === 'number') {
    const value = Number(text)
    if (rule.minimum !== undefined && value < rule.minimum) return `must be at least ${rule.minimum}`
    if (rule.maximum !== undefined && value > rule.maximum) return `must be at most ${rule.maximum}`
  }
  return null
}

/** Why a typed value does not fit its parameter ("must be a whole number"), or null; the empty value is not checked. */
export function valueProblem(rule: ParamRule, text: string): string | null {
  if (text === '') return null
  if (rule.enum && !TEMPLATE.test(text) && rule.type !== 'array' && !rule.enum.includes(text)) return `must be one of ${rule.enum.join(', ')}`
  if (rule.type !== 'array') return scalarProblem(rule.type, text, rule)
  for (const item of text.split(',')) {
    const problem = rule.items ? scalarProblem(rule.items, item.trim(), rule) : null
    if (problem) return `item "${item.trim()}" ${problem}`
    if (rule.enum && !TEMPLATE.test(item) && !rule.enum.includes(item.trim())) return `item "${item.trim()}" must be one of ${rule.enum.join(', ')}`
  }
  return null
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * The path parameters' values read back from the URL through the operation's template; an unfilled `{name}` reads
 * as ''. Null when the URL no longer has the template's shape (the user typed another path).
 */
export function pathValues(template: string, url: string): Map<string, string> | null {
  const names: string[] = []
  const source = template
    .split(/\{([^}]+)\}/)
    .map((part, i) => {
      if (i % 2 === 0) return escapeRegExp(part)
      names.push(part)
      return '([^/]*)'
    })
    .join('')
  const match = new RegExp(`${source}/?$`).exec(urlWithoutQuery(url.trim()))
  if (!match) return null
  return new Map(names.map((name, i) => [name, match[i + 1] === `{${name}}` ? '' : decoded(match[i + 1] ?? '')]))
}

/** The values of a query or header parameter in the enabled rows (header names compare case-insensitively). */
export function rowValues(rule: ParamRule, query: readonly KeyValueRow[], headers: readonly KeyValueRow[]): string[] {
  const rows = rule.in === 'header' ? headers : query
  const same = (name: string): boolean => (rule.in === 'header' ? name.toLowerCase() === rule.name.toLowerCase() : name === rule.name)
  return rows.filter((row) => row.enabled && same(row.name)).map((row) => row.value)
}

/** A single-brace `{name}` left in the URL's path is a path parameter nobody filled: never sent as is. */
export function unfilledPathParameter(url: string): string | null {
  const path = urlWithoutQuery(url.trim()).replace(/\{\{[^}]*\}\}/g, '')
  return /\{([^{}]+)\}/.exec(path)?.[1] ?? null
}

interface Draftlike {
  url: string
  query: readonly KeyValueRow[]
  headers: readonly KeyValueRow[]
  operation?: DraftOperation | null
}

/** Missing required parameters and values of the wrong type, as one error naming them; null when the send may go. */
export function parameterProblem(draft: Draftlike): AppErrorShape | null {
  const unfilled = unfilledPathParameter(draft.url)
  const rules = draft.operation?.rules ?? []
  const paths = draft.operation ? pathValues(draft.operation.path, draft.url) : null
  const missing: string[] = []
  const wrong: string[] = []
  for (const rule of rules) {
    const values = rule.in === 'path' ? (paths ? [paths.get(rule.name) ?? ''] : []) : rowValues(rule, draft.query, draft.headers)
    if (rule.required && rule.in !== 'path' && values.every((value) => value.trim() === '')) missing.push(`${rule.name} (${rule.in})`)
    if (rule.in === 'path' && paths && (paths.get(rule.name) ?? '') === '') missing.push(`${rule.name} (path)`)
    for (const value of values) {
      const problem = valueProblem(rule, value)
      if (problem) wrong.push(`${rule.name} (${rule.in}) ${problem}, not "${value.slice(0, 40)}"`)
    }
  }
  if (missing.length > 0) {
    return {
      code: 'INVALID_INPUT',
      message: `Required parameter${missing.length > 1 ? 's' : ''} missing: ${missing.join(', ')}.`,
      hint: 'Fill them in the operation form, the URL or the Params / Headers tab; the request was not sent.'
    }
  }
  if (wrong.length > 0) {
    return { code: 'INVALID_INPUT', message: `Parameter ${wrong.join('; ')}.`, hint: 'Correct the value; the request was not sent.' }
  }
  if (unfilled !== null) {
    return {
      code: 'INVALID_URL',
      message: `The URL still contains {${unfilled}}: the path parameter "${unfilled}" has no value.`,
      hint: 'Fill it in the operation form or type the value into the URL; a literal {name} is never sent.'
    }
  }
  return null
}
