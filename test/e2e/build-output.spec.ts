import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test } from '@playwright/test'

// Runs after the build (npm test builds before e2e): the sandboxed preload must be one CommonJS file that needs
// nothing but electron, and the renderer must load no remote code.
const OUT = resolve(import.meta.dirname, '../../out')

test('the preload is a single CommonJS bundle requiring only electron', () => {
  const preload = readFileSync(resolve(OUT, 'preload/index.cjs'), 'utf8')
  const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1])
  expect(new Set(required)).toEqual(new Set(['electron']))
  expect(preload).not.toMatch(/^\s*(import|export)\s/m)
  expect(preload).toContain('exposeInMainWorld')
})

test('the renderer page has a strict CSP and no remote scripts', () => {
  const html = readFileSync(resolve(OUT, 'renderer/index.html'), 'utf8')
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1] ?? ''
  expect(csp).toContain("default-src 'self'")
  expect(csp).toContain("script-src 'self'")
  expect(csp).not.toMatch(/unsafe-eval|https?:/)
  expect(html).not.toMatch(/<script[^>]+src="https?:/i)
})
