import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { segmentProblem } from '../../../src/shared/collections/portable-names'
import { slugify } from '../../../src/shared/collections/slug'
import { repo, sampleRequest, tempDir } from '../../main/core/collections/helpers'

const REFUSED: Array<[name: string, rule: RegExp]> = [
  ['CON', /reserved/],
  ['nul', /reserved/],
  ['Com1', /reserved/],
  ['LPT9', /reserved/],
  ['com¹', /reserved/],
  ['CON.txt', /reserved/],
  ['aux.request.json', /reserved/],
  ['prn.tar.gz', /reserved/],
  ['report.', /end with a dot or a space/],
  ['report ', /end with a dot or a space/],
  ['a<b', /cannot contain/],
  ['a>b', /cannot contain/],
  ['a:b', /cannot contain/],
  ['a"b', /cannot contain/],
  ['a|b', /cannot contain/],
  ['a?b', /cannot contain/],
  ['a*b', /cannot contain/],
  ['a\\b', /cannot contain/],
  ['a\u0001b', /control character/],
  ['tab\there', /control character/],
  ['del\u007f', /control character/]
]

describe('portable collection names (Windows, macOS and Linux)', () => {
  it.each(REFUSED)('refuses %j on every platform', (name, rule) => {
    expect(segmentProblem(name)).toMatch(rule)
  })

  it.each(['events', 'console.request.json', 'con-request.request.json', 'lpt.request.json', 'com10', 'nul-folder', 'café'])(
    'accepts %j',
    (name) => {
      expect(segmentProblem(name)).toBeNull()
    }
  )

  it('never slugifies a display name into a reserved name', () => {
    for (const name of ['CON', 'nul', 'Com1', 'lpt3', 'aux']) expect(segmentProblem(`${slugify(name, 'request')}.request.json`)).toBeNull()
  })

  it('refuses a reserved name as a request path, with a message naming the rule', async () => {
    const dir = await tempDir()
    const collections = repo()
    await collections.create(dir, 'C')
    await expect(collections.saveRequest(dir, { path: 'CON.request.json', request: sampleRequest('x') })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/reserved/)
    })
    await expect(collections.readRequest(dir, 'nul.request.json')).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(collections.saveRequest(dir, { path: 'events./x.request.json', request: sampleRequest('x') })).rejects.toMatchObject({
      code: 'INVALID_INPUT'
    })
    await expect(collections.saveRequest(dir, { folder: 'LPT1', request: sampleRequest('x') })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect((await readdir(dir)).filter((name) => !name.startsWith('.'))).toEqual(['collection.json'])
  })

  it('lists a file with a reserved name as a problem, so a Linux-made collection is fixed before it reaches Windows', async () => {
    const dir = await tempDir()
    const collections = repo()
    await collections.create(dir, 'C')
    const saved = await collections.saveRequest(dir, { request: sampleRequest('ok') })
    await writeFile(join(dir, 'com1.request.json'), await readFile(join(dir, saved.path), 'utf8'))
    const tree = await collections.open(dir)
    expect(tree.root.children.map((child) => child.path)).toEqual([saved.path])
    expect(tree.problems).toEqual([{ path: 'com1.request.json', reason: expect.stringMatching(/reserved/) }])
  })
})
