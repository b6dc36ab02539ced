import type { Environment } from '@shared/model/environment'
import type { KeyValue, RequestBody, RequestSpec } from '@shared/model/request'
import { AppError } from '@shared/model/errors'
import { joinBaseUrl, listPlaceholders, renderTemplate, type TemplateProblem } from '@shared/templating/template'

const NO_VARIABLES: ReadonlyMap<string, string> = new Map()

/**
 * Turns what the user typed into what goes on the wire: `{{variables}}` from the environment, and a path-only
 * URL joined to the environment's base URL. Missing variables are an error naming each one and where it is used.
 * `secrets` holds `secret.NAME` (auth secrets) and the names of secret variables, revealed by the caller; a secret
 * variable's row in the environment has no value, so it never overrides them.
 */
export function resolveRequest(
  spec: RequestSpec,
  environment: Environment | null,
  secrets: ReadonlyMap<string, string> = NO_VARIABLES
): RequestSpec {
  let lookup = secrets
  if (environment) {
    const variables = new Map<string, string>(secrets)
    variables.set('baseUrl', environment.baseUrl)
    for (const variable of environment.variables) if (variable.enabled && variable.secret !== true) variables.set(variable.name, variable.value)
    lookup = variables
  }
  // `{{secret.NAME}}` values come from the vault (the caller passes them in as "secret.NAME").
  const renderer = new Renderer(lookup)
  const problems = renderer.problems
  const resolved: RequestSpec = {
    method: spec.method.trim().toUpperCase(),
    url: joinBaseUrl(environment?.baseUrl ?? '', renderer.render(spec.url.trim(), 'URL')),
    query: renderer.rows(spec.query, 'query parameter'),
    headers: renderer.rows(spec.headers, 'header'),
    body: resolveBody(spec.body, renderer)
  }
  if (problems.length > 0) {
    const list = problems.map((problem) => `{{${problem.variable}}} in ${problem.where}`).join(', ')
    throw new AppError(
      'INVALID_INPUT',
      `Unknown variable${problems.length > 1 ? 's' : ''}: ${list}.`,
      problems.some((problem) => problem.variable.startsWith('secret.'))
        ? 'Set the secret in the environment\'s auth panel; secrets are kept in the vault, not in variables.'
        : environment
          ? missingHint(environment, problems)
          : 'Select an environment that defines it.'
    )
  }
  return resolved
}

function missingHint(environment: Environment, problems: TemplateProblem[]): string {
  const where = `Environments > ${environment.name} > Variables`
  const unset = environment.variables.some((row) => row.secret === true && row.enabled && problems.some((problem) => problem.variable === row.name))
  return unset ? `A secret variable has no value yet: set it in ${where}.` : `Define it in ${where}.`
}

/**
 * Renders templates and collects unknown variables. Methods, not closures made per send: under tsx (the benches and
 * scripts), esbuild's keepNames gives every named closure a defineProperty that costs ~0.5 µs each time.
 */
class Renderer {
  readonly problems: TemplateProblem[] = []

  constructor(private readonly lookup: ReadonlyMap<string, string>) {}

  render(text: string, where: string): string {
    return renderTemplate(text, this.lookup, where, this.problems)
  }

  rows(items: KeyValue[], kind: string): KeyValue[] {
    return items
      .filter((item) => item.enabled)
      .map((item) => ({ ...item, name: this.render(item.name, `${kind} name`), value: this.render(item.value, `${kind} "${item.name}"`) }))
  }
}

function resolveBody(body: RequestBody, renderer: Renderer): RequestBody {
  switch (body.kind) {
    case 'none':
      return body
    case 'json':
    case 'text':
      return { ...body, text: renderer.render(body.text, 'body') }
    case 'form':
      return {
        kind: 'form',
        fields: body.fields
          .filter((field) => field.enabled)
          .map((field) => ({ ...field, value: renderer.render(field.value, `form field "${field.name}"`) }))
      }
    case 'multipart':
      return {
        kind: 'multipart',
        parts: body.parts.map((part) =>
          part.kind === 'text' ? { ...part, value: renderer.render(part.value, `multipart part "${part.name}"`) } : part
        )
      }
  }
}

/** Every `{{secret.NAME}}` the request refers to, so the runner can read just those from the vault. */
export function referencedSecrets(spec: RequestSpec): string[] {
  return referencedNames(spec).filter((name) => name.startsWith('secret.')).map((name) => name.slice('secret.'.length))
}

/** Every `{{name}}` the request uses (once each, `secret.*` included). */
export function referencedNames(spec: RequestSpec): string[] {
  const texts = [spec.url, ...spec.query.flatMap((row) => [row.name, row.value]), ...spec.headers.flatMap((row) => [row.name, row.value])]
  if (spec.body.kind === 'json' || spec.body.kind === 'text') texts.push(spec.body.text)
  if (spec.body.kind === 'form') texts.push(...spec.body.fields.map((field) => field.value))
  if (spec.body.kind === 'multipart') texts.push(...spec.body.parts.map((part) => (part.kind === 'text' ? part.value : '')))
  return [...new Set(texts.flatMap(listPlaceholders))]
}

/** The enabled secret variables of the environment that the request uses, so only those are read from the vault. */
export function referencedSecretVariables(spec: RequestSpec, environment: Environment): string[] {
  const secret = new Set(environment.variables.filter((row) => row.enabled && row.secret === true).map((row) => row.name))
  if (secret.size === 0) return []
  return referencedNames(spec).filter((name) => secret.has(name))
}
