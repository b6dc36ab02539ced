import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RequestNode } from '../../../../src/shared/collections/saved-request'
import { repo, sampleRequest, tempDir } from './helpers'

const SECRETS = ['nsk-v2-0123456789abcdef', 'ics-key-ABCDEFGHIJKLMNOP', 'v1tok-zyxwvutsrqponm', 'hunter2-password', 'ce-client-secret-value', 'basicUSERPASS64']

describe('CollectionRepository: secrets never reach disk', () => {
  it('replaces literal credentials with {{secret.*}} placeholders, keeps {{variables}} and reports what changed', async () => {
    const dir = await tempDir()
    const collections = repo()
    await collections.create(dir, 'C')
    const result = await collections.saveRequest(dir, {
      request: sampleRequest('Leaky', {
        request: {
          method: 'POST',
          url: `https://user:${SECRETS[3]}@tenant.goskope.com/api/v1/alerts?token=${SECRETS[2]}&limit=10`,
          query: [
            { name: 'token', value: SECRETS[2] ?? '', enabled: false },
            { name: 'limit', value: '5', enabled: true }
          ],
          headers: [
            { name: 'Netskope-Api-Token', value: SECRETS[0] ?? '', enabled: true },
            { name: 'Api-Key', value: SECRETS[1] ?? '', enabled: true },
            { name: 'Authorization', value: `Basic ${SECRETS[5]}`, enabled: true },
            { name: 'x-auth-token', value: '{{sessionToken}}', enabled: true },
            { name: 'Accept', value: 'application/json', enabled: true }
          ],
          body: { kind: 'json', text: `{\n  "username": "me",\n  "password": "${SECRETS[3]}"\n}` }
        }
      })
    })
    const text = await readFile(join(dir, result.path), 'utf8')
    for (const secret of SECRETS) expect(text).not.toContain(secret)
    expect(result.replacedSecrets).toEqual([
      { where: 'url', name: 'password', placeholder: '{{secret.password}}' },
      { where: 'url', name: 'token', placeholder: '{{secret.v1Token}}' },
      { where: 'query', name: 'token', placeholder: '{{secret.v1Token}}' },
      { where: 'header', name: 'Netskope-Api-Token', placeholder: '{{secret.v2Token}}' },
      { where: 'header', name: 'Api-Key', placeholder: '{{secret.apiKey}}' },
      { where: 'header', name: 'Authorization', placeholder: 'Basic {{secret.basicAuth}}' },
      { where: 'body', name: 'password', placeholder: '{{secret.password}}' }
    ])
    const saved = await collections.readRequest(dir, result.path)
    expect(saved.request.url).toBe('https://user:{{secret.password}}@tenant.goskope.com/api/v1/alerts?token={{secret.v1Token}}&limit=10')
    expect(saved.request.headers.map((header) => header.value)).toEqual([
      '{{secret.v2Token}}',
      '{{secret.apiKey}}',
      'Basic {{secret.basicAuth}}',
      '{{sessionToken}}',
      'application/json'
    ])
    expect(saved.request.body).toEqual({ kind: 'json', text: '{\n  "username": "me",\n  "password": "{{secret.password}}"\n}' })
  })

  it('strips a Cloud Exchange client secret from a form body', async () => {
    const dir = await tempDir()
    const collections = repo()
    const result = await collections.saveRequest(dir, {
      request: sampleRequest('CE token', {
        request: {
          method: 'POST',
          url: '{{baseUrl}}/api/auth',
          body: {
            kind: 'form',
            fields: [
              { name: 'grant_type', value: 'client_credentials', enabled: true },
              { name: 'client_id', value: 'abc', enabled: true },
              { name: 'client_secret', value: SECRETS[4] ?? '', enabled: true }
            ]
          }
        }
      })
    })
    expect(await readFile(join(dir, result.path), 'utf8')).not.toContain(SECRETS[4])
    expect(result.replacedSecrets).toEqual([{ where: 'form', name: 'client_secret', placeholder: '{{secret.clientSecret}}' }])
  })
})

describe('CollectionRepository: a 1,000-request collection', () => {
  it('opens with every request listed, in order, across folders', async () => {
    const dir = await tempDir()
    const collections = repo()
    await collections.create(dir, 'Big')
    const folders: string[] = []
    for (let f = 0; f < 10; f++) folders.push((await collections.createFolder(dir, '', `Folder ${f}`)).path)
    for (let f = 0; f < 10; f++) {
      await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          collections.saveRequest(dir, { folder: folders[f], index: i, request: sampleRequest(`Request ${String(i).padStart(3, '0')}`) })
        )
      )
    }
    const tree = await collections.open(dir)
    expect(tree.requestCount).toBe(1000)
    expect(tree.problems).toEqual([])
    expect(tree.root.children).toHaveLength(10)
    const first = tree.root.children[3]
    expect(first?.type).toBe('folder')
    if (first?.type !== 'folder') return
    const requests = first.children as RequestNode[]
    expect(requests).toHaveLength(100)
    expect(new Set(requests.map((request) => request.id)).size).toBe(100)
    expect(requests.map((request) => request.name)).toEqual(Array.from({ length: 100 }, (_, i) => `Request ${String(i).padStart(3, '0')}`))
    expect((await readdir(join(dir, 'folder-3'))).length).toBe(101)
  })
})
