import type { Environment } from '@shared/model/environment'
import type { RequestSpec } from '@shared/model/request'
import type { SecretName } from '@shared/model/auth'
import { AUTH_SECRET_NAMES } from '@shared/model/auth'
import type { Settings } from '@shared/model/settings'
import { generateSnippet, type SnippetInput, type SnippetLanguage } from '@shared/snippets'
import { secretSlot, snippetEnvVar } from '@shared/vendors/registry'
import { maskErrorSecrets } from '@shared/redaction/secret-values'
import { referencedSecrets, referencedSecretVariables, resolveRequest } from '../resolve-request'
import { secretKey, variableSecretKey, type Vault } from '../vault/vault'
import { AppError } from '@shared/model/errors'
import { hostDialogs, type PlatformPort } from '../ports/platform-port'
import { saveSnippetFile } from './snippet-file'

export interface SnippetRequest {
  spec: RequestSpec
  environment: Environment | null
  language: SnippetLanguage
  /** The user explicitly asked to embed secret values; only then is the vault read. */
  inlineSecrets: boolean
  /**
   * With inlineSecrets: true puts the real values in (for copy / save, which main performs itself); false shows a
   * masked stand-in, so the snippet the renderer displays never carries a secret (house rule 1).
   */
  reveal?: boolean
  iterator?: { index: string; operation: string } | null
}

export interface GeneratedSnippet {
  code: string
  language: SnippetLanguage
  /** Environment variables the snippet reads (empty when secrets are inlined). */
  envVars: Array<{ name: string; what: string }>
  inlined: boolean
}

const DATA_EXPORT = /\/api\/v2\/events\/dataexport\//

/**
 * Builds the snippet input the way a send would: variables resolved against the environment, the environment's
 * auth, TLS and timeouts, and whether the vault holds an ICS API key (the app then sends only that).
 */
export async function createSnippet(request: SnippetRequest, settings: Settings, vault: Vault): Promise<GeneratedSnippet> {
  const { environment, inlineSecrets } = request
  /** The real values put in (copy / save only): an error about the request must not quote them. */
  const revealed: string[] = []
  const read = async (key: string, label: string): Promise<string | null> => {
    const value = await vault.reveal(key)
    if (value === null) return null
    if (request.reveal !== true) return maskFor(label)
    revealed.push(value)
    return value
  }
  const secrets = new Map<string, string>()
  for (const name of referencedSecrets(request.spec)) {
    const revealed = inlineSecrets && environment ? await read(secretKey(environment.id, name), name) : null
    // Not inlined: the reference stays visible as text so the user sees where a secret belongs.
    secrets.set(`secret.${name}`, revealed ?? `{{secret.${name}}}`)
  }
  for (const name of environment ? referencedSecretVariables(request.spec, environment) : []) {
    const value = inlineSecrets && environment ? await read(variableSecretKey(environment.id, name), name) : null
    secrets.set(name, value ?? `{{${name}}}`)
  }
  const resolved = resolveRequest(request.spec, environment, secrets)
  const auth = environment?.auth ?? { kind: 'none' as const }
  const input: SnippetInput = {
    request: resolved,
    auth,
    environmentName: environment?.name ?? 'No environment',
    baseUrl: environment?.baseUrl ?? '',
    tls: environment?.tls ?? { verify: true, caPath: null },
    timeouts: { connectMs: settings.connectTimeoutMs, totalMs: settings.totalTimeoutMs },
    acceptGzip: true,
    secrets: inlineSecrets ? { inline: await inlineValues(environment, read) } : 'env',
    iterator: request.iterator ?? iteratorOf(resolved)
  }
  if (environment) input.storedSecrets = (AUTH_SECRET_NAMES[auth.kind] as readonly SecretName[]).filter((name) => vault.has(secretKey(environment.id, name)))
  let code: string
  try {
    code = generateSnippet(input, request.language)
  } catch (error) {
    throw maskErrorSecrets(error, revealed)
  }
  const names = AUTH_SECRET_NAMES[auth.kind] as readonly SecretName[]
  const envVars = inlineSecrets
    ? []
    : names
        .map((name) => ({ name: snippetEnvVar(auth.kind, name), what: secretSlot(auth.kind, name)?.label ?? name }))
        .filter((envVar) => envVar.name !== '' && code.includes(envVar.name))
  return { code, language: request.language, envVars, inlined: inlineSecrets }
}

/** What the displayed snippet shows where a secret will be inserted on copy / save. */
export function maskFor(label: string): string {
  return `<secret: ${label}, inserted on copy or save>`
}

async function inlineValues(
  environment: Environment | null,
  read: (key: string, label: string) => Promise<string | null>
): Promise<Partial<Record<SecretName, string>>> {
  const values: Partial<Record<SecretName, string>> = {}
  if (!environment) return values
  for (const name of AUTH_SECRET_NAMES[environment.auth.kind] as readonly SecretName[]) {
    const value = await read(secretKey(environment.id, name), secretSlot(environment.auth.kind, name)?.label ?? name)
    if (value !== null) values[name] = value
  }
  return values
}

/** A Data Export GET with index + operation in the query gets the paging loop. */
function iteratorOf(spec: RequestSpec): SnippetInput['iterator'] {
  if (spec.method.toUpperCase() !== 'GET' || !URL.canParse(spec.url)) return undefined
  const url = new URL(spec.url)
  if (!DATA_EXPORT.test(url.pathname)) return undefined
  const find = (name: string): string | undefined => spec.query.find((row) => row.enabled && row.name === name)?.value ?? url.searchParams.get(name) ?? undefined
  const index = find('index')
  const operation = find('operation')
  return index !== undefined && operation !== undefined && operation !== '' ? { index, operation } : undefined
}

/** A snippet request as the renderer sends it: the environment by id. */
export type SnippetCommand = Omit<SnippetRequest, 'environment' | 'reveal'> & { environmentId: string | null }

export interface SnippetActions {
  /** The code to display: a secret the user asked to inline shows as a masked stand-in. */
  generate(request: SnippetCommand): Promise<GeneratedSnippet>
  /** Save dialog, then the code with real secret values (when asked) written atomically; path null = cancelled. */
  save(request: SnippetCommand): Promise<{ path: string | null }>
  /** The code with real secret values (when asked) put on the OS clipboard by main itself. */
  copy(request: SnippetCommand): Promise<{ copied: boolean }>
}

export function createSnippetActions(
  deps: { environmentOf(id: string): Environment; settings(): Settings; vault: Vault },
  platform: PlatformPort
): SnippetActions {
  /** `reveal`: only copy and save (main-side actions) put real secret values in; the displayed code is masked. */
  const snippet = (request: SnippetCommand, reveal: boolean): Promise<GeneratedSnippet> =>
    createSnippet(
      { ...request, environment: request.environmentId === null ? null : deps.environmentOf(request.environmentId), reveal },
      deps.settings(),
      deps.vault
    )
  return {
    generate: (request) => snippet(request, false),
    async save(request) {
      const path = await hostDialogs(platform).pickSavePath('snippet', request.language === 'python' ? 'request.py' : 'request.sh')
      if (path === null) return { path }
      const { code } = await snippet(request, true)
      await saveSnippetFile(path, code, request.language)
      return { path }
    },
    async copy(request) {
      if (!platform.writeClipboard) throw new AppError('INTERNAL', 'This host has no clipboard.')
      platform.writeClipboard((await snippet(request, true)).code)
      return { copied: true }
    }
  }
}
