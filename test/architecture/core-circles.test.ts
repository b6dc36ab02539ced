import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importedModules } from './imported-modules'

/**
 * No import circles inside src/main/core, type-only imports included (`import type` counts: a type circle still
 * ties two modules together and is the first step to a runtime one).
 *
 * Groups: a folder is the first path segment under src/main/core (http, auth, body-view, ...). A file at the root of
 * src/main/core (app-core.ts, request-runner.ts, ...) is its own group: root files are use cases that compose the
 * folders, so a folder importing one root file is fine as long as that file does not import the folder back.
 * Two checks: no circle between groups, and no circle between files (which also catches a circle inside a folder).
 *
 * Left out: sandbox/ (its own program, moving to src/sandbox/) and glue/ (moving into core services).
 */

const ROOT = join(__dirname, '../..')
const CORE = join(ROOT, 'src/main/core')
const EXCLUDED = new Set(['sandbox', 'glue'])

function coreFiles(folder: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(folder)) {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) {
      if (folder === CORE && EXCLUDED.has(name)) continue
      out.push(...coreFiles(path))
    } else if (/\.(ts|mts|cts)$/.test(name) && !name.endsWith('.d.ts')) out.push(path)
  }
  return out
}

/** The core file a relative specifier names, or null for packages, aliases and anything outside the checked set. */
function resolveSpecifier(from: string, specifier: string, known: Set<string>): string | null {
  if (!specifier.startsWith('.')) return null
  const base = resolve(dirname(from), specifier.replace(/\.js$/, ''))
  for (const candidate of [base, `${base}.ts`, `${base}.mts`, `${base}.cts`, join(base, 'index.ts')]) {
    if (known.has(candidate)) return candidate
    if (candidate === base && existsSync(base) && statSync(base).isFile()) return null
  }
  return null
}

/** Edges of the file graph: file -> the core files it imports. */
export function fileGraph(): Map<string, Set<string>> {
  const files = coreFiles(CORE)
  const known = new Set(files)
  const graph = new Map<string, Set<string>>()
  for (const file of files) {
    const targets = new Set<string>()
    for (const specifier of importedModules(readFileSync(file, 'utf8'))) {
      const target = resolveSpecifier(file, specifier, known)
      if (target && target !== file) targets.add(target)
    }
    graph.set(file, targets)
  }
  return graph
}

function groupOf(file: string): string {
  const [first, ...rest] = relative(CORE, file).split(/[\\/]/)
  return rest.length === 0 ? `(root) ${first}` : `${first}/`
}

/** Strongly connected components with more than one member (Tarjan): each one is an import circle. */
export function circles(graph: Map<string, Set<string>>): string[][] {
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (node: string): void => {
    index.set(node, next)
    low.set(node, next)
    next += 1
    stack.push(node)
    onStack.add(node)
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target)
        low.set(node, Math.min(low.get(node) ?? 0, low.get(target) ?? 0))
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node) ?? 0, index.get(target) ?? 0))
    }
    if (low.get(node) !== index.get(node)) return
    const component: string[] = []
    let member: string | undefined
    do {
      member = stack.pop()
      if (member === undefined) break
      onStack.delete(member)
      component.push(member)
    } while (member !== node)
    if (component.length > 1) found.push(component.sort())
  }
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node)
  return found.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''))
}

function groupGraph(files: Map<string, Set<string>>): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>()
  for (const [file, targets] of files) {
    const from = groupOf(file)
    const edges = groups.get(from) ?? new Set<string>()
    for (const target of targets) if (groupOf(target) !== from) edges.add(groupOf(target))
    groups.set(from, edges)
  }
  return groups
}

/** Each circle's members with, for a group circle, the imports that make it (so the failure says what to move). */
function describeGroupCircle(component: string[], files: Map<string, Set<string>>): string {
  const members = new Set(component)
  const links: string[] = []
  for (const [file, targets] of files) {
    const from = groupOf(file)
    if (!members.has(from)) continue
    for (const target of targets) {
      const to = groupOf(target)
      if (to !== from && members.has(to)) links.push(`${relative(CORE, file)} -> ${relative(CORE, target)}`)
    }
  }
  return `${component.join(' <-> ')}: ${links.sort().join('; ')}`
}

describe('architecture: no import circles in src/main/core', () => {
  it('finds a circle it is meant to catch', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])]
    ])
    expect(circles(graph)).toEqual([['a', 'b', 'c']])
  })

  it('reads type-only imports as edges', () => {
    expect(importedModules(`import type { X } from './x'\nexport type { Y } from '../y'`)).toEqual(['./x', '../y'])
  })

  it('no circle between folders of src/main/core', () => {
    const files = fileGraph()
    expect(files.size).toBeGreaterThan(50)
    expect(circles(groupGraph(files)).map((component) => describeGroupCircle(component, files))).toEqual([])
  })

  it('no circle between files of src/main/core (inside a folder too)', () => {
    const rel = (file: string): string => relative(CORE, file)
    expect(circles(fileGraph()).map((component) => component.map(rel).join(' <-> '))).toEqual([])
  })
})
