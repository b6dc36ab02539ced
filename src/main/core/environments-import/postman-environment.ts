import { z } from 'zod'
import { VARIABLE_NAME, type EnvironmentVariable } from '@shared/model/environment'
import { AppError } from '@shared/model/errors'
import { isCredentialParam } from '@shared/redaction/redact'

/** A Postman environment export (`*.postman_environment.json`); Postman writes more fields, which are ignored. */
const PostmanEnvironmentSchema = z.looseObject({
  name: z.string().max(200).optional(),
  values: z
    .array(
      z.looseObject({
        key: z.string().max(200).optional(),
        value: z.unknown().optional(),
        enabled: z.boolean().optional(),
        type: z.string().max(32).optional()
      })
    )
    .max(500)
})

export interface ParsedPostmanEnvironment {
  name: string
  /** Secret-looking variables are here with no value (their values are in `secrets`). */
  variables: EnvironmentVariable[]
  /** Values to put in the vault if the user agrees; never written to the environment file. */
  secrets: Array<{ name: string; value: string }>
  warnings: string[]
}

const SECRET_WORDS = /token|passw|secret|key|credential|auth/i

/** Postman's own "secret" type, or a name that says it holds a credential (token, password, secret, key). */
export function looksSecret(name: string, type: string | undefined): boolean {
  return type === 'secret' || SECRET_WORDS.test(name) || isCredentialParam(name)
}

function fail(message: string): never {
  throw new AppError('INVALID_INPUT', `Cannot import the Postman environment: ${message}`)
}

export function parsePostmanEnvironment(text: string): ParsedPostmanEnvironment {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    fail('the file is not valid JSON.')
  }
  const parsed = PostmanEnvironmentSchema.safeParse(raw)
  if (!parsed.success) fail('there is no "values" list; export the environment from Postman (not a collection).')
  const result: ParsedPostmanEnvironment = { name: parsed.data.name?.trim() || 'Imported environment', variables: [], secrets: [], warnings: [] }
  const seen = new Set<string>()
  for (const entry of parsed.data.values) {
    const name = (entry.key ?? '').trim()
    if (name === '') continue
    if (!VARIABLE_NAME.test(name) || name.startsWith('secret.')) {
      result.warnings.push(`Variable "${name}" was skipped: {{name}} cannot refer to that name.`)
      continue
    }
    if (seen.has(name)) {
      result.warnings.push(`Variable "${name}" appears twice; the first value was kept.`)
      continue
    }
    seen.add(name)
    const value = typeof entry.value === 'string' ? entry.value : entry.value === undefined || entry.value === null ? '' : JSON.stringify(entry.value)
    const enabled = entry.enabled !== false
    if (looksSecret(name, entry.type)) {
      result.variables.push({ name, value: '', enabled, secret: true })
      if (value !== '') result.secrets.push({ name, value })
    } else {
      result.variables.push({ name, value, enabled, secret: false })
    }
  }
  return result
}
