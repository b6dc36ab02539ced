import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importedModules } from './imported-modules'

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

/** The repository file a relative or `@shared/` specifier names, or null for a package or an unresolvable name. */
function resolveImport(file: string, specifier: string): string | null {
  const base = specifier.startsWith('@shared/')
    ? join(ROOT, 'src/shared', specifier.slice('@shared/'.length))
    : specifier.startsWith('.')
      ? join(file, '..', specifier)
      : null
  if (base === null) return null
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null
}

/** Every import circle (type-only imports included) among the files of a folder, each as a readable chain. */
function importCircles(folder: string): string[] {
  const files = sourceFiles(join(ROOT, folder))
  const inside = new Set(files)
  const edges = new Map(
    files.map((file) => [
      file,
      importedModules(readFileSync(file, 'utf8'))
        .map((specifier) => resolveImport(file, specifier))
        .filter((target): target is string => target !== null && inside.has(target))
    ])
  )
  const circles = new Set<string>()
  const done = new Set<string>()
  const walk = (file: string, path: string[]): void => {
    const at = path.indexOf(file)
    if (at >= 0) {
      const loop = path.slice(at)
      const start = loop.indexOf([...loop].sort()[0] ?? '')
      const rotated = [...loop.slice(start), ...loop.slice(0, start)]
      circles.add([...rotated, rotated[0] ?? ''].map((entry) => relative(ROOT, entry)).join(' -> '))
      return
    }
    if (done.has(file)) return
    for (const target of edges.get(file) ?? []) walk(target, [...path, file])
    done.add(file)
  }
  for (const file of files) walk(file, [])
  return [...circles].sort()
}

describe('architecture (ipc handlers by domain, ARCHITECTURE.md)', () => {
  it('finds a circle when there is one', () => {
    const circles = importCircles('test/architecture/fixtures/circle')
    expect(circles).toEqual(['test/architecture/fixtures/circle/a.ts -> test/architecture/fixtures/circle/b.ts -> test/architecture/fixtures/circle/a.ts'])
  })

  it('no import circle inside src/main/ipc', () => {
    expect(importCircles('src/main/ipc')).toEqual([])
  })

  it('ipc handler files import only core services, shared and platform ports, not each other', () => {
    const infrastructure = new Set(['src/main/ipc/register.ts', 'src/main/ipc/dispatch.ts', 'src/main/ipc/handlers/index.ts'])
    const allowed = (target: string): boolean =>
      target.startsWith('src/main/core/') || target.startsWith('src/shared/') || target === 'src/main/ipc/dispatch.ts'
    const offenders = sourceFiles(join(ROOT, 'src/main/ipc'))
      .filter((file) => !infrastructure.has(relative(ROOT, file)))
      .flatMap((file) =>
        importedModules(readFileSync(file, 'utf8')).flatMap((specifier) => {
          const target = resolveImport(file, specifier)
          // A package (zod, node:*) is fine; only a repository file outside core/shared is an offender.
          if (target === null && !specifier.startsWith('.') && !specifier.startsWith('@shared/')) return []
          const named = target === null ? specifier : relative(ROOT, target)
          return allowed(named) ? [] : [`${relative(ROOT, file)} imports ${named}`]
        })
      )
    expect(offenders).toEqual([])
  })
})

describe('architecture (contract and handlers by domain)', () => {
  it('each contract domain file declares only its own commands, and has its handler file', async () => {
    const folder = join(ROOT, 'src/shared/ipc/contract')
    const domains = readdirSync(folder).map((name) => name.replace(/\.ts$/, '')).filter((name) => name !== 'ids')
    const problems: string[] = []
    for (const domain of domains) {
      const module = (await import(join(folder, `${domain}.ts`))) as Record<string, unknown>
      const commands = module[`${domain}Commands`]
      if (typeof commands !== 'object' || commands === null) problems.push(`${domain}.ts exports no ${domain}Commands`)
      else problems.push(...Object.keys(commands).filter((name) => !name.startsWith(`${domain}:`)).map((name) => `${domain}.ts declares ${name}`))
      if (!existsSync(join(ROOT, 'src/main/ipc/handlers', `${domain}.ts`))) problems.push(`no src/main/ipc/handlers/${domain}.ts`)
    }
    expect(domains.length).toBeGreaterThan(10)
    expect(problems).toEqual([])
  })
})
