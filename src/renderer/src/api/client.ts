/**
 * The only module in the renderer that touches `window.api`. Everything else calls `call()` / `on()`, which unwrap
 * the result envelope and throw a typed ApiError, so components never see envelopes or channel plumbing.
 */
import type {
  CommandInput,
  CommandName,
  CommandOutput,
  EventName,
  EventPayload,
  ExplorerApi
} from '@shared/ipc/contract'
import type { AppErrorShape, ErrorCode } from '@shared/model/errors'

declare global {
  interface Window {
    /** Provided by the preload (Electron) or by the test bridge shim (e2e). */
    api: ExplorerApi
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
    /** FILE_CONFIRMATION_REQUIRED: the local files main asks the user to confirm before uploading them. */
    readonly files?: string[]
  ) {
    super(message)
    this.name = 'ApiError'
  }

  static from(shape: AppErrorShape): ApiError {
    return new ApiError(shape.code, shape.message, shape.hint, shape.files)
  }

  toShape(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint === undefined ? {} : { hint: this.hint }),
      ...(this.files === undefined ? {} : { files: this.files })
    }
  }
}

function bridge(): ExplorerApi {
  // Checked at call time (not import time) so a missing preload shows as an error panel instead of a blank window.
  const api = (window as Partial<Window>).api
  if (!api) {
    throw new ApiError('INTERNAL', 'The app bridge (window.api) is missing.', 'Start the app through Electron (npm start).')
  }
  return api
}

export async function call<K extends CommandName>(command: K, input: CommandInput<K>): Promise<CommandOutput<K>> {
  const envelope = await bridge().call(command, input)
  if (envelope.ok) return envelope.value
  throw ApiError.from(envelope.error)
}

export function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return bridge().on(event, listener)
}

/** Normalises anything thrown into the {code, message, hint} the error panel shows. */
export function toErrorShape(error: unknown): AppErrorShape {
  if (error instanceof ApiError) return error.toShape()
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'INTERNAL', message: message || 'Unexpected error.' }
}
