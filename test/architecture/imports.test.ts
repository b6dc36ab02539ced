import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '../..')

function sourceFiles(folder: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(folder)) {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path))
    else if (/\.(ts|tsx|mts|cts)$/.test(name)) out.push(path)
  }
  return out
}

/** Every module specifier a file imports, requires or dynamically imports. */
export function importedModules(source: string): string[] {
  const specifiers: string[] = []
  const patterns = [
    /\bimport\s+(?:type\s+)?(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?[^'"`;]*?\sfrom\s+['"]([^'"]+)['"]/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g
  ]
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) specifiers.push(match[1] ?? '')
  return specifiers
}

function violations(folder: string, forbidden: (specifier: string) => boolean): string[] {
  return sourceFiles(join(ROOT, folder)).flatMap((file) =>
    importedModules(readFileSync(file, 'utf8'))
      .filter(forbidden)
      .map((specifier) => `${relative(ROOT, file)} imports ${specifier}`)
  )
}

const isElectron = (specifier: string): boolean => specifier === 'electron' || specifier.startsWith('electron/')

/** Where a relative or aliased specifier of `file` points, as a repo path (null for packages and node:*). */
function target(file: string, specifier: string): string | null {
  if (specifier.startsWith('.')) return relative(ROOT, resolve(dirname(file), specifier))
  if (specifier === '@shared' || specifier.startsWith('@shared/')) return join('src/shared', specifier.slice('@shared'.length))
  return null
}

/** Imports in `folder` whose target lies inside `inside` (a repo folder). */
function importsInto(folder: string, inside: string): string[] {
  return sourceFiles(join(ROOT, folder)).flatMap((file) =>
    importedModules(readFileSync(file, 'utf8'))
      .filter((specifier) => {
        const path = target(file, specifier)
        return path !== null && (path === inside || path.startsWith(`${inside}/`))
      })
      .map((specifier) => `${relative(ROOT, file)} imports ${specifier}`)
  )
}

describe('architecture (DESIGN.md rule 2)', () => {
  it('detects the import forms it is meant to catch', () => {
    const sample = `import { app } from 'electron'\nimport type { X } from "electron/main"\nconst e = require('electron')\nawait import('electron')\nexport { y } from 'electron'`
    expect(importedModules(sample).filter(isElectron)).toHaveLength(5)
  })

  it('src/main/core never imports electron', () => {
    expect(violations('src/main/core', isElectron)).toEqual([])
  })

  it('src/shared never imports electron or node:* modules', () => {
    expect(violations('src/shared', (s) => isElectron(s) || s.startsWith('node:'))).toEqual([])
  })

  it('src/main/core never imports the sandbox, which lives outside it in src/sandbox', () => {
    // The composition roots (src/main/index.ts, the e2e bridge, scripts, tests) start it and hand core a SandboxPort.
    expect(existsSync(join(ROOT, 'src/main/core/sandbox')), 'src/main/core/sandbox still exists').toBe(false)
    expect(importsInto('src/main/core', 'src/sandbox')).toEqual([])
  })

  it('src/sandbox never imports electron or src/main: it is its own program (npm run sandbox)', () => {
    expect(existsSync(join(ROOT, 'src/sandbox/index.ts')), 'src/sandbox/index.ts is missing').toBe(true)
    expect([...violations('src/sandbox', isElectron), ...importsInto('src/sandbox', 'src/main')]).toEqual([])
  })

  it('resolves relative and aliased imports to the folder they point at', () => {
    const file = join(ROOT, 'src/main/core/app-core.ts')
    expect(target(file, '../../sandbox/worker/protocol')).toBe('src/sandbox/worker/protocol')
    expect(target(file, '@shared/model/errors')).toBe('src/shared/model/errors')
    expect(target(file, 'node:fs')).toBeNull()
  })

  it('only the three IPC files touch ipcMain / ipcRenderer / window.api', () => {
    const allowed = new Set(['src/main/ipc/register.ts', 'src/preload/index.ts', 'src/renderer/src/api/client.ts'])
    const offenders = sourceFiles(join(ROOT, 'src'))
      .map((file) => relative(ROOT, file))
      .filter((file) => !allowed.has(file))
      .filter((file) => /\bipcMain\b|\bipcRenderer\b|window\.api\b/.test(readFileSync(join(ROOT, file), 'utf8')))
    expect(offenders).toEqual([])
  })
})
