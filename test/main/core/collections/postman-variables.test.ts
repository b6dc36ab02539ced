import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importPostmanCollection } from '../../../../src/main/core/collections/postman-import'
import { exportPostman } from '../../../../src/main/core/collections/postman-export'
import { writeImportedCollection } from '../../../../src/main/core/collections/import-writer'
import { repo, sampleRequest, tempDir } from './helpers'

const FIXTURE = join(__dirname, 'fixtures', 'sample.postman_collection.json')

/* Collection variables survive a Postman round trip: kept in collection.json, written back, never a secret value. */
describe('Postman collection variables', () => {
  it('are kept in the collection manifest on import (credential values blanked) and exported back', async () => {
    const folder = join(await tempDir('pm-vars-'), 'imported')
    const collections = repo()
    await writeImportedCollection(collections, folder, importPostmanCollection(await readFile(FIXTURE, 'utf8')))
    const manifest = JSON.parse(await readFile(join(folder, 'collection.json'), 'utf8')) as { variables?: unknown }
    expect(manifest.variables).toEqual([
      { name: 'baseUrl', value: 'https://tenant.goskope.com', enabled: true },
      { name: 'clientSecret', value: '', enabled: true },
      { name: 'index', value: 'team_a', enabled: true }
    ])

    // A later edit (a new request reorders the manifest) keeps them.
    await collections.saveRequest(folder, { folder: '', request: sampleRequest('Added later') })
    const exported = JSON.parse((await exportPostman(collections, folder)).json) as { variable?: Array<{ key: string; value: string }> }
    expect(exported.variable?.map((row) => [row.key, row.value])).toEqual([['baseUrl', 'https://tenant.goskope.com'], ['clientSecret', ''], ['index', 'team_a']])
    expect(JSON.stringify(exported)).not.toContain('ce-LITERAL-client-secret')
  })

  it('a credential value typed into collection.json by hand is not exported', async () => {
    const folder = join(await tempDir('pm-vars-'), 'hand')
    const collections = repo()
    await collections.create(folder, 'Hand', [{ name: 'password', value: 'hunter2-by-hand', enabled: true }, { name: 'tenant', value: 'acme', enabled: false }])
    const exported = JSON.parse((await exportPostman(collections, folder)).json) as { variable?: Array<{ key: string; value: string; disabled?: boolean }> }
    expect(exported.variable).toEqual([
      expect.objectContaining({ key: 'password', value: '' }),
      expect.objectContaining({ key: 'tenant', value: 'acme', disabled: true })
    ])
  })
})
