import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { chooseRendererSource, isRendererUrl } from '../../src/main/renderer-source'

const builtPage = join('/opt/app/out/renderer', 'index.html')
const file = { kind: 'file', path: builtPage }
const choose = (devServerUrl: string | undefined, devBuild = true, packaged = false): unknown =>
  chooseRendererSource({ builtPage, devServerUrl, devBuild, packaged })

describe('chooseRendererSource (which page gets window.api)', () => {
  it('uses the electron-vite dev server only in a dev build that is not packaged, on a loopback http(s) origin', () => {
    for (const url of ['http://localhost:5173/', 'http://127.0.0.1:5173', 'http://[::1]:5173/', 'https://localhost:5173/']) {
      expect(choose(url)).toEqual({ kind: 'url', url })
    }
  })

  it('loads the built page in a packaged app or a production build, whatever ELECTRON_RENDERER_URL says', () => {
    expect(choose('http://localhost:5173/', true, true)).toEqual(file)
    expect(choose('http://localhost:5173/', false, false)).toEqual(file)
    expect(choose('http://localhost:5173/', false, true)).toEqual(file)
  })

  it('ignores a dev server URL that is not a loopback http(s) origin', () => {
    for (const url of [
      'https://evil.example/',
      'http://192.168.1.20:5173/',
      'http://localhost.evil.example:5173/',
      'http://user:pass@localhost:5173/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
      ''
    ]) {
      expect(choose(url), url).toEqual(file)
    }
    expect(choose(undefined)).toEqual(file)
  })
})

describe('isRendererUrl (sender frames and navigation targets)', () => {
  const page = pathToFileURL(builtPage).href

  it('trusts exactly the built page, with or without a fragment', () => {
    const source = { kind: 'file', path: builtPage } as const
    expect([page, `${page}#/history`].map((url) => isRendererUrl(source, url))).toEqual([true, true])
    expect(['http://localhost:5173/', pathToFileURL('/opt/app/out/renderer/other.html').href, `${page}/..`].map((url) => isRendererUrl(source, url))).toEqual([
      false,
      false,
      false
    ])
  })

  it('trusts the dev server by origin, not by text prefix', () => {
    const source = { kind: 'url', url: 'http://localhost:5173' } as const
    expect(isRendererUrl(source, 'http://localhost:5173/index.html')).toBe(true)
    for (const url of ['http://localhost:5173.evil.example/', 'http://localhost:5174/', 'https://localhost:5173/', page, 'junk']) {
      expect(isRendererUrl(source, url), url).toBe(false)
    }
  })
})
