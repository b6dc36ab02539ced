import type { Environment } from '@shared/model/environment'
import type { KeyValue, RequestBody, RequestSpec } from '@shared/model/request'
import { AppError } from '@shared/model/errors'
import { joinBaseUrl, listPlaceholders, renderTemplate, type TemplateProblem } from '@shared/templating/template'

/**
 * Turns what the user typed into what goes on the wire: `{{variables}}` from the environment, and a path-only
 * URL joined to the environment's base URL. Missing variables are an error naming each one and where it is used.
 */
export function resolveRequest(
  spec: RequestSpec,
  environment: Environment | null,
  secrets: ReadonlyMap<string, string> = new Map()
): RequestSpec {
  const lookup = new Map<string, string>(secrets)
  if (environment) {
    lookup.set('baseUrl', environment.baseUrl)
    for (const variable of environment.variables) if (variable.enabled) lookup.set(variable.name, variable.value)
  }
  const problems: TemplateProblem[] = []
  // `{{secret.NAME}}` values come from the vault (the caller passes them in as "secret.NAME").
  const render = (text: string, where: string): string => renderTemplate(text, lookup, where, problems)
  const rows = (items: KeyValue[], kind: string): KeyValue[] =>
    items
      .filter((item) => item.enabled)
      .map((item) => ({ ...item, name: render(item.name, `${kind} name`), value: render(item.value, `${kind} "${item.name}"`) }))

  const resolved: RequestSpec = {
    method: spec.method.trim().toUpperCase(),
    url: joinBaseUrl(environment?.baseUrl ?? '', render(spec.url.trim(), 'URL')),
    query: rows(spec.query, 'query parameter'),
    headers: rows(spec.headers, 'header'),
    body: resolveBody(spec.body, render)
  }
  if (problems.length > 0) {
    const list = problems.map((problem) => `{{${problem.variable}}} in ${problem.where}`).join(', ')
    throw new AppError(
      'INVALID_INPUT',
      `Unknown variable${problems.length > 1 ? 's' : ''}: ${list}.`,
      problems.some((problem) => problem.variable.startsWith('secret.'))
        ? 'Set the secret in the environment\'s auth panel; secrets are kept in the vault, not in variables.'
        : environment
          ? `Define it in environment "${environment.name}".`
          : 'Select an environment that defines it.'
    )
  }
  return resolved
}

function resolveBody(body: RequestBody, render: (text: string, where: string) => string): RequestBody {
  switch (body.kind) {
    case 'none':
      return body
    case 'json':
    case 'text':
      return { ...body, text: render(body.text, 'body') }
    case 'form':
      return {
        kind: 'form',
        fields: body.fields
          .filter((field) => field.enabled)
          .map((field) => ({ ...field, value: render(field.value, `form field "${field.name}"`) }))
      }
    case 'multipart':
      return {
        kind: 'multipart',
        parts: body.parts.map((part) =>
          part.kind === 'text' ? { ...part, value: render(part.value, `multipart part "${part.name}"`) } : part
        )
      }
  }
}

/** Every `{{secret.NAME}}` the request refers to, so the runner can read just those from the vault. */
export function referencedSecrets(spec: RequestSpec): string[] {
  const texts = [spec.url, ...spec.query.flatMap((row) => [row.name, row.value]), ...spec.headers.flatMap((row) => [row.name, row.value])]
  if (spec.body.kind === 'json' || spec.body.kind === 'text') texts.push(spec.body.text)
  if (spec.body.kind === 'form') texts.push(...spec.body.fields.map((field) => field.value))
  if (spec.body.kind === 'multipart') texts.push(...spec.body.parts.map((part) => (part.kind === 'text' ? part.value : '')))
  const names = texts.flatMap(listPlaceholders).filter((name) => name.startsWith('secret.'))
  return [...new Set(names)].map((name) => name.slice('secret.'.length))
}
