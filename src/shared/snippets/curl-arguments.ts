import type { SecretName } from '@shared/model/auth'
import type { MultipartPart } from '@shared/model/request'
import { AppError } from '@shared/model/errors'
import type { Plan, Row, Value } from './plan'
import { baseName } from './python-expressions'
import { formEncode, shDoubleQuoteSafe, shQuote } from './quote'

/** The arguments of the cURL command. Each returned string is one shell word (or words glued without spaces). */

export const SH_SESSION_VAR = 'session_token'
export type Inline = Partial<Record<SecretName, string>>

/** The shell variable holding a secret or the session token ("$NETSKOPE_API_TOKEN"). */
function variable(value: Exclude<Value, { kind: 'text' }>): string {
  return value.kind === 'session' ? SH_SESSION_VAR : value.envVar
}

/** `text` followed by a value as one shell word: '...'"$VAR" or "text$VAR" when that is safe. */
export function shWord(text: string, value: Value): string {
  if (value.kind === 'text') return shQuote(text + value.text)
  const full = text + value.prefix
  const ref = `$${variable(value)}`
  return shDoubleQuoteSafe(full) ? `"${full}${ref}"` : `${shQuote(full)}"${ref}"`
}

export function headerArg(row: Row): string {
  // curl drops a header given as "Name:"; "Name;" is how it sends one with an empty value.
  if (row.value.kind === 'text' && row.value.text === '') return `--header ${shQuote(`${row.name};`)}`
  return `--header ${shWord(`${row.name}: `, row.value)}`
}

/**
 * The URL with the query rows appended the way the engine does (URLSearchParams), so the bytes match. A secret
 * row (the v1 token) is appended after the literal part as "$NETSKOPE_V1_TOKEN": v1 tokens are hex, so it needs
 * no encoding.
 */
export function urlWord(plan: Plan, extra: Row[] = []): string {
  const url = new URL(plan.url)
  const rows = [...plan.query, ...extra]
  for (const row of rows) if (row.value.kind === 'text') url.searchParams.append(row.name, row.value.text)
  let word = shQuote(url.href)
  let separator = url.search === '' ? '?' : '&'
  for (const row of rows) {
    if (row.value.kind === 'text') continue
    word += shWord(`${separator}${formEncode(row.name)}=`, row.value)
    separator = '&'
  }
  return word
}

/** Arguments that carry the body, plus any Content-Type header curl needs told or kept from adding. */
export function bodyArgs(plan: Plan): string[] {
  const body = plan.body
  const typeHeader = (type: string | null): string[] => {
    if (plan.userContentType) return []
    // --data-raw makes curl add application/x-www-form-urlencoded; an empty "Content-Type:" removes it.
    return [`--header ${shQuote(type === null ? 'Content-Type:' : `Content-Type: ${type}`)}`]
  }
  switch (body.kind) {
    case 'none':
      return []
    case 'json':
    case 'text':
      // --data-raw sends the text byte for byte (no @file reading, no newline stripping).
      return [...typeHeader(plan.defaultContentType), `--data-raw ${shQuote(body.text)}`]
    case 'form':
      return body.fields.map((field) => {
        if (field.value.kind === 'text' && field.name === '') return `--data-raw ${shQuote(`=${formEncode(field.value.text)}`)}`
        // curl encodes the part after the first "=" only; the name is encoded here (so it holds no "=" or "@").
        return `--data-urlencode ${shWord(`${formEncode(field.name)}=`, field.value)}`
      })
    case 'multipart':
      return body.parts.map(multipartArg)
  }
}

/**
 * One multipart part. Text parts without a type go through --form-string, which takes the value literally; the
 * others use -F with every user value double-quoted, so curl's @file, <file, ;type= and ;headers=@file syntax in
 * a name, value, path or type is never acted on (curl would otherwise read and upload local files).
 */
function multipartArg(part: MultipartPart): string {
  if (part.name.includes('=')) {
    throw new AppError(
      'INVALID_INPUT',
      `The multipart part name "${part.name.slice(0, 40)}" contains "=", which curl's --form cannot send (the name ends at the first "=").`,
      'Rename the part, or use the Python snippet.'
    )
  }
  if (part.kind === 'text' && !part.contentType) return `--form-string ${shQuote(`${part.name}=${part.value}`)}`
  if (part.kind === 'text') return `--form ${shQuote(`${part.name}=${formQuote(part.value)}${typeParam(part.contentType ?? '')}`)}`
  const filename = part.filename ?? baseName(part.path)
  // A file named "-" would be read from standard input.
  const path = part.path === '-' ? './-' : part.path
  const type = typeParam(part.contentType ?? 'application/octet-stream')
  return `--form ${shQuote(`${part.name}=@${formQuote(path)};filename=${formQuote(filename)}${type}`)}`
}

/** A plain "major/minor" goes as ;type=; anything else as a quoted ;headers="Content-Type: ..." (curl then adds none). */
function typeParam(type: string): string {
  return /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+$/.test(type) ? `;type=${type}` : `;headers=${formQuote(`Content-Type: ${type}`)}`
}

/** A double-quoted word in curl's -F syntax: keeps ; , @ < literal; \ and " are backslash-escaped. */
function formQuote(text: string): string {
  return `"${text.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`
}

/** Checks (env) or assignments (inlined) for every secret the script reads, plus the non-secret login names. */
export function credentialLines(plan: Plan, inline: Inline): string[] {
  const lines: string[] = []
  const named = (envVar: string, fallback: string, label: string): void => {
    if (fallback === '') lines.push(`: "\${${envVar}:?Set ${envVar} to the ${label}}"`)
    else lines.push(`${envVar}=\${${envVar}:-${shQuote(fallback)}}`)
  }
  if (plan.login?.kind === 'client-credentials') named(plan.login.clientIdEnvVar, plan.login.clientId, `${plan.login.vendor} client ID`)
  if (plan.login?.kind === 'session-login') named(plan.login.usernameEnvVar, plan.login.username, `${plan.login.vendor} username`)
  for (const { name, envVar, label } of plan.secrets) {
    const value = inline[name]
    if (value !== undefined) lines.push(`${envVar}=${shQuote(value)}  # inlined at your request`)
    else lines.push(`: "\${${envVar}:?Set ${envVar} to your ${label}}"`)
  }
  return lines
}

/**
 * One curl command, one argument per line. --disable (it only works as the first argument) keeps ~/.curlrc from
 * adding headers, data or --location; --globoff keeps [1-5] and {a,b} in a URL from becoming several requests.
 */
export function command(args: string[], indent = ''): string {
  return [`${indent}curl --disable --globoff`, ...args.map((arg) => `${indent}  ${arg}`)].join(' \\\n')
}
