import { DATA_KEYS, NAME_MAP_KEYS, isObject, type Json, type JsonObject } from './refs'

/*
 * Monaco's JSON service shows a schema's texts in hovers and completions as Markdown: `markdownDescription` and
 * `markdownEnumDescriptions` as written, and `title`, `description` and `enumDescriptions` after escaping only part of
 * the Markdown syntax, so a bare https:// or www. address still becomes a clickable link. A schema from an imported
 * file is someone else's text: every such text becomes one `markdownDescription` (or
 * `markdownEnumDescriptions`) in which all ASCII punctuation is backslash-escaped, which Markdown renders as the
 * literal characters with no emphasis, links, autolinks or HTML. `defaultSnippets` (code Monaco would insert) are
 * dropped. Built-in catalogs go through the same function: one rule for every schema is simpler to trust.
 */

const DROPPED = new Set(['defaultSnippets', 'title', 'description', 'markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions'])

/** Markdown that renders exactly as `text`: every ASCII punctuation escaped, line breaks kept as paragraphs. */
export function markdownLiteral(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&').replace(/\r?\n/g, '\n\n')
}

/** A copy of `schema` whose texts Monaco can only show literally. */
export function plainTextSchema<T extends Json>(schema: T): T {
  return plain(schema, false) as T
}

const text = (value: Json | undefined): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined)

function plain(node: Json, nameMap: boolean): Json {
  if (Array.isArray(node)) return node.map((item) => plain(item, false))
  if (!isObject(node)) return node
  const out: JsonObject = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === '__proto__') continue
    if (nameMap) out[key] = plain(value, false)
    else if (DATA_KEYS.has(key)) out[key] = value
    else if (!DROPPED.has(key)) out[key] = plain(value, NAME_MAP_KEYS.has(key))
  }
  if (nameMap) return out
  // The file's plain description, when it has one, is what it meant for readers without Markdown.
  const parts = [text(node.title), text(node.description) ?? text(node.markdownDescription)].filter((t) => t !== undefined)
  if (parts.length > 0) out.markdownDescription = parts.map(markdownLiteral).join('\n\n')
  const enumTexts = [node.enumDescriptions, node.markdownEnumDescriptions].find(Array.isArray)
  if (enumTexts) out.markdownEnumDescriptions = enumTexts.map((t) => (typeof t === 'string' ? markdownLiteral(t) : ''))
  return out
}
