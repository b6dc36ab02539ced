import {
  commands,
  events,
  isCommandName,
  type CommandName,
  type CommandOutput,
  type EventName,
  type EventPayload,
  type ParsedInput
} from '@shared/ipc/contract'
import { AppError, type Envelope } from '@shared/model/errors'

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void
export type Handler<K extends CommandName> = (input: ParsedInput<K>, emit: Emit) => Promise<CommandOutput<K>>
/** One handler per contract command: a missing one is a compile error. */
export type Handlers = { [K in CommandName]: Handler<K> }
/** The handlers of one contract domain (the commands named `<domain>:...`), one file each in ./handlers/. */
export type DomainHandlers<D extends string> = Pick<Handlers, Extract<CommandName, `${D}:${string}`>>

/**
 * Validates an untrusted (command, payload) pair against the contract, runs the handler and wraps the outcome in
 * the result envelope. Used by the Electron IPC registration and by the e2e test bridge alike. Unexpected errors
 * are reported without their stack or internals, which could carry paths or secrets.
 */
export async function dispatch(handlers: Handlers, command: unknown, payload: unknown, emit: Emit): Promise<Envelope<unknown>> {
  if (!isCommandName(command)) {
    return { ok: false, error: { code: 'UNKNOWN_COMMAND', message: `Unknown command ${describeCommand(command)}.` } }
  }
  const parsed = commands[command].input.safeParse(payload)
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${describePath(issue.path)}: ${issue.message}`)
      .join('; ')
    return { ok: false, error: { code: 'INVALID_INPUT', message: `Invalid input for ${command}: ${where}` } }
  }
  try {
    const run = handlers[command] as Handler<CommandName>
    return { ok: true, value: await run(parsed.data as ParsedInput<CommandName>, emit) }
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toJSON() }
    console.error(`[ipc] ${command} failed:`, error instanceof Error ? error.message : 'unknown error')
    return { ok: false, error: { code: 'INTERNAL', message: `${command} failed unexpectedly. See the app log for details.` } }
  }
}

/**
 * The refused name, quoted and cut to a readable length. Not String(value): that throws for a null-prototype
 * object, which a compromised renderer can send (found by test/property/ipc-schemas.property.test.ts).
 */
function describeCommand(command: unknown): string {
  if (typeof command !== 'string') return `(a ${command === null ? 'null' : typeof command}, not a command name)`
  return JSON.stringify(command.length > 60 ? `${command.slice(0, 60)}…` : command)
}

/**
 * Where in the payload an issue is. Keys come from the sender, so one that is not a plain name is shown cut short,
 * in brackets, with anything but letters, digits, space, `_`, `.` and `-` as `?`: a key holding ": " or a newline would otherwise
 * break the "path: message" form of the error (found by test/property/ipc-schemas.property.test.ts).
 */
function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(input)'
  return path
    .map((key) => {
      const name = String(key)
      // `undefined` and `null` as bare names would read as a missing value rather than a key.
      if (/^[A-Za-z_$][\w$]*$|^\d+$/.test(name) && name !== 'undefined' && name !== 'null') return name
      return `[${(name.length > 40 ? `${name.slice(0, 40)}…` : name).replace(/[^A-Za-z0-9 _.\-…]/g, '?')}]`
    })
    .join('.')
}

/** Validates an outgoing event payload in development builds and tests; events are produced by our own code. */
export function checkEvent<E extends EventName>(event: E, payload: EventPayload<E>): EventPayload<E> {
  return events[event].parse(payload) as EventPayload<E>
}
