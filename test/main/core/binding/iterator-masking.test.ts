import { createServer } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppCore } from '../../../../src/main/core/app-core'
import type { IteratorPagePreview } from '../../../../src/shared/iterator/iterator-model'
import { containsSecretValue } from '../../../../src/shared/redaction/secret-values'
import { listen, type RunningServer } from '../../../support/echo-server'
import { saveEnvironment, startCore } from './core-fixture'

// A Data Export page whose records echo the v2 token (raw and base64): the records the viewer gets must not.
const TOKEN = 'v2-iterator-Token-42424242'
let server: RunningServer
let core: AppCore

beforeAll(async () => {
  server = await listen(createServer((req, res) => {
    const token = String(req.headers['netskope-api-token'] ?? '')
    const record = { _id: '1', timestamp: 1_700_000_000, user: 'a@example.com', echo: token, nested: { b64: Buffer.from(token).toString('base64') } }
    res.setHeader('Content-Type', 'application/json')
    res.end(JSON.stringify({ ok: 1, result: [record], wait_time: 0, timestamp_hwm: 1_700_000_001 }))
  }), 'http', [])
  core = await startCore()
  await saveEnvironment(core, { id: 'ns', api: 'netskope', baseUrl: server.url, auth: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' } }, { v2Token: TOKEN })
})
afterAll(async () => {
  await core?.close()
  await server?.close()
})

describe('iterator records crossing to the renderer', () => {
  it('carry no form of the token', async () => {
    const pages: IteratorPagePreview[] = []
    const summary = await core.iterator.start(
      { runId: 'iter-mask', environmentId: 'ns', endpoint: '/api/v2/events/dataexport/events/page', index: 'mask', operation: 'head', mode: 'one-page' },
      { onProgress: () => undefined, onPage: (page) => pages.push(page) }
    )
    expect(summary.records).toBe(1)
    expect(pages[0]?.records[0]?.['user']).toBe('a@example.com')
    expect(containsSecretValue(JSON.stringify(pages), [TOKEN])).toBe(false)
  })
})
