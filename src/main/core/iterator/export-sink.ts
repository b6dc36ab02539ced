/**
 * Export sinks for iterator pages: NDJSON, JSON array or CSV, written page by page to a temp file beside the
 * target and renamed over it only when the run finishes. Memory holds one page at a time, whatever the total.
 * A cancelled or failed run deletes the temp file, so nothing partial is ever left looking like a whole export.
 *
 * CSV columns: the union of keys of the first page, in first-seen order, plus a last `_extra` column. A key first
 * seen on a later page goes into `_extra` as a JSON object, so every row has the same number of fields and the
 * file is written in one pass (no rewrite at the end). Objects and arrays are JSON text in their cell.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, open, rename, unlink, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { AppError } from '@shared/model/errors'
import type { ExportFormat } from '@shared/iterator/iterator-model'
import { PageRecords, type JsonRecord } from './page-records'

export type { JsonRecord } from './page-records'

export interface ExportSink {
  readonly path: string
  write(records: PageRecords): Promise<void>
  /** Flushes, fsyncs and renames the temp file over `path`. */
  finish(): Promise<void>
  /** Deletes the temp file; `path` is left as it was before the run. */
  abort(): Promise<void>
}

interface Encoder {
  head(records: PageRecords): string
  /** Bytes where the page has them (NDJSON of a streamed page is written as received, no string built). */
  page(records: PageRecords): string | Buffer
  tail(): string
}

export const CSV_EXTRA_COLUMN = '_extra'

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function csvEncoder(): Encoder {
  let columns: string[] = []
  let known = new Set<string>()
  return {
    head(records) {
      for (const record of records.parsed()) for (const key of Object.keys(record)) known.add(key)
      known.delete(CSV_EXTRA_COLUMN)
      columns = [...known]
      known = new Set(columns)
      return [...columns, CSV_EXTRA_COLUMN].map(csvCell).join(',') + '\r\n'
    },
    page(records) {
      let out = ''
      for (const record of records.parsed()) {
        let extra: JsonRecord | null = null
        for (const key of Object.keys(record)) {
          if (!known.has(key)) (extra ??= {})[key] = record[key]
        }
        out += columns.map((column) => csvCell(record[column])).join(',') + ',' + (extra ? csvCell(extra) : '') + '\r\n'
      }
      return out
    },
    tail: () => ''
  }
}

const encoders: Record<ExportFormat, () => Encoder> = {
  ndjson: () => ({
    head: () => '',
    page: (records) => records.ndjson(),
    tail: () => ''
  }),
  json: () => {
    let wroteRecords = false
    return {
      head: () => '[',
      page(records) {
        if (records.length === 0) return ''
        const text = (wroteRecords ? ',\n' : '\n') + records.raw.join(',\n')
        wroteRecords = true
        return text
      },
      tail: () => (wroteRecords ? '\n]\n' : ']\n')
    }
  },
  csv: csvEncoder
}

export async function openExportSink(format: ExportFormat, path: string): Promise<ExportSink> {
  const dir = dirname(path)
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`)
  let handle: FileHandle
  try {
    await mkdir(dir, { recursive: true })
    handle = await open(temp, 'w', 0o600)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error'
    throw new AppError('INVALID_INPUT', `Cannot create the export file in ${dir} (${code}).`, 'Choose a folder you can write to.')
  }
  const encoder = encoders[format]()
  let started = false
  let closed = false
  const put = async (data: string | Buffer): Promise<void> => {
    if (typeof data === 'string') {
      if (data !== '') await handle.write(data)
      return
    }
    // One write per page; a regular file may still take it in parts.
    for (let done = 0; done < data.length; ) done += (await handle.write(data, done)).bytesWritten
  }
  const start = async (records: PageRecords): Promise<void> => {
    if (started) return
    started = true
    await put(encoder.head(records))
  }
  return {
    path,
    async write(records) {
      // CSV takes its columns from the first page with records; an empty first page does not fix them.
      if (!started && records.length === 0) return
      await start(records)
      await put(encoder.page(records))
    },
    async finish() {
      await start(new PageRecords([]))
      await put(encoder.tail())
      await handle.sync()
      await handle.close()
      closed = true
      try {
        await rename(temp, path)
      } catch (error) {
        await unlink(temp).catch(() => undefined)
        const code = (error as NodeJS.ErrnoException).code ?? 'unknown error'
        throw new AppError('INTERNAL', `Cannot move the finished export to ${path} (${code}).`)
      }
    },
    async abort() {
      if (!closed) await handle.close().catch(() => undefined)
      closed = true
      await unlink(temp).catch(() => undefined)
    }
  }
}
