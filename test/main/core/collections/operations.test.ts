import { access, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CollectionNode, FolderNode } from '../../../../src/shared/collections/saved-request'
import { repo, sampleRequest, tempDir } from './helpers'

function outline(folder: FolderNode): unknown[] {
  return folder.children.map((child: CollectionNode) => (child.type === 'folder' ? { [child.name]: outline(child) } : child.name))
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false
  )
}

async function seeded(): Promise<{ dir: string; collections: ReturnType<typeof repo> }> {
  const dir = await tempDir()
  const collections = repo()
  await collections.create(dir, 'C')
  await collections.saveRequest(dir, { request: sampleRequest('One') })
  await collections.saveRequest(dir, { request: sampleRequest('Two') })
  const events = await collections.createFolder(dir, '', 'Events')
  await collections.saveRequest(dir, { folder: events.path, request: sampleRequest('Three') })
  return { dir, collections }
}

describe('CollectionRepository: request operations', () => {
  it('renames the display name and the file, keeping its place and id', async () => {
    const { dir, collections } = await seeded()
    const result = await collections.renameRequest(dir, 'one.request.json', 'First one')
    expect(result.path).toBe('first-one.request.json')
    expect(await exists(join(dir, 'one.request.json'))).toBe(false)
    const read = await collections.readRequest(dir, result.path)
    expect(read).toMatchObject({ name: 'First one', id: 'id-1' })
    expect(outline((await collections.open(dir)).root)).toEqual(['First one', 'Two', { Events: ['Three'] }])
  })

  it('moves a request into a folder and back, at a chosen position', async () => {
    const { dir, collections } = await seeded()
    const moved = await collections.moveRequest(dir, 'two.request.json', 'events', 0)
    expect(moved.path).toBe('events/two.request.json')
    expect(outline((await collections.open(dir)).root)).toEqual(['One', { Events: ['Two', 'Three'] }])
    const back = await collections.moveRequest(dir, moved.path, '', 0)
    expect(back.path).toBe('two.request.json')
    expect(outline((await collections.open(dir)).root)).toEqual(['Two', 'One', { Events: ['Three'] }])
    await expect(collections.moveRequest(dir, 'two.request.json', 'nowhere')).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('duplicates with a new id right after the original, and deletes', async () => {
    const { dir, collections } = await seeded()
    const copy = await collections.duplicateRequest(dir, 'one.request.json')
    expect(copy.path).toBe('one-copy.request.json')
    const original = await collections.readRequest(dir, 'one.request.json')
    const duplicate = await collections.readRequest(dir, copy.path)
    expect(duplicate.id).not.toBe(original.id)
    expect(duplicate.request).toEqual(original.request)
    expect(outline((await collections.open(dir)).root)).toEqual(['One', 'One copy', 'Two', { Events: ['Three'] }])
    await collections.deleteRequest(dir, 'one.request.json')
    expect(outline((await collections.open(dir)).root)).toEqual(['One copy', 'Two', { Events: ['Three'] }])
    expect(JSON.parse(await readFile(join(dir, 'collection.json'), 'utf8'))).toMatchObject({ order: ['one-copy.request.json', 'two.request.json', 'events'] })
    await expect(collections.deleteRequest(dir, 'one.request.json')).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('moves a corrupt file without touching its bytes', async () => {
    const { dir, collections } = await seeded()
    await writeFile(join(dir, 'bad.request.json'), 'garbage')
    const moved = await collections.moveRequest(dir, 'bad.request.json', 'events')
    expect(await readFile(join(dir, moved.path), 'utf8')).toBe('garbage')
    expect((await collections.open(dir)).problems).toEqual([{ path: 'events/bad.request.json', reason: expect.stringMatching(/JSON/) }])
  })
})

describe('CollectionRepository: folder operations', () => {
  it('creates nested folders, renames, moves, duplicates and deletes them', async () => {
    const { dir, collections } = await seeded()
    const sub = await collections.createFolder(dir, 'events', 'Page events')
    expect(sub.path).toBe('events/page-events')
    await collections.saveRequest(dir, { folder: sub.path, request: sampleRequest('Deep') })
    const renamed = await collections.renameFolder(dir, 'events', 'Event exports')
    expect(renamed.path).toBe('event-exports')
    expect(outline((await collections.open(dir)).root)).toEqual(['One', 'Two', { 'Event exports': ['Three', { 'Page events': ['Deep'] }] }])

    const moved = await collections.moveFolder(dir, 'event-exports/page-events', '', 0)
    expect(moved.path).toBe('page-events')
    await expect(collections.moveFolder(dir, 'event-exports', 'event-exports')).rejects.toThrow(/into itself/)

    const copy = await collections.duplicateFolder(dir, 'page-events')
    expect(copy.path).toBe('page-events-copy')
    const tree = await collections.open(dir)
    expect(outline(tree.root)).toEqual([
      { 'Page events': ['Deep'] },
      { 'Page events copy': ['Deep'] },
      'One',
      'Two',
      { 'Event exports': ['Three'] }
    ])
    const ids = [
      (await collections.readRequest(dir, 'page-events/deep.request.json')).id,
      (await collections.readRequest(dir, 'page-events-copy/deep.request.json')).id
    ]
    expect(new Set(ids).size).toBe(2)
    expect((await readdir(dir)).filter((name) => name.startsWith('.'))).toEqual([])

    await collections.deleteFolder(dir, 'page-events')
    expect(outline((await collections.open(dir)).root)).toEqual([{ 'Page events copy': ['Deep'] }, 'One', 'Two', { 'Event exports': ['Three'] }])
    await expect(collections.deleteFolder(dir, '')).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })

  it('serialises concurrent saves so none is lost from the folder order', async () => {
    const dir = await tempDir()
    const collections = repo()
    await collections.create(dir, 'C')
    await Promise.all(Array.from({ length: 20 }, (_, i) => collections.saveRequest(dir, { request: sampleRequest(`R ${i}`) })))
    const manifest = JSON.parse(await readFile(join(dir, 'collection.json'), 'utf8')) as { order: string[] }
    expect(manifest.order).toHaveLength(20)
    expect((await collections.open(dir)).requestCount).toBe(20)
  })
})
