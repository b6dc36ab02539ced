import type { Environment } from '@shared/model/environment'
import type { KeyValue, RequestBody, RequestSpec } from '@shared/model/request'
import { AppError } from '@shared/model/errors'
import { joinBaseUrl, renderTemplate, type TemplateProblem } from '@shared/templating/template'

/**
 * Turns what the user typed into what goes on the wire: `{{variables}}` from the environment, and a path-only
 * URL joined to the environment's base URL. Missing variables are an error naming each one and where it is used.
 */
export function resolveRequest(spec: RequestSpec, environment: Environment | null): RequestSpec {
  const lookup = new Map<string, string>()
  if (environment) {
    lookup.set('baseUrl', environment.baseUrl)
    for (const variable of environment.variables) if (variable.enabled) lookup.set(variable.name, variable.value)
  }
  const problems: TemplateProblem[] = []
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
      environment ? `Define it in environment "${environment.name}".` : 'Select an environment that defines it.'
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
