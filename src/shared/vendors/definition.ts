import type { z } from 'zod'

/** One secret a vendor's auth needs. The name is the vault key suffix and the `{{secret.NAME}}` placeholder. */
export interface SecretSlot<Name extends string = string> {
  name: Name
  /** What the prompt, error messages and snippets call it ("Netskope REST API v2 token"). */
  label: string
  /** The short label next to its input in the auth panel ("v2 API token"). */
  fieldLabel: string
  /** One line shown under the input: where the user gets this value. */
  help: string
}

/**
 * One non-secret field of the auth profile, described so the renderer's auth form is generated from it. `key` is
 * the profile property; `testId` is the data-testid the e2e specs find the control by.
 */
export type ProfileField =
  /** `help`: one line under the select, for a vendor rule the choice depends on. */
  | { control: 'select'; key: string; label: string; testId: string; options: ReadonlyArray<{ value: string; label: string }>; help?: string }
  | { control: 'text'; key: string; label: string; testId: string; autoComplete?: 'off' }
  /** A YYYY-MM-DD date; the empty input is stored as null. */
  | { control: 'date'; key: string; label: string; testId: string }

/**
 * Everything the shared and renderer code knows about one vendor API. Pure data and pure functions: every process
 * imports it, so it never touches node:*, the DOM or electron. How the credential is sent is data too (`auth`): main
 * performs those flows (src/main/core/auth/) and the snippets reproduce them (src/shared/snippets/plan.ts).
 */
export interface VendorDefinition<
  Id extends string = string,
  Profile extends z.ZodObject = z.ZodObject,
  Secrets extends readonly SecretSlot[] = readonly SecretSlot[],
  EnvVars extends Readonly<Record<string, string>> = Readonly<Record<string, string>>
> {
  /** The API kind of environments and catalogs and the auth profile kind; persisted in environments.json. */
  id: Id
  labels: {
    /** Auth mode picker ("Netskope"). */
    authMode: string
    /** New-environment API picker ("Netskope tenant"). */
    api: string
    /** Search results, where the path needs the room ("CE"). */
    short: string
  }
  /**
   * The built-in catalog in resources/catalogs/ and its sidebar title; `importPaths` matches this API's paths, so an
   * imported OpenAPI document without `info.x-api` is recognised when most of its paths match.
   */
  catalog: { file: string; title: string; importPaths: RegExp }
  /** The auth profile with `kind: z.literal(id)` and defaults for every other field; holds no secret. */
  profile: Profile
  /** The secrets, in the order the auth panel shows them. */
  secrets: Secrets
  /** The profile's non-secret fields, in form order. */
  fields: readonly ProfileField[]
  /**
   * Environment variables the snippets read, keyed by secret name or profile field; non-secret ones fall back to
   * the profile's value. Order is the order the snippet's header comment lists them.
   */
  snippetEnvVars: EnvVars
  /** Header names (lower case) that always carry this vendor's credential: masked everywhere, stripped off-origin. */
  credentialHeaders: readonly string[]
  /** Query or form parameter names (lower case) that carry this vendor's credential. */
  credentialParams: readonly string[]
  /**
   * How the credential is sent, in order of preference: main's authenticator, the auth panel's status and the
   * snippets all take the first method that applies to the request's path, whose `when` holds and whose inputs
   * are present (src/shared/vendors/auth-methods.ts).
   */
  auth: readonly AuthMethod[]
  /** A profile date field that holds when the secret expires, and how to renew it; the panel warns ahead. */
  secretExpiry?: { field: string; renew: string }
  /** Features of the renderer that exist only for this vendor. */
  panels?: {
    /** Data Export iterator panel above the request tabs. */
    dataExportIterator?: boolean
    /** "Generate API key" and the SSO hint in the auth panel (the vendor has a username/password login). */
    generateApiKey?: boolean
  }
}

/** Where and when one auth method is tried; every flow has these. */
interface MethodScope {
  /** Names the credential in the auth panel ("Using: Netskope v2 token") and in 401/403 messages. */
  label: string
  /** Only requests whose path matches get this credential; `note` is shown when it is the only one stored. */
  paths?: { match: RegExp; note?: string }
  /** Tried only when the profile's field has (or has not) this value: a select in the auth form switches methods. */
  when?: { field: string; is: string } | { field: string; not: string }
}

/** A secret sent as is (after `prefix`) in a header: Netskope-Api-Token, Api-Key, Authorization: Bearer. */
export interface HeaderMethod extends MethodScope {
  flow: 'header'
  secret: string
  header: string
  prefix: string
}

/** A secret sent as a query parameter, or a form field when the body is a form (or empty). */
export interface ParamMethod extends MethodScope {
  flow: 'param'
  secret: string
  param: string
  placement: 'query' | 'form'
}

/**
 * The OAuth2 client-credentials exchange: `client_id` (the profile's `clientIdField`) and `client_secret` (the
 * secret slot `secret`) are posted as a form to `tokenPath`; the answer's access_token is sent as
 * `Authorization: Bearer` until expires_in (or the token's JWT exp) runs out. Main performs it
 * (src/main/core/auth/session-login.ts) and the snippets reproduce it (src/shared/snippets/plan.ts).
 */
export interface ClientCredentialsMethod extends MethodScope {
  flow: 'client-credentials'
  tokenPath: string
  clientIdField: string
  secret: string
  /** Form fields sent before client_id and client_secret (Cloud Exchange wants grant_type). */
  extraFields: ReadonlyArray<readonly [string, string]>
  /** Seconds a token is used when the answer gives neither expires_in nor a JWT exp. */
  defaultLifetimeSec: number
  /** One line for the snippet's comment: what the exchange gives and for how long. */
  describe: string
  /** The fix to suggest when the exchange is refused. */
  hint: string
}

/**
 * A username/password login: JSON `{username, password}` posted to `loginPath`; the answer's `tokenField` is sent in
 * `header` until `timeout` runs out; `logoutPath` ends it (with the same header) where it was issued.
 */
export interface SessionLoginMethod extends MethodScope {
  flow: 'session-login'
  usernameField: string
  secret: string
  loginPath: string
  logoutPath: string
  header: string
  tokenField: string
  /** The answer's lifetime member and its unit; `defaultSec` when the answer has none. */
  timeout: { field: string; unitSec: number; defaultSec: number }
  describe: string
  hint: string
}

export type AuthMethod = HeaderMethod | ParamMethod | ClientCredentialsMethod | SessionLoginMethod

/** Keeps the literal types of a definition (id, secret names, env-var names) while checking it is complete. */
export function defineVendor<
  const Id extends string,
  Profile extends z.ZodObject,
  const Secrets extends readonly SecretSlot[],
  const EnvVars extends Readonly<Record<string, string>>
>(definition: VendorDefinition<Id, Profile, Secrets, EnvVars>): VendorDefinition<Id, Profile, Secrets, EnvVars> {
  return definition
}
