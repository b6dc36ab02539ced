import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
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

  it('only the three IPC files touch ipcMain / ipcRenderer / window.api', () => {
    const allowed = new Set(['src/main/ipc/register.ts', 'src/preload/index.ts', 'src/renderer/src/api/client.ts'])
    const offenders = sourceFiles(join(ROOT, 'src'))
      .map((file) => relative(ROOT, file))
      .filter((file) => !allowed.has(file))
      .filter((file) => /\bipcMain\b|\bipcRenderer\b|window\.api\b/.test(readFileSync(join(ROOT, file), 'utf8')))
    expect(offenders).toEqual([])
  })
})
