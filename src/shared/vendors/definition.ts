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
  | { control: 'select'; key: string; label: string; testId: string; options: ReadonlyArray<{ value: string; label: string }> }
  | { control: 'text'; key: string; label: string; testId: string; autoComplete?: 'off' }
  /** A YYYY-MM-DD date; the empty input is stored as null. */
  | { control: 'date'; key: string; label: string; testId: string }

/**
 * Everything the shared and renderer code knows about one vendor API. Pure data and pure functions: every process
 * imports it, so it never touches node:*, the DOM or electron. How main applies the credential is not here; the
 * profile schema and secret slots are the contract between this file and main's auth.
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
  /** The session login (and logout) the snippets reproduce, paths relative to the environment's base URL. */
  login?: { path: string; logoutPath?: string }
  /** OAuth2 client credentials, when the vendor exchanges a client id and secret for a Bearer token. */
  clientCredentials?: ClientCredentials
  /** Features of the renderer that exist only for this vendor. */
  panels?: {
    /** Data Export iterator panel above the request tabs. */
    dataExportIterator?: boolean
    /** "Generate API key" and the SSO hint in the auth panel (the vendor has a username/password login). */
    generateApiKey?: boolean
  }
}

/**
 * The OAuth2 client-credentials exchange: `client_id` (the profile's `clientIdField`) and `client_secret` (the
 * secret slot `secret`) are posted as a form to `tokenPath`; the answer's access_token is sent as
 * `Authorization: Bearer` until expires_in (or the token's JWT exp) runs out. Main performs it
 * (src/main/core/auth/session-login.ts) and the snippets reproduce it (src/shared/snippets/plan.ts).
 */
export interface ClientCredentials {
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

/** Keeps the literal types of a definition (id, secret names, env-var names, login paths) while checking it is complete. */
export function defineVendor<
  const Id extends string,
  Profile extends z.ZodObject,
  const Secrets extends readonly SecretSlot[],
  const EnvVars extends Readonly<Record<string, string>>,
  const Login extends VendorDefinition['login'] = undefined,
  const Exchange extends ClientCredentials | undefined = undefined
>(
  definition: VendorDefinition<Id, Profile, Secrets, EnvVars> & { login?: Login; clientCredentials?: Exchange }
): VendorDefinition<Id, Profile, Secrets, EnvVars> & { login: Login; clientCredentials: Exchange } {
  return definition as VendorDefinition<Id, Profile, Secrets, EnvVars> & { login: Login; clientCredentials: Exchange }
}
