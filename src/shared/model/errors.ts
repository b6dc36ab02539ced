import { z } from 'zod'

/** Every failure the user can see has one of these codes and a message that says what and where. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'INVALID_URL',
  'UNSUPPORTED_SCHEME',
  'INVALID_HEADER',
  'INVALID_BODY',
  'FILE_NOT_FOUND',
  'FILE_CONFIRMATION_REQUIRED',
  'DNS_FAILURE',
  'CONNECTION_REFUSED',
  'CONNECTION_RESET',
  'TLS_SELF_SIGNED',
  'TLS_UNTRUSTED',
  'TLS_EXPIRED',
  'TLS_HOSTNAME_MISMATCH',
  'TLS_ERROR',
  'TIMEOUT_CONNECT',
  'TIMEOUT_TOTAL',
  'CANCELLED',
  'DECODED_SIZE_CAP',
  'DECODE_ERROR',
  'TOO_MANY_REDIRECTS',
  'REDIRECT_REFUSED',
  'NETWORK_ERROR',
  'NOT_FOUND',
  'FORBIDDEN_SENDER',
  'UNKNOWN_COMMAND',
  'INTERNAL'
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export const AppErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** Optional hint on how to proceed, e.g. "add the CA in the environment's TLS settings". */
  hint: z.string().optional(),
  /** FILE_CONFIRMATION_REQUIRED: the local files the user is asked to confirm before they are uploaded. */
  files: z.array(z.string()).optional()
})
export type AppErrorShape = z.infer<typeof AppErrorSchema>

/** Thrown by core; turned into the envelope's error by the IPC layer. Never carries secrets. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
    readonly files?: string[]
  ) {
    super(message)
    this.name = 'AppError'
  }
  toJSON(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint === undefined ? {} : { hint: this.hint }),
      ...(this.files === undefined ? {} : { files: this.files })
    }
  }
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape }
