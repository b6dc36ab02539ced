import type { SecretName } from '@shared/model/auth'
import type { ClientCredentialsMethod, SessionLoginMethod } from '@shared/vendors/definition'
import { alreadyCarried, chooseMethod } from '@shared/vendors/auth-methods'
import { profileText, snippetEnvVar, vendorById } from '@shared/vendors/registry'
import type { KeyValue, MultipartPart } from '@shared/model/request'
import { AppError } from '@shared/model/errors'
import { validateHeaders } from '@shared/model/http-fields'
import { joinBaseUrl } from '@shared/templating/template'
import type { SnippetInput } from './types'

/**
 * A language-neutral description of what the app would send for a SnippetInput: the same URL, rows, body and
 * credential placement as the engine (src/main/core/http) and the authenticator (src/main/core/auth), with
 * secrets kept as references so each language can read them its own way.
 */

/** A value that is either plain text or comes from a credential (then `prefix` + the credential). */
export type Value =
  | { kind: 'text'; text: string }
  /** `envVar`: where the snippet reads it (the vendor definition's snippetEnvVars). */
  | { kind: 'secret'; name: SecretName; prefix: string; envVar: string }
  /** The token a login step produced (an OAuth2 access_token, a session login's token). */
  | { kind: 'session'; prefix: string }

export interface Row {
  name: string
  value: Value
}

export type PlannedBody =
  | { kind: 'none' }
  | { kind: 'json'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'form'; fields: Row[] }
  | { kind: 'multipart'; parts: MultipartPart[] }

export type Login =
  /** OAuth2 client credentials; `clientIdEnvVar` falls back to `clientId` (the profile's), `vendor` names it in prompts. */
  | { kind: 'client-credentials'; url: string; clientId: string; clientIdEnvVar: string; vendor: string; flow: ClientCredentialsMethod }
  /** A username/password login whose token goes into `flow.header`, logged out at the end (InsightCloudSec). */
  | {
      kind: 'session-login'
      url: string
      logoutUrl: string
      username: string
      usernameEnvVar: string
      passwordEnvVar: string
      vendor: string
      flow: SessionLoginMethod
    }

export interface PlannedSecret {
  name: SecretName
  envVar: string
  label: string
}

export interface Plan {
  method: string
  /** The URL as the engine parses it (its own query kept, fragment dropped), before the query rows. */
  url: string
  query: Row[]
  /** Headers in order; the user's Content-Type is already dropped for multipart (the boundary must be generated). */
  headers: Row[]
  body: PlannedBody
  /** Content-Type the engine adds when the user set none (null: none is added). */
  defaultContentType: string | null
  userContentType: boolean
  login: Login | null
  /** Secrets the snippet must obtain, in first-use order, with where it reads each and what prompts call it. */
  secrets: PlannedSecret[]
  /** Data Export iterator: `index` and `operation` are taken out of url/query and driven by the snippet. */
  iterator: { index: string; operation: string } | null
}

const KNOWN_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE']
const text = (value: string): Value => ({ kind: 'text', text: value })
const lower = (name: string): string => name.toLowerCase()

export function planRequest(input: SnippetInput): Plan {
  const spec = input.request
  const httpMethod = normaliseMethod(spec.method)
  const url = parseUrl(spec.url)
  const path = url.pathname
  let query: Row[] = spec.query
    .filter((row) => row.enabled && !(row.name === '' && row.value === ''))
    .map((row) => ({ name: row.name, value: text(row.value) }))
  // The engine's own header checks: a header the app would refuse to send gets no snippet either.
  let headers: Row[] = validateHeaders(spec.headers).map(([name, value]) => ({ name, value: text(value) }))
  let body = planBody(spec.body)
  if (body.kind === 'multipart') headers = headers.filter((row) => lower(row.name) !== 'content-type')
  const secrets: PlannedSecret[] = []
  const vendor = vendorById(input.auth.kind)
  const use = (name: SecretName, prefix = ''): Value => {
    const envVar = snippetEnvVar(input.auth.kind, name)
    const label = vendor?.secrets.find((slot) => slot.name === name)?.label ?? name
    if (!secrets.some((secret) => secret.name === name)) secrets.push({ name, envVar, label })
    return { kind: 'secret', name, prefix, envVar }
  }
  let login: Login | null = null
  const loginBase = input.baseUrl.trim() === '' ? url.origin : input.baseUrl.trim()

  const auth = input.auth
  // With no secret stored yet, plan as if all were: the snippet still shows where each one goes.
  const stored = input.storedSecrets
  const has = (name: string): boolean => stored === undefined || stored.length === 0 || stored.includes(name as SecretName)
  const method = chooseMethod(auth, path, has, false)
  const carried = {
    headers: headers.map((row) => lower(row.name)),
    params: [...query.map((row) => row.name), ...url.searchParams.keys(), ...(body.kind === 'form' ? body.fields.map((row) => row.name) : [])].map(lower)
  }
  if (vendor && method && !alreadyCarried(auth, method, carried)) {
    const secret = method.secret as SecretName
    switch (method.flow) {
      case 'header':
        headers = [...headers, { name: method.header, value: use(secret, method.prefix) }]
        break
      case 'param': {
        const row = { name: method.param, value: use(secret) }
        if (method.placement === 'form' && (body.kind === 'form' || body.kind === 'none')) body = { kind: 'form', fields: [...(body.kind === 'form' ? body.fields : []), row] }
        else query = [...query, row]
        break
      }
      case 'client-credentials':
        use(secret)
        login = {
          kind: 'client-credentials',
          url: joinBaseUrl(loginBase, method.tokenPath),
          clientId: profileText(auth, method.clientIdField),
          clientIdEnvVar: snippetEnvVar(auth.kind, method.clientIdField),
          vendor: vendor.labels.authMode,
          flow: method
        }
        headers = [...headers, { name: 'Authorization', value: { kind: 'session', prefix: 'Bearer ' } }]
        break
      case 'session-login':
        use(secret)
        login = {
          kind: 'session-login',
          url: joinBaseUrl(loginBase, method.loginPath),
          logoutUrl: joinBaseUrl(loginBase, method.logoutPath),
          username: profileText(auth, method.usernameField),
          usernameEnvVar: snippetEnvVar(auth.kind, method.usernameField),
          passwordEnvVar: snippetEnvVar(auth.kind, method.secret),
          vendor: vendor.labels.authMode,
          flow: method
        }
        headers = [...headers, { name: method.header, value: { kind: 'session', prefix: '' } }]
    }
  }

  let iterator: Plan['iterator'] = null
  if (input.iterator) {
    iterator = input.iterator
    const driven = (name: string): boolean => name === 'index' || name === 'operation'
    query = query.filter((row) => !driven(row.name))
    for (const name of ['index', 'operation']) url.searchParams.delete(name)
  }

  const userContentType = headers.some((row) => lower(row.name) === 'content-type')
  return {
    method: httpMethod,
    url: url.href,
    query,
    headers,
    body,
    defaultContentType: defaultContentType(spec.body),
    userContentType,
    login,
    secrets,
    iterator
  }
}

function planBody(body: SnippetInput['request']['body']): PlannedBody {
  switch (body.kind) {
    case 'none':
    case 'json':
      return body
    case 'multipart': {
      // The engine writes a part's type on one line (src/main/core/http/multipart.ts); a CR/LF must not split it here either.
      const oneLine = (type: string): string => type.replace(/[\r\n]+/g, ' ').trim()
      return { kind: 'multipart', parts: body.parts.map((part) => (part.contentType === undefined ? part : { ...part, contentType: oneLine(part.contentType) })) }
    }
    case 'text':
      return { kind: 'text', text: body.text }
    case 'form':
      return { kind: 'form', fields: body.fields.filter((field: KeyValue) => field.enabled).map((f) => ({ name: f.name, value: text(f.value) })) }
  }
}

/** What the engine's prepareBody adds when the user set no Content-Type. */
function defaultContentType(body: SnippetInput['request']['body']): string | null {
  switch (body.kind) {
    case 'json':
      return 'application/json'
    case 'text':
      return body.contentType?.trim() || null
    case 'form':
      return 'application/x-www-form-urlencoded'
    case 'none':
    case 'multipart':
      return null
  }
}

function normaliseMethod(method: string): string {
  const trimmed = method.trim()
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(trimmed)) {
    throw new AppError('INVALID_INPUT', `The request method "${trimmed.slice(0, 32)}" is not a valid HTTP method name.`)
  }
  const upper = trimmed.toUpperCase()
  return KNOWN_METHODS.includes(upper) ? upper : trimmed
}

function parseUrl(raw: string): URL {
  const trimmed = raw.trim()
  if (!URL.canParse(trimmed)) {
    throw new AppError('INVALID_URL', 'The request URL is not an absolute URL, so no snippet can be made.', 'Resolve it against the environment first.')
  }
  const url = new URL(trimmed)
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('UNSUPPORTED_SCHEME', `The URL scheme "${url.protocol}" is not supported; only http and https are.`)
  }
  url.hash = ''
  return url
}
