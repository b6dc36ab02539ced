import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportCollectionHar } from '../../../../src/main/core/collections/har-export'
import { importPostmanCollection } from '../../../../src/main/core/collections/postman-import'
import { writeImportedCollection } from '../../../../src/main/core/collections/import-writer'
import { repo, tempDir } from './helpers'

describe('exportCollectionHar', () => {
  it('exports a whole collection in order, or one request, and reports files it skipped', async () => {
    const dir = await tempDir()
    const collections = repo()
    const fixture = await readFile(join(__dirname, 'fixtures', 'sample.postman_collection.json'), 'utf8')
    await writeImportedCollection(collections, dir, importPostmanCollection(fixture))
    await writeFile(join(dir, 'netskope', 'broken.request.json'), '{')
    const options = { startedDateTime: '2025-01-01T00:00:00.000Z', variables: new Map([['baseUrl', 'https://t.example']]) }
    const all = await exportCollectionHar(collections, dir, '', options)
    expect(all.har.log.entries.map((entry) => entry.comment)).toEqual([
      'Page events (iterator)', 'Alerts (bearer)', 'Update URL list', 'Get token', 'Upload indicators', 'InsightCloudSec resources', 'OAuth thing'
    ])
    expect(all.warnings).toEqual([expect.stringMatching(/^netskope\/broken\.request\.json was not exported/)])
    expect(all.har.log.entries[1]?.request.headers).toEqual([{ name: 'Authorization', value: 'Bearer {{secret.v2Token}}' }])
    expect(JSON.stringify(all.har)).not.toMatch(/LITERAL/)
    const one = await exportCollectionHar(collections, dir, 'netskope/update-url-list.request.json', options)
    expect(one.har.log.entries).toHaveLength(1)
    expect(one.har.log.entries[0]?.request).toMatchObject({ method: 'PATCH', url: 'https://t.example/api/v2/policy/urllist/7/append' })
  })
})
