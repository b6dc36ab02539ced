import { describe, expect, it } from 'vitest'
import type { HistoryInput } from '../../../../src/main/core/history/build-entry'
import { decodeHistoryBatch, HistoryBatchWriter } from '../../../../src/main/core/history/handoff-codec'

// Worked cases of the send path's hand-off bytes; test/property/history-handoff.property.test.ts covers any input.

function send(url: string, bodyText: string | null = null): HistoryInput {
  return {
    spec: { method: 'POST', url, query: [], headers: [], body: bodyText === null ? { kind: 'none' } : { kind: 'json', text: bodyText } },
    environmentId: 'env-1'
  }
}

describe('history hand-off bytes', () => {
  it('has nothing to take before a send, and starts empty again after a take', () => {
    const writer = new HistoryBatchWriter()
    expect(writer.take()).toBeNull()
    writer.add(send('https://a.example/'), 1)
    expect(writer.take()).not.toBeNull()
    expect(writer.take()).toBeNull()
  })

  it('gives each take its own bytes: later sends do not change a batch already taken', () => {
    const writer = new HistoryBatchWriter()
    writer.add(send('https://a.example/1'), 1)
    const first = writer.take()
    writer.add(send('https://a.example/2'), 2)
    writer.add(send('https://a.example/3'), 3)
    expect(decodeHistoryBatch(first ?? new Uint8Array()).map((input) => input.spec.url)).toEqual(['https://a.example/1'])
    expect(decodeHistoryBatch(writer.take() ?? new Uint8Array()).map((input) => [input.spec.url, input.finishedAt])).toEqual([
      ['https://a.example/2', 2],
      ['https://a.example/3', 3]
    ])
  })

  it('grows past its first buffer for a 1 MB body with non-ASCII text, keeping every byte', () => {
    const writer = new HistoryBatchWriter()
    const body = `{"note":"${'ä€😀x'.repeat(200_000)}"}`
    writer.add(send('https://a.example/big', body), 5)
    writer.add(send('https://a.example/after'), 6)
    const [big, after] = decodeHistoryBatch(writer.take() ?? new Uint8Array())
    expect(big?.spec.body).toEqual({ kind: 'json', text: body })
    expect(after?.spec.url).toBe('https://a.example/after')
  })

  it('writes a lone surrogate (not valid text) as U+FFFD, as UTF-8 on the wire does', () => {
    const writer = new HistoryBatchWriter()
    writer.add(send('https://a.example/', 'a\uD800b'), 1)
    expect(decodeHistoryBatch(writer.take() ?? new Uint8Array())[0]?.spec.body).toEqual({ kind: 'json', text: 'a\uFFFDb' })
  })

  it("carries a send's secret values (history masks with them), and none when it has none", () => {
    const writer = new HistoryBatchWriter()
    writer.add({ ...send('https://a.example/s'), secretValues: ['sekr3t-one', 'zwei ä'] }, 1)
    writer.add(send('https://a.example/none'), 2)
    const [withValues, without] = decodeHistoryBatch(writer.take() ?? new Uint8Array())
    expect(withValues?.secretValues).toEqual(['sekr3t-one', 'zwei ä'])
    expect(without && 'secretValues' in without).toBe(false)
  })
})
