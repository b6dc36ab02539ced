import { describe, expect, it } from 'vitest'
import { invalidUtf8Warning, isBinary, makePreview } from '../../../../src/main/core/http/preview'

const text = (s: string): Buffer => Buffer.from(s, 'utf8')

describe('preview: text with invalid UTF-8 vs binary', () => {
  it('shows text with a stray Latin-1 byte as text, with U+FFFD and a warning', () => {
    const body = Buffer.concat([text('{"name": "Caf'), Buffer.from([0xe9]), text('", "ok": true}')])
    const preview = makePreview(body, body.length, 1024)
    expect(preview).toEqual({ text: '{"name": "Caf\uFFFD", "ok": true}', truncated: false, binary: false })
    expect(invalidUtf8Warning(body, body.length, preview)).toMatch(/not valid UTF-8: 1 invalid byte sequence/)
  })

  it('still calls bytes without a NUL binary when they are mostly invalid UTF-8', () => {
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => 1 + ((i * 37) % 255)))
    expect(noise.includes(0)).toBe(false)
    expect(isBinary(noise, noise.length)).toBe(true)
    expect(invalidUtf8Warning(noise, noise.length, makePreview(noise, noise.length, 1024))).toBeNull()
  })

  it('has no warning for valid UTF-8, even one that contains U+FFFD itself', () => {
    const body = text('already replaced: \uFFFD, emoji 😀')
    const preview = makePreview(body, body.length, 1024)
    expect(preview.binary).toBe(false)
    expect(invalidUtf8Warning(body, body.length, preview)).toBeNull()
  })
})
