/**
 * Every module specifier a source text imports, re-exports, requires or dynamically imports, `import type` and
 * `export type` included. Same patterns as test/architecture/imports.test.ts, in a module of its own so that other
 * architecture tests can use it without re-running that file's tests.
 */
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
