/**
 * THE IPC contract. Every command and event the renderer can use is declared once, with zod schemas for its input
 * (validated in main) and output, in one file per domain under ./contract/ (the commands named `<domain>:...`),
 * merged here. Channel names appear nowhere else. Adding a command = adding an entry to its domain's file; the
 * compiler then demands a handler in src/main/ipc/handlers/<domain>.ts (see ARCHITECTURE.md, "How to add a command").
 */
import type { z } from 'zod'
import type { Envelope } from '../model/errors'
import { requestCommands, requestEvents } from './contract/request'
import { responseCommands } from './contract/response'
import { settingsCommands } from './contract/settings'
import { environmentCommands } from './contract/environment'
import { vaultCommands } from './contract/vault'
import { authCommands } from './contract/auth'
import { sandboxCommands } from './contract/sandbox'
import { appCommands } from './contract/app'
import { dialogCommands } from './contract/dialog'
import { fileCommands } from './contract/file'
import { historyCommands } from './contract/history'
import { snippetCommands } from './contract/snippet'
import { collectionCommands } from './contract/collection'
import { catalogCommands } from './contract/catalog'
import { curlCommands } from './contract/curl'
import { iteratorCommands, iteratorEvents } from './contract/iterator'
import { workspaceCommands } from './contract/workspace'

export { SandboxStatusSchema, type SandboxStatus } from './contract/sandbox'

export const commands = {
  ...requestCommands,
  ...responseCommands,
  ...settingsCommands,
  ...environmentCommands,
  ...vaultCommands,
  ...authCommands,
  ...sandboxCommands,
  ...appCommands,
  ...dialogCommands,
  ...fileCommands,
  ...historyCommands,
  ...snippetCommands,
  ...collectionCommands,
  ...catalogCommands,
  ...curlCommands,
  ...iteratorCommands,
  ...workspaceCommands
} as const

export const events = {
  ...requestEvents,
  ...iteratorEvents
} as const

export type CommandName = keyof typeof commands
export type EventName = keyof typeof events
/** What the renderer passes (defaults may be omitted). */
export type CommandInput<K extends CommandName> = z.input<(typeof commands)[K]['input']>
/** What a handler receives after validation (defaults applied). */
export type ParsedInput<K extends CommandName> = z.output<(typeof commands)[K]['input']>
export type CommandOutput<K extends CommandName> = z.output<(typeof commands)[K]['output']>
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>

export const commandNames = Object.keys(commands) as CommandName[]
export const eventNames = Object.keys(events) as EventName[]

export function isCommandName(value: unknown): value is CommandName {
  return typeof value === 'string' && Object.hasOwn(commands, value)
}
export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value)
}

/** The whole surface the preload exposes to the page (as `api` on the window). */
export interface ExplorerApi {
  call<K extends CommandName>(command: K, input: CommandInput<K>): Promise<Envelope<CommandOutput<K>>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}
