/** Form values of the iterator panel's controls and their conversion to an `iterator:start` input (pure, testable). */
import {
  ALERT_TYPES, convertLegacyEndpoint, DEFAULT_INDEX, EVENT_TYPES, parseIteratorEndpoint, validateIndexName,
  type ExportFormat, type IteratorMode, type IteratorStart
} from './iterator-model'

export type OperationChoice = 'next' | 'head' | 'tail' | 'resend' | 'resume' | 'date'

export interface IteratorForm {
  kind: 'events' | 'alerts'
  type: string
  index: string
  operation: OperationChoice
  /** datetime-local value, used when operation is 'date' */
  from: string
  mode: IteratorMode
  /** datetime-local value or '' */
  until: string
  format: ExportFormat
  exportPath: string | null
}

export const TYPES = { events: EVENT_TYPES, alerts: ALERT_TYPES } as const

/** Defaults, taking the endpoint from the request URL when it is a dataexport or legacy events/data path. */
export function initialForm(url: string): { form: IteratorForm; note: string | null } {
  const path = pathOf(url)
  const direct = parseIteratorEndpoint(path)
  const legacy = direct ? null : convertLegacyEndpoint(path)
  const endpoint = direct ?? (legacy ? parseIteratorEndpoint(legacy.endpoint) : null) ?? { kind: 'alerts' as const, type: 'dlp' }
  return {
    form: { kind: endpoint.kind, type: endpoint.type, index: DEFAULT_INDEX, operation: 'next', from: '', mode: 'until-caught-up',
      until: '', format: 'ndjson', exportPath: null },
    note: legacy ? `Converted ${path} to ${legacy.endpoint}. ${legacy.note}` : null
  }
}

function pathOf(url: string): string {
  const noQuery = url.split('?')[0] ?? ''
  const match = /^[a-z]+:\/\/[^/]+(\/.*)?$/i.exec(noQuery)
  if (match) return match[1] ?? '/'
  return noQuery.replace(/^\{\{[^}]+\}\}/, '')
}

/** A datetime-local value (the browser's local time) as epoch seconds; null when empty or invalid. */
export const toEpoch = (local: string): number | null => {
  if (local === '') return null
  const ms = new Date(local).getTime()
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000)
}

/** The start input, or a message saying which field is wrong. */
export function toStartInput(form: IteratorForm, environmentId: string): { input: Omit<IteratorStart, 'runId'> } | { problem: string } {
  const indexProblem = validateIndexName(form.index)
  if (indexProblem) return { problem: indexProblem }
  let operation: IteratorStart['operation'] = form.operation === 'date' ? 0 : form.operation
  if (form.operation === 'date') {
    const epoch = toEpoch(form.from)
    if (epoch === null) return { problem: 'Pick the date and time to start from.' }
    operation = epoch
  }
  const endTime = toEpoch(form.until)
  if (form.until !== '' && endTime === null) return { problem: 'The end time is not a valid date and time.' }
  return {
    input: {
      environmentId, endpoint: `/api/v2/events/dataexport/${form.kind}/${form.type}`, index: form.index, operation, mode: form.mode,
      ...(endTime === null ? {} : { endTime }),
      ...(form.exportPath === null ? {} : { export: { format: form.format, path: form.exportPath } })
    }
  }
}
