import type { AuthProfile, SecretName } from '../../src/shared/model/auth'
import type { ApiKind } from '../../src/shared/model/environment'
import type { KeyValue, RequestBody, RequestSpec } from '../../src/shared/model/request'
import { dirname, join } from 'node:path'

/** One row of the snippet truth matrix. */
export interface TruthCase {
  name: string
  api: ApiKind
  auth: AuthProfile
  /** The secrets the environment has stored (decides ICS API key vs login); absent: all. */
  storedSecrets?: SecretName[]
  /** Where the echo server runs: plain HTTP, HTTPS with verification off, or HTTPS trusting a custom CA. */
  transport: 'http' | 'https-insecure' | 'https-ca'
  /** Path (with any literal query) appended to the echo server URL. */
  path: string
  method: string
  query?: KeyValue[]
  headers?: KeyValue[]
  body?: RequestBody | ((file: string) => RequestBody)
  secrets: Partial<Record<SecretName, string>>
  /** Embed the secrets in the snippet instead of reading environment variables. */
  inline?: boolean
  iterator?: { index: string; operation: string }
}

const row = (name: string, value: string): KeyValue => ({ name, value, enabled: true })
const nskV2 = (v2Scheme: 'header' | 'bearer' = 'header'): AuthProfile => ({ kind: 'netskope', v2Scheme, v1Placement: 'query' })

/** Characters that break naive quoting in sh or Python, plus non-ASCII. */
const NASTY = `it's "quoted" $HOME \`id\` \\ ! & = + % ; # é`
/** Header values: the same minus what HTTP forbids (non-Latin-1) in a header. */
const NASTY_HEADER = `it's "quoted" $HOME \`id\` \\ ! & = + % ; #`

/** Content of secret.txt beside the upload file: a snippet that reads it as curl's @file/<file has uploaded a local file. */
export const SECRET_FILE_CONTENT = 'TOP-SECRET-LOCAL-FILE-CONTENT'
const secretPath = (file: string): string => join(dirname(file), 'secret.txt')

export const V2_TOKEN = 'v2tok-0123456789abcdef'
export const V1_TOKEN = '0123456789abcdef0123456789abcdef'

export const TRUTH_CASES: TruthCase[] = [
  {
    name: 'GET, no auth, special characters in query and headers',
    api: 'generic',
    auth: { kind: 'none' },
    transport: 'http',
    path: "/search/it's(1)?literal=a%20b&x=1",
    method: 'GET',
    query: [row('q', NASTY), row('q', 'second'), row('empty', ''), row('sp ace', 'a+b c')],
    headers: [row('X-Custom', NASTY_HEADER), row('X-Empty', ''), row('Accept', 'application/json')],
    secrets: {}
  },
  {
    name: 'POST JSON, Netskope v2 header',
    api: 'netskope',
    auth: nskV2(),
    transport: 'http',
    path: '/api/v2/policy/urllist',
    method: 'POST',
    headers: [row('X-Trace', '$(touch /tmp/pwned)')],
    body: { kind: 'json', text: JSON.stringify({ name: NASTY, data: { urls: ['a.com', "b'c.com"], type: 'exact' }, n: [1, 2.5, -3], ok: true, none: null }, null, 2) },
    secrets: { v2Token: V2_TOKEN }
  },
  {
    name: 'PUT JSON that JavaScript cannot round-trip (big integer, escapes), Netskope v2 Bearer',
    api: 'netskope',
    auth: nskV2('bearer'),
    transport: 'http',
    path: '/api/v2/policy/urllist/7',
    method: 'PUT',
    body: { kind: 'json', text: '{"id": 12345678901234567890, "s": "\\u00e9\\/\\n", "f": 1.0}' },
    secrets: { v2Token: V2_TOKEN }
  },
  {
    name: 'PATCH text body with a content type',
    api: 'generic',
    auth: { kind: 'none' },
    transport: 'http',
    path: '/text',
    method: 'PATCH',
    body: { kind: 'text', text: `line one\nline 'two' "$x"\n@not-a-file\ttab`, contentType: 'text/plain; charset=utf-8' },
    secrets: {}
  },
  {
    name: 'POST text body without a content type, user header wins',
    api: 'generic',
    auth: { kind: 'none' },
    transport: 'http',
    path: '/text2',
    method: 'POST',
    headers: [row('Content-Type', 'application/xml')],
    body: { kind: 'text', text: '<a b="c">\'x\'</a>' },
    secrets: {}
  },
  {
    name: 'DELETE, Netskope v1 token in the query',
    api: 'netskope',
    auth: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' },
    transport: 'http',
    path: '/api/v1/alerts?op=delete',
    method: 'DELETE',
    query: [row('id', '42')],
    secrets: { v1Token: V1_TOKEN }
  },
  {
    name: 'POST form, Netskope v1 token as a form field',
    api: 'netskope',
    auth: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'form' },
    transport: 'http',
    path: '/api/v1/app_instances?op=list',
    method: 'POST',
    body: { kind: 'form', fields: [row('name', NASTY), row('a b', 'x=y&z'), row('at', '@/etc/passwd'), row('a b', 'again')] },
    secrets: { v1Token: V1_TOKEN }
  },
  {
    name: 'POST multipart (text, typed text, real file), InsightCloudSec API key',
    api: 'insightcloudsec',
    auth: { kind: 'insightcloudsec', username: '' },
    storedSecrets: ['apiKey'],
    transport: 'http',
    path: '/v2/public/upload',
    method: 'POST',
    headers: [row('Content-Type', 'multipart/form-data')],
    body: (file) => ({
      kind: 'multipart',
      parts: [
        { kind: 'text', name: 'plain', value: '@/etc/passwd;type=text/html' },
        { kind: 'text', name: 'meta', value: JSON.stringify({ k: NASTY }), contentType: 'application/json' },
        { kind: 'file', name: 'upload', path: file },
        { kind: 'file', name: 'renamed', path: file, filename: 'other name.json', contentType: 'application/json' }
      ]
    }),
    secrets: { apiKey: 'icsKey_0123456789abcdefABCDEF-_0123456789abcdefABCDE' }
  },
  {
    name: 'POST multipart with curl file syntax in values, types and file names (nothing local is read)',
    api: 'netskope',
    auth: nskV2(),
    transport: 'http',
    path: '/api/v2/upload',
    method: 'POST',
    body: (file) => ({
      kind: 'multipart',
      parts: [
        { kind: 'text', name: 'at', value: `@${secretPath(file)}` },
        { kind: 'text', name: 'lt', value: `<${secretPath(file)}` },
        { kind: 'text', name: 'typed', value: `<${secretPath(file)}`, contentType: `text/plain;headers=@${secretPath(file)}` },
        { kind: 'text', name: 'typed2', value: `"@${secretPath(file)}";type=x/y`, contentType: 'application/json; charset=utf-8' },
        { kind: 'file', name: 'f;type&x@<y', path: file, filename: `x";headers=@${secretPath(file)};"`, contentType: `text/csv;headers=<${secretPath(file)}` },
        { kind: 'file', name: '@at<lt', path: file, contentType: 'image/png' }
      ]
    }),
    secrets: { v2Token: V2_TOKEN }
  },
  {
    name: 'DELETE with curl URL-glob characters in path and query (one request, not ten)',
    api: 'netskope',
    auth: nskV2(),
    transport: 'http',
    // In the query: requests (urllib3) percent-encodes [ ] in a path, which the engine and curl --globoff send as is.
    path: '/api/v2/items/x?sel={a,b}&r=[1-5]',
    method: 'DELETE',
    query: [row('q', '{c,d}[1-2]')],
    secrets: { v2Token: V2_TOKEN }
  },
  {
    name: 'a redirect to another origin is not followed with the token (the engine here does not follow either)',
    api: 'netskope',
    auth: nskV2(),
    transport: 'http',
    path: '/redirect?to=http://localhost:1/landing',
    method: 'GET',
    secrets: { v2Token: V2_TOKEN }
  },
  {
    name: 'GET, InsightCloudSec login then call then logout',
    api: 'insightcloudsec',
    auth: { kind: 'insightcloudsec', username: "j.doe's" },
    storedSecrets: ['password'],
    transport: 'http',
    path: '/v2/public/clouds/list',
    method: 'GET',
    query: [row('limit', '25')],
    secrets: { password: `p"a\\ss$w'rd \`x\`` }
  },
  {
    name: 'POST JSON, Cloud Exchange client credentials then Bearer',
    api: 'cloud-exchange',
    auth: { kind: 'cloud-exchange', clientId: 'client-id-1', secretExpiresOn: null },
    transport: 'http',
    path: '/api/cte/indicators/',
    method: 'POST',
    body: { kind: 'json', text: '[{"value":"evil.com","type":"domain","reputation":5}]' },
    secrets: { clientSecret: 's3cr&t+=x y' }
  },
  {
    name: 'HEAD',
    api: 'generic',
    auth: { kind: 'none' },
    transport: 'http',
    path: '/head',
    method: 'HEAD',
    headers: [row('X-A', '1')],
    secrets: {}
  },
  {
    name: 'OPTIONS',
    api: 'generic',
    auth: { kind: 'none' },
    transport: 'http',
    path: '/options',
    method: 'OPTIONS',
    secrets: {}
  },
  {
    name: 'TLS verification off (self-signed HTTPS), Netskope v2',
    api: 'netskope',
    auth: nskV2(),
    transport: 'https-insecure',
    path: '/api/v2/services/cci/app',
    method: 'GET',
    query: [row('apps', 'Box;Dropbox')],
    secrets: { v2Token: V2_TOKEN }
  },
  {
    name: 'custom CA, secrets inlined',
    api: 'netskope',
    auth: nskV2(),
    transport: 'https-ca',
    path: '/api/v2/incidents/uba/getuci',
    method: 'POST',
    body: { kind: 'json', text: '{"users":["a@x.com"],"fromTime":0}' },
    secrets: { v2Token: V2_TOKEN },
    inline: true
  },
  {
    name: 'Data Export iterator (429, 409, a page, then caught up)',
    api: 'netskope',
    auth: nskV2('bearer'),
    transport: 'http',
    path: '/api/v2/events/dataexport/events/page',
    method: 'GET',
    query: [row('index', 'snippet_test'), row('operation', '1708955600')],
    secrets: { v2Token: V2_TOKEN },
    iterator: { index: 'snippet_test', operation: '1708955600' }
  }
]

export function specFor(truth: TruthCase, baseUrl: string, file: string): RequestSpec {
  const body = typeof truth.body === 'function' ? truth.body(file) : (truth.body ?? { kind: 'none' })
  return { method: truth.method, url: baseUrl + truth.path, query: truth.query ?? [], headers: truth.headers ?? [], body }
}
