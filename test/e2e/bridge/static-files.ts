import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2'
}

/** Serves the built renderer read-only; anything outside `root` (../, encoded or not) is a 404. */
export async function serveStatic(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://bridge.invalid')
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    response.writeHead(400).end('bad path')
    return
  }
  const relative = normalize(pathname === '/' ? '/index.html' : pathname).replace(/^([/\\])+/, '')
  const file = join(root, relative)
  if (relative.startsWith('..') || !(file === root || file.startsWith(root + sep))) {
    response.writeHead(404).end('not found')
    return
  }
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) {
    response.writeHead(404).end('not found')
    return
  }
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': 'no-store'
  })
  createReadStream(file).pipe(response)
}
