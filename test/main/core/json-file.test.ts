import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { readJsonFile, writeJsonAtomic } from '../../../src/main/core/storage/json-file'

const Schema = z.object({ a: z.number() })

describe('json-file', () => {
  it('writes atomically and reads back, leaving no temp files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'json-file-'))
    const path = join(dir, 'x.json')
    await writeJsonAtomic(path, { a: 1 })
    await writeJsonAtomic(path, { a: 2 })
    expect(await readJsonFile(path, Schema)).toEqual({ kind: 'ok', value: { a: 2 } })
    expect(await readdir(dir)).toEqual(['x.json'])
  })

  it('reports a missing file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'json-file-'))
    expect(await readJsonFile(join(dir, 'nope.json'), Schema)).toEqual({ kind: 'missing' })
  })

  it('moves a corrupt file aside instead of overwriting it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'json-file-'))
    const path = join(dir, 'x.json')
    await writeFile(path, '{"a": oops')
    const outcome = await readJsonFile(path, Schema)
    expect(outcome.kind).toBe('corrupt')
    if (outcome.kind !== 'corrupt') return
    expect(outcome.reason).toMatch(/not valid JSON/)
    expect(await readFile(outcome.movedTo, 'utf8')).toBe('{"a": oops')
    expect(await readdir(dir)).toEqual([outcome.movedTo.split('/').pop()])
  })

  it('treats a schema mismatch as corrupt and names the field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'json-file-'))
    const path = join(dir, 'x.json')
    await writeFile(path, '{"a": "text"}')
    const outcome = await readJsonFile(path, Schema)
    expect(outcome.kind === 'corrupt' && outcome.reason).toMatch(/^a: /)
  })
})
