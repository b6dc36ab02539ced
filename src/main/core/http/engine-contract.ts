import type { RequestSpec } from '@shared/model/request'
import type { BodyChunk, SendResult } from '@shared/model/response'
import type { EventPayload } from '@shared/ipc/contract'
import type { BodyViews } from '../body-view/body-views'
import type { CancelSignal } from '../runs/run-signal'

export type Progress = Omit<EventPayload<'request:progress'>, 'runId'>

export interface SendOptions {
  connectTimeoutMs: number
  totalTimeoutMs: number
  maxRedirects: number
  maxDecodedBytes: number
  tls: { verify: boolean; caPath: string | null }
  signal?: CancelSignal
  onProgress?: (progress: Progress) => void
  /**
   * Asked at the final response's head: a function returned here receives the decoded body chunk by chunk instead
   * of the body store (iterator pages are split while they stream in). Such a body is not kept: the result's
   * responseId reads nothing and only the preview (the first bytes) remains. Null keeps the body as usual.
   */
  receiveBody?: (status: number) => BodyReceiver | null
  /**
   * Every secret value this send carries: the vault values its `{{secret.*}}` references resolved to, the
   * environment's credential secrets, and tokens derived from them (a login session). What goes back to the
   * renderer, error messages and history are masked against it (src/shared/redaction/secret-values.ts), in every
   * encoding. The authenticator appends derived tokens, so it is a mutable array owned by one send.
   */
  secretValues?: string[]
}

/** Takes each decoded chunk synchronously; it must not throw (a throw fails the send). */
export type BodyReceiver = (chunk: Buffer) => void

/**
 * The request engine (undici). `spec` arrives fully resolved (no {{variables}}, absolute URL).
 * Failures are thrown as AppError with a code and a message that says what went wrong and where.
 */
export interface HttpEngine {
  send(spec: RequestSpec, options: SendOptions): Promise<SendResult>
  /** Reads decoded body bytes [offset, offset+length) of a kept response, as UTF-8 text cut on a character boundary. */
  readBody(responseId: string, offset: number, length: number): Promise<BodyChunk>
  release(responseId: string): Promise<boolean>
  /**
   * Keeps text as a response body under a new id, read, searched, saved and released like a received one (a response
   * re-opened from history, core/history/stored-response.ts).
   */
  keepText(text: string): Promise<string>
  /** Windowed rows, streamed search and save-to-file over kept bodies (the large-body viewer). */
  views: BodyViews
  /** Closes connection pools and deletes every kept body file. */
  close(): Promise<void>
}

export interface EngineConfig {
  /** Folder for response body temp files (created if missing). */
  tempDir: string
  /** Bytes of decoded body returned as the preview (default 256 KiB). */
  previewBytes?: number
  /**
   * A send's progress events start once it has run this long (default PROGRESS_DELAY_MS, 50 ms; shown within 50 ms
   * after that), so quick sends emit none; 0 emits every phase from the start.
   */
  progressDelayMs?: number
}
