import { pathToFileURL } from 'node:url'

/** The one page that gets the app API (the preload): the built index.html, or the electron-vite dev server while developing. */
export type RendererSource = { kind: 'file'; path: string } | { kind: 'url'; url: string }

export interface RendererSourceInput {
  /** out/renderer/index.html next to the built main. */
  builtPage: string
  /** ELECTRON_RENDERER_URL, set by `electron-vite dev`; anyone who can start the app can set it too. */
  devServerUrl: string | undefined
  /** `import.meta.env.DEV`: true only in the bundle `electron-vite dev` builds. */
  devBuild: boolean
  /** `app.isPackaged`. */
  packaged: boolean
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The dev server URL is honoured only in a dev build that is not packaged, and only for a loopback http(s) origin;
 * otherwise the page named there would get the full API. A production build run unpackaged (`electron-vite
 * preview`) therefore ignores it too and loads the built page.
 */
export function chooseRendererSource({ builtPage, devServerUrl, devBuild, packaged }: RendererSourceInput): RendererSource {
  if (devBuild && !packaged && devServerUrl && isLoopbackHttpOrigin(devServerUrl)) return { kind: 'url', url: devServerUrl }
  return { kind: 'file', path: builtPage }
}

/** Whether `url` (a sender frame's, or a navigation target) is the chosen page. */
export function isRendererUrl(source: RendererSource, url: string): boolean {
  if (source.kind === 'file') return url.split('#')[0] === pathToFileURL(source.path).href
  // By origin: a text prefix would also trust http://localhost:5173.evil.example.
  const expected = originOf(source.url)
  return expected !== null && originOf(url) === expected
}

function isLoopbackHttpOrigin(url: string): boolean {
  const parsed = URL.parse(url)
  return (
    parsed !== null &&
    (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
    LOOPBACK_HOSTS.has(parsed.hostname) &&
    parsed.username === '' &&
    parsed.password === ''
  )
}

/** null for an unparsable URL, and for opaque origins (file:, data:), whose origin is the string "null". */
function originOf(url: string): string | null {
  const origin = URL.parse(url)?.origin
  return origin && origin !== 'null' ? origin : null
}
