/**
 * Data Export iterator: `/api/v2/events/dataexport/{events|alerts}/{type}?index=&operation=`.
 * State per (endpoint, index): cursor, last page (for resend) and timestamp_hwm. Pages are streamed with
 * backpressure straight from the lazy generator, so memory does not depend on how much is exported.
 */
import type { SandboxRuntime } from '../types'
import type { RequestContext } from '../http/context'
import { openStream } from '../http/respond'
import { replyMessage } from './reply'
import {
  availableCount, firstIndexAtOrAfter, oldestRetainedIndex, RETENTION_SECONDS, timestampOf,
  type Stream, type StreamSet
} from './streams'

export const PAGE_SIZE = 10_000
/** Records serialised per write; keeps chunks around 1 MB. */
const CHUNK = 1000
const INDEX_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/

interface IteratorState {
  cursor: number
  lastStart: number
  lastEnd: number
  hasLast: boolean
  hwm: number
  busy: boolean
}

type Operation = { kind: 'next' | 'head' | 'tail' | 'resend' } | { kind: 'epoch'; epoch: number }

function parseOperation(value: string | null): Operation | null {
  if (value === 'next' || value === 'head' || value === 'tail' || value === 'resend') return { kind: value }
  if (value !== null && /^\d{1,12}$/.test(value)) return { kind: 'epoch', epoch: Number(value) }
  return null
}

export class IteratorService {
  private readonly states = new Map<string, IteratorState>()

  constructor(
    private readonly runtime: SandboxRuntime,
    private readonly streams: StreamSet
  ) {}

  async handle(ctx: RequestContext, stream: Stream, endpoint: string): Promise<void> {
    const operation = parseOperation(ctx.query.get('operation'))
    if (operation === null) {
      const given = ctx.query.get('operation')
      return replyMessage(ctx, 400, given === null
        ? 'Missing required parameter: operation. Use next, head, tail, resend or an epoch timestamp.'
        : `Invalid iterator operation '${given}'. Use next, head, tail, resend or an epoch timestamp.`)
    }
    const index = ctx.query.get('index')
    if (index === null || !INDEX_PATTERN.test(index)) {
      return replyMessage(ctx, 400, index === null
        ? 'Missing required parameter: index.'
        : 'Invalid index name. Only numbers, letters, underscore, hyphen, dot and colon are allowed (1-128 characters).')
    }
    const nowSec = Math.floor(this.runtime.now() / 1000)
    if (operation.kind === 'epoch' && operation.epoch < nowSec - RETENTION_SECONDS) {
      return replyMessage(ctx, 422, 'The requested data is no longer available as it is older than 7 days. ' +
        'Please use a timestamp within the last 7 days.')
    }
    const key = `${endpoint}|${index}`
    let state = this.states.get(key)
    if (state?.busy === true) {
      return replyMessage(ctx, 409, 'Concurrent events fetch from the same iterator is not supported. Please retry later.')
    }
    if (state === undefined) {
      const start = oldestRetainedIndex(stream, nowSec)
      state = { cursor: start, lastStart: start, lastEnd: start, hasLast: false, hwm: timestampOf(stream, start) - 1, busy: false }
      this.states.set(key, state)
    }
    state.busy = true
    try {
      await this.runtime.hooks.beforeIteratorPage?.(endpoint, index)
      const range = this.pageRange(state, stream, operation, nowSec)
      if (operation.kind !== 'resend') {
        state.cursor = range.end
        state.lastStart = range.start
        state.lastEnd = range.end
        state.hasLast = true
      }
      const hwm = range.end > range.start ? timestampOf(stream, range.end - 1) : state.hwm
      if (operation.kind !== 'resend') state.hwm = hwm
      const caughtUp = state.cursor >= availableCount(stream, nowSec)
      await this.writePage(ctx, stream, range.start, range.end, caughtUp ? this.runtime.waitTime : 0, hwm)
    } finally {
      state.busy = false
    }
  }

  private pageRange(state: IteratorState, stream: Stream, op: Operation, nowSec: number): { start: number; end: number } {
    const available = availableCount(stream, nowSec)
    const oldest = oldestRetainedIndex(stream, nowSec)
    const from = (start: number): { start: number; end: number } => {
      const begin = Math.min(Math.max(start, oldest), available)
      return { start: begin, end: Math.min(begin + PAGE_SIZE, available) }
    }
    switch (op.kind) {
      case 'next':
        return from(state.cursor)
      case 'head':
        return from(oldest)
      case 'tail':
        return from(Math.max(oldest, available - PAGE_SIZE))
      case 'epoch':
        return from(firstIndexAtOrAfter(stream, op.epoch))
      case 'resend':
        return state.hasLast ? { start: state.lastStart, end: state.lastEnd } : { start: state.cursor, end: state.cursor }
    }
  }

  private async writePage(
    ctx: RequestContext,
    stream: Stream,
    start: number,
    end: number,
    waitTime: number,
    hwm: number
  ): Promise<void> {
    const body = openStream(ctx.req, ctx.res, 200, { ...ctx.headers, 'Content-Type': 'application/json' }, true)
    await body.write('{"ok":1,"result":[')
    for (let chunkStart = start; chunkStart < end && !body.aborted; chunkStart += CHUNK) {
      const chunkEnd = Math.min(end, chunkStart + CHUNK)
      let text = chunkStart === start ? '' : ','
      for (let i = chunkStart; i < chunkEnd; i++) {
        text += i === chunkStart ? this.streams.json(stream, i) : ',' + this.streams.json(stream, i)
      }
      await body.write(text)
    }
    await body.write(`],"wait_time":${waitTime},"timestamp_hwm":${hwm}}`)
    await body.end()
  }
}
