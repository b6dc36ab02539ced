import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importPostmanCollection } from '../../../../src/main/core/collections/postman-import'
import { exportPostman } from '../../../../src/main/core/collections/postman-export'
import { writeImportedCollection } from '../../../../src/main/core/collections/import-writer'
import type { ImportedFolder, ImportedRequest } from '../../../../src/shared/collections/import-types'
import { repo, tempDir } from './helpers'

const FIXTURE = join(__dirname, 'fixtures', 'sample.postman_collection.json')
const LITERALS = ['nsk-LITERAL-v2-token-0123456789', 'ce-LITERAL-client-secret', 'basic-LITERAL-password', 'ics-LITERAL-api-key-0123456789', 'oauth-LITERAL-access']

function requests(folder: ImportedFolder): Record<string, ImportedRequest['saved']> {
  const out: Record<string, ImportedRequest['saved']> = {}
  for (const child of folder.children) {
    if (child.type === 'folder') Object.assign(out, requests(child))
    else out[child.saved.name] = child.saved
  }
  return out
}

describe('Postman import', () => {
  it('maps folders, bodies, variables and auth without copying any secret', async () => {
    const text = await readFile(FIXTURE, 'utf8')
    const imported = importPostmanCollection(text)
    expect(imported.name).toBe('Security APIs (sample)')
    expect(imported.requestCount).toBe(7)
    expect(imported.root.children.map((child) => (child.type === 'folder' ? `${child.name}/` : child.saved.name))).toEqual([
      'Netskope/', 'Cloud Exchange/', 'InsightCloudSec resources', 'OAuth thing'
    ])
    const byName = requests(imported.root)
    expect(byName['Page events (iterator)']).toMatchObject({
      description: 'Pulls page events with an iterator index.',
      auth: { kind: 'profile', profile: { kind: 'netskope', v2Scheme: 'header' } },
      iterator: { index: '{{index}}', operation: 'next' },
      request: {
        url: '{{baseUrl}}/api/v2/events/dataexport/events/page',
        query: [
          { name: 'index', value: '{{index}}', enabled: true },
          { name: 'operation', value: 'next', enabled: true },
          { name: 'debug', value: '1', enabled: false }
        ]
      }
    })
    expect(byName['Alerts (bearer)']?.auth).toEqual({ kind: 'profile', profile: { kind: 'netskope', v2Scheme: 'bearer', v1Placement: 'query' } })
    expect(byName['Update URL list']?.request).toMatchObject({ method: 'PATCH', url: '{{baseUrl}}/api/v2/policy/urllist/7/append', body: { kind: 'json' } })
    expect(byName['Get token']).toMatchObject({ auth: { kind: 'none' }, request: { body: { kind: 'form' } } })
    expect(byName['Upload indicators']?.request).toMatchObject({
      headers: [{ name: 'Authorization', value: 'Basic {{secret.basicAuth}}' }],
      body: { kind: 'multipart', parts: [{ kind: 'text', name: 'source', value: 'manual' }, { kind: 'file', name: 'file', path: '/home/me/iocs.csv' }] }
    })
    expect(byName['InsightCloudSec resources']).toMatchObject({
      auth: { kind: 'profile', profile: { kind: 'insightcloudsec' } },
      request: { body: { kind: 'text', text: '<q>1</q>', contentType: 'application/xml' } }
    })
    expect(byName['OAuth thing']?.auth).toEqual({ kind: 'environment' })
    expect(imported.variables).toEqual([
      { name: 'baseUrl', value: 'https://tenant.goskope.com', enabled: true },
      { name: 'clientSecret', value: '', enabled: true },
      { name: 'index', value: 'team_a', enabled: true }
    ])
    expect(imported.droppedSecrets).toEqual([
      { path: '(collection)', what: 'API key value (Netskope-Api-Token)' },
      { path: 'Cloud Exchange / Get token', what: 'form "client_secret" (now {{secret.clientSecret}})' },
      { path: 'Cloud Exchange / Upload indicators', what: 'basic auth password' },
      { path: 'InsightCloudSec resources', what: 'API key value (Api-Key)' },
      { path: 'OAuth thing', what: 'oauth2 accessToken' },
      { path: '(collection variables)', what: 'variable "clientSecret"' }
    ])
    expect(imported.authMappings.map((mapping) => `${mapping.path}: ${mapping.from} -> ${mapping.to}`)).toEqual([
      '(collection): apikey -> netskope profile (v2 token header)',
      'Netskope / Alerts (bearer): bearer -> netskope profile (v2 token as Bearer)',
      'Cloud Exchange: noauth -> no auth',
      'Cloud Exchange / Upload indicators: basic -> Authorization header "Basic {{secret.basicAuth}}"',
      'InsightCloudSec resources: apikey -> insightcloudsec profile',
      'OAuth thing: oauth2 -> environment auth (unsupported type)'
    ])
    expect(imported.warnings.join('\n')).toMatch(/1 pre-request\/test script/)
    const serialized = JSON.stringify(imported)
    for (const literal of LITERALS) expect(serialized).not.toContain(literal)
  })

  it('writes an import to disk as a collection with no secret in any file', async () => {
    const dir = await tempDir()
    const collections = repo()
    const imported = importPostmanCollection(await readFile(FIXTURE, 'utf8'))
    const written = await writeImportedCollection(collections, dir, imported)
    expect(written.tree.requestCount).toBe(7)
    expect(written.tree.problems).toEqual([])
    expect(written.replacedSecrets).toEqual([])
    const exported = await exportPostman(collections, dir)
    for (const literal of LITERALS) expect(exported.json).not.toContain(literal)
    await expect(writeImportedCollection(collections, dir, imported)).rejects.toThrow(/not empty/)
  })

  it.each([
    ['not json', /not valid JSON at line 1, column 1\.$/],
    ['{"requests": []}', /not a Postman v2 collection/],
    ['{"info": {"name": "x", "schema": "https://schema.getpostman.com/json/collection/v1.0.0/collection.json"}, "item": []}', /unsupported schema/]
  ])('refuses %s with a readable message', (text, message) => {
    expect(() => importPostmanCollection(text)).toThrow(message)
  })
})

describe('Postman export', () => {
  it('round-trips through import and produces the same bytes each time', async () => {
    const dir = await tempDir()
    const collections = repo()
    await writeImportedCollection(collections, dir, importPostmanCollection(await readFile(FIXTURE, 'utf8')))
    const first = await exportPostman(collections, dir)
    const second = await exportPostman(collections, dir)
    expect(second.json).toBe(first.json)
    const parsed = JSON.parse(first.json) as { info: { schema: string; name: string } }
    expect(parsed.info).toMatchObject({ name: 'Security APIs (sample)', schema: expect.stringContaining('v2.1.0') })
    const again = importPostmanCollection(first.json)
    const original = requests(importPostmanCollection(await readFile(FIXTURE, 'utf8')).root)
    const roundTripped = requests(again.root)
    expect(Object.keys(roundTripped)).toEqual(Object.keys(original))
    for (const [name, saved] of Object.entries(original)) {
      expect(roundTripped[name]?.request, name).toEqual(saved.request)
      expect(roundTripped[name]?.auth, name).toEqual(saved.auth)
    }
    expect(again.droppedSecrets).toEqual([])
  })

  it('exports one folder or one request', async () => {
    const dir = await tempDir()
    const collections = repo()
    await writeImportedCollection(collections, dir, importPostmanCollection(await readFile(FIXTURE, 'utf8')))
    const folder = importPostmanCollection((await exportPostman(collections, dir, 'cloud-exchange')).json)
    expect(folder.name).toBe('Cloud Exchange')
    expect(Object.keys(requests(folder.root))).toEqual(['Get token', 'Upload indicators'])
    const single = importPostmanCollection((await exportPostman(collections, dir, 'netskope/alerts-bearer.request.json')).json)
    expect(Object.keys(requests(single.root))).toEqual(['Alerts (bearer)'])
    await expect(exportPostman(collections, dir, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
