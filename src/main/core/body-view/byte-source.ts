import { open, type FileHandle } from 'node:fs/promises'
import { AppError } from '@shared/model/errors'
import type { StoredBody } from '../stored-body/stored-body'
import { readMasked, type SecretBytes } from '../stored-body/secret-bytes'

/** Random-access reads over a kept body (memory or temp file), or over a file of a derived view. */
export interface ByteSource {
  read(position: number, length: number): Promise<Buffer>
  close(): Promise<void>
}

export function memorySource(data: Buffer): ByteSource {
  return { read: async (position, length) => data.subarray(position, position + length), close: async () => undefined }
}

export async function fileSource(path: string): Promise<ByteSource> {
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT'
      ? new AppError('NOT_FOUND', `The temp file of this response body is gone: ${path}`, 'Send the request again.')
      : error
  })
  return { read: (position, length) => readFully(handle, position, length), close: () => handle.close() }
}

export function storedSource(body: StoredBody): Promise<ByteSource> {
  return body.kind === 'memory' ? Promise.resolve(memorySource(body.data)) : fileSource(body.path)
}

/** A kept body as the renderer may see it: every secret form masked, even one straddling a read's edge. */
export async function maskedStoredSource(body: StoredBody, secrets: SecretBytes | null): Promise<ByteSource> {
  const inner = await storedSource(body)
  if (secrets === null) return inner
  return {
    read: (position, length) => readMasked((start, end) => inner.read(start, end - start), body.size, secrets, position, position + length),
    close: () => inner.close()
  }
}

async function readFully(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length)
  let filled = 0
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled)
    if (bytesRead === 0) break
    filled += bytesRead
  }
  return buffer.subarray(0, filled)
}
