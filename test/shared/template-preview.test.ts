import { describe, expect, it } from 'vitest'
import type { Environment } from '@shared/model/environment'
import { previewRequest, previewSegments, segmentsText } from '@shared/templating/preview'

const env: Environment = {
  id: 'e',
  name: 'Tenant',
  api: 'netskope',
  baseUrl: 'https://acme.goskope.com/',
  variables: [
    { name: 'listId', value: '7', enabled: true },
    { name: 'off', value: 'never', enabled: false }
  ],
  tls: { verify: true, caPath: null },
  auth: { kind: 'none' },
  sandbox: false
}

describe('request preview', () => {
  it('resolves variables in URL, query, headers and body; masks secrets; marks unknown and disabled variables', () => {
    const preview = previewRequest(
      {
        method: 'patch',
        url: '/api/v2/policy/urllist/{{listId}}/append',
        query: [{ name: 'mode', value: '{{off}}', enabled: true }],
        headers: [
          { name: 'Netskope-Api-Token', value: '{{secret.v2Token}}', enabled: true },
          { name: 'X-Skipped', value: '{{nope}}', enabled: false }
        ],
        body: { kind: 'json', text: '{"id": {{listId}}, "who": "{{ user }}"}' }
      },
      env
    )
    expect(preview.method).toBe('PATCH')
    expect(segmentsText(preview.url)).toBe('https://acme.goskope.com/api/v2/policy/urllist/7/append?mode={{off}}')
    expect(preview.url).toContainEqual({ kind: 'var', name: 'listId', text: '7' })
    expect(preview.headers).toHaveLength(1)
    expect(preview.headers[0]?.value).toEqual([{ kind: 'secret', name: 'v2Token' }])
    expect(preview.body?.kind === 'text' && segmentsText(preview.body.text)).toBe('{"id": 7, "who": "{{user}}"}')
    expect(preview.unknown).toEqual(['off', 'user'])
    // The secret's name is all the preview knows: no value appears anywhere.
    expect(JSON.stringify(preview)).not.toMatch(/"kind":"var","name":"secret/)
  })

  it('joins only a path-only URL with the base URL, and uses {{baseUrl}} like main does', () => {
    expect(segmentsText(previewRequest({ method: 'GET', url: 'https://other.example/x', query: [], headers: [], body: { kind: 'none' } }, env).url)).toBe('https://other.example/x')
    expect(segmentsText(previewRequest({ method: 'GET', url: '{{baseUrl}}api', query: [], headers: [], body: { kind: 'none' } }, env).url)).toBe('https://acme.goskope.com/api')
    expect(previewRequest({ method: 'GET', url: '/x?a=1', query: [{ name: 'b', value: '2', enabled: true }], headers: [], body: { kind: 'none' } }, null)).toMatchObject({ unknown: [] })
    expect(segmentsText(previewRequest({ method: 'GET', url: '/x?a=1', query: [{ name: 'b', value: '2', enabled: true }], headers: [], body: { kind: 'none' } }, null).url)).toBe('/x?a=1&b=2')
  })

  it('shows form fields as lines and cuts a huge body', () => {
    const form = previewRequest({ method: 'POST', url: '/f', query: [], headers: [], body: { kind: 'form', fields: [{ name: 'id', value: '{{listId}}', enabled: true }] } }, env)
    expect(form.body).toEqual({ kind: 'lines', lines: [{ name: [{ kind: 'text', text: 'id' }], value: [{ kind: 'var', name: 'listId', text: '7' }] }] })
    const big = previewRequest({ method: 'POST', url: '/f', query: [], headers: [], body: { kind: 'text', text: 'x'.repeat(100_000) } }, env)
    expect(big.body?.kind === 'text' && big.body.truncated).toBe(true)
    expect(previewSegments('no placeholders', new Map())).toEqual([{ kind: 'text', text: 'no placeholders' }])
  })
})
