import type { AppErrorShape } from '@shared/model/errors'
import type { KeyValue, MultipartPart, RequestBody } from '@shared/model/request'
import type { HeaderPair } from '@shared/model/response'
import { keptPreview, type HistoryInput } from './build-entry'

/**
 * The send path's hand-off to the history worker as bytes. Each send is written into one buffer as it finishes (only
 * what buildHistoryEntry reads, the response preview already cut to what history keeps), and a copy of its bytes is
 * posted as one message per burst (main keeps that copy to re-add if the worker dies). Posting the input objects
 * instead cost main ~2.4 µs per send in structured cloning, plus holding every send's result alive until the post;
 * writing the same fields here costs about 1 µs and holds nothing (re-measured: bench/README.md, "Simplified").
 *
 * Layout: per send, fields in the order of `write` below; a string is its UTF-8 byte length (u32, NULL for a missing
 * one) then its bytes; numbers are f64, counts u32, flags u8, all little-endian.
 */
const NULL = 0xffffffff
const INITIAL_BYTES = 64 * 1024
const BODY_KINDS = ['none', 'json', 'text', 'form', 'multipart'] as const

export class HistoryBatchWriter {
  private buffer = Buffer.allocUnsafe(INITIAL_BYTES)
  private view = viewOf(this.buffer)
  private at = 0
  /** Sends written since the last take(). */
  private count = 0

  add(input: HistoryInput, finishedAt: number): void {
    const start = this.at
    try {
      this.write(input, finishedAt)
      this.count++
    } catch (error) {
      this.at = start // a send that cannot be written leaves nothing half-written in the batch
      throw error
    }
  }

  /** A copy of the sends written so far (the writer then starts over in its buffer); null when there are none. */
  take(): Uint8Array | null {
    if (this.count === 0) return null
    const bytes = new Uint8Array(this.buffer.subarray(0, this.at))
    this.at = 0
    this.count = 0
    return bytes
  }

  private write(input: HistoryInput, finishedAt: number): void {
    const { spec, result, error } = input
    this.string(spec.method)
    this.string(spec.url)
    this.rows(spec.query)
    this.rows(spec.headers)
    this.body(spec.body)
    this.string(input.environmentId)
    this.string(input.operationId)
    this.string(input.savedRequestId)
    this.string(input.sentUrl)
    this.number(finishedAt)
    const secretValues = input.secretValues
    this.count32(secretValues?.length ?? 0)
    if (secretValues) for (const value of secretValues) this.string(value)
    this.flag(error !== undefined)
    if (error !== undefined) {
      this.string(error.code)
      this.string(error.message)
      this.string(error.hint)
    }
    this.flag(result !== undefined)
    if (result === undefined) return
    this.number(result.status)
    this.string(result.statusText)
    this.string(result.httpVersion)
    this.number(result.sizes.wireBytes)
    this.number(result.sizes.decodedBytes)
    this.number(result.sizes.headerBytes)
    this.string(result.contentType)
    this.count32(result.headers.length)
    for (const [name, value] of result.headers) {
      this.string(name)
      this.string(value)
    }
    const preview = keptPreview(result.preview)
    this.string(preview.text)
    this.flag(preview.truncated)
    this.flag(preview.binary)
    this.number(result.timings.totalMs)
    this.string(result.requestEcho.url)
  }

  private body(body: RequestBody): void {
    this.byte(BODY_KINDS.indexOf(body.kind))
    if (body.kind === 'json') this.string(body.text)
    else if (body.kind === 'text') {
      this.string(body.text)
      this.string(body.contentType)
    } else if (body.kind === 'form') this.rows(body.fields)
    else if (body.kind === 'multipart') this.parts(body.parts)
  }

  private parts(parts: MultipartPart[]): void {
    this.count32(parts.length)
    for (const part of parts) {
      this.flag(part.kind === 'file')
      this.string(part.name)
      this.string(part.kind === 'file' ? part.path : part.value)
      this.string(part.kind === 'file' ? part.filename : null)
      this.string(part.contentType)
    }
  }

  private rows(rows: KeyValue[]): void {
    this.count32(rows.length)
    for (const row of rows) {
      this.string(row.name)
      this.string(row.value)
      this.flag(row.enabled)
    }
  }

  private string(text: string | null | undefined): void {
    if (text === null || text === undefined) return this.count32(NULL)
    this.room(4 + 3 * text.length) // UTF-8 takes at most 3 bytes per UTF-16 unit
    const start = this.at + 4
    const length = this.buffer.write(text, start)
    this.view.setUint32(this.at, length, true)
    this.at = start + length
  }

  private number(value: number): void {
    this.room(8)
    this.view.setFloat64(this.at, value, true)
    this.at += 8
  }

  private count32(value: number): void {
    this.room(4)
    this.view.setUint32(this.at, value, true)
    this.at += 4
  }

  private flag(value: boolean): void {
    this.byte(value ? 1 : 0)
  }

  private byte(value: number): void {
    this.room(1)
    this.buffer[this.at++] = value
  }

  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return
    const grown = Buffer.allocUnsafe(Math.max(2 * this.buffer.length, this.at + bytes))
    this.buffer.copy(grown, 0, 0, this.at)
    this.buffer = grown
    this.view = viewOf(grown)
  }
}

function viewOf(buffer: Buffer): DataView {
  return new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}

/** Reads back what HistoryBatchWriter wrote, in order. */
export function decodeHistoryBatch(bytes: Uint8Array): HistoryInput[] {
  const reader = new Reader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  const inputs: HistoryInput[] = []
  while (!reader.done()) inputs.push(reader.input())
  return inputs
}

class Reader {
  private at = 0

  constructor(private readonly buffer: Buffer) {}

  done(): boolean {
    return this.at >= this.buffer.length
  }

  input(): HistoryInput {
    const spec = { method: this.text(), url: this.text(), query: this.rows(), headers: this.rows(), body: this.body() }
    const input: HistoryInput = { spec, environmentId: this.string(), operationId: this.string(), savedRequestId: this.string() }
    const sentUrl = this.string()
    if (sentUrl !== null) input.sentUrl = sentUrl
    input.finishedAt = this.number()
    const secretValues: string[] = []
    for (let n = this.count32(); n > 0; n--) secretValues.push(this.text())
    if (secretValues.length > 0) input.secretValues = secretValues
    if (this.byte() === 1) input.error = this.error()
    if (this.byte() === 0) return input
    input.result = {
      status: this.number(),
      statusText: this.text(),
      httpVersion: this.text(),
      sizes: { wireBytes: this.number(), decodedBytes: this.number(), headerBytes: this.number() },
      contentType: this.string(),
      headers: this.pairs(),
      preview: { text: this.text(), truncated: this.byte() === 1, binary: this.byte() === 1 },
      timings: { totalMs: this.number() },
      requestEcho: { url: this.text() }
    }
    return input
  }

  private body(): RequestBody {
    const kind = BODY_KINDS[this.byte()]
    switch (kind) {
      case 'json':
        return { kind, text: this.text() }
      case 'text': {
        const text = this.text()
        const contentType = this.string()
        return contentType === null ? { kind, text } : { kind, text, contentType }
      }
      case 'form':
        return { kind, fields: this.rows() }
      case 'multipart':
        return { kind, parts: this.parts() }
      default:
        return { kind: 'none' }
    }
  }

  private error(): AppErrorShape {
    const error: AppErrorShape = { code: this.text() as AppErrorShape['code'], message: this.text() }
    const hint = this.string()
    return hint === null ? error : { ...error, hint }
  }

  private parts(): MultipartPart[] {
    const parts: MultipartPart[] = []
    for (let n = this.count32(); n > 0; n--) {
      const file = this.byte() === 1
      const name = this.text()
      const valueOrPath = this.text()
      const filename = this.string()
      const contentType = this.string()
      const part: MultipartPart = file
        ? { kind: 'file', name, path: valueOrPath, ...(filename === null ? {} : { filename }) }
        : { kind: 'text', name, value: valueOrPath }
      if (contentType !== null) part.contentType = contentType
      parts.push(part)
    }
    return parts
  }

  private rows(): KeyValue[] {
    const rows: KeyValue[] = []
    for (let n = this.count32(); n > 0; n--) rows.push({ name: this.text(), value: this.text(), enabled: this.byte() === 1 })
    return rows
  }

  private pairs(): HeaderPair[] {
    const pairs: HeaderPair[] = []
    for (let n = this.count32(); n > 0; n--) pairs.push([this.text(), this.text()])
    return pairs
  }

  private text(): string {
    return this.string() ?? ''
  }

  private string(): string | null {
    const length = this.count32()
    if (length === NULL) return null
    this.at += length
    return this.buffer.toString('utf8', this.at - length, this.at)
  }

  private number(): number {
    this.at += 8
    return this.buffer.readDoubleLE(this.at - 8)
  }

  private count32(): number {
    this.at += 4
    return this.buffer.readUInt32LE(this.at - 4)
  }

  private byte(): number {
    return this.buffer[this.at++] ?? 0
  }
}
