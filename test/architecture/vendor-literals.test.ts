import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '../..')
const VENDOR_HOME = join('src', 'shared', 'vendors') + sep

/**
 * Vendor knowledge lives in src/shared/vendors/ (one definition per vendor plus the registry). A vendor id written
 * anywhere else in shared or renderer code is a place that has to change when a vendor is added. The files below
 * still hold one, each for the reason given; the list may only shrink.
 */
const ALLOWED: Record<string, string> = {
  'src/shared/catalog/load-catalog.ts': 'InsightCloudSec catalogs infer their extensions from the path; the hint is not a definition field yet',
  'src/shared/collections/postman-auth.ts': 'maps Postman auth to and from each vendor profile; the mapping is not a definition field yet',
  'src/shared/iterator/iterator-model.ts': 'the Data Export iterator is a Netskope feature (v2 tokens only)',
  'src/shared/iterator/scope-plan.ts': "token scope checks read Netskope's v2 scope table",
  'src/main/core/auth/ics-api-key.ts': 'InsightCloudSec\'s own "Generate API key" call (the definition\'s panels.generateApiKey shows its button)',
}

/** A vendor id as a string literal ('netskope', "cloud-exchange", `insightcloudsec`) or as a bare object key. */
const VENDOR_LITERAL = /(['"`])(netskope|cloud-exchange|insightcloudsec|falcon)\1|(?:^|[{,]\s*|^\s+)(netskope|insightcloudsec|falcon)\s*:/gm

function sourceFiles(folder: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(folder)) {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path))
    else if (/\.(ts|tsx)$/.test(name)) out.push(path)
  }
  return out
}

function filesWithVendorIds(): Map<string, string[]> {
  const found = new Map<string, string[]>()
  for (const folder of ['src/shared', 'src/renderer', 'src/main']) {
    for (const file of sourceFiles(join(ROOT, folder))) {
      const path = relative(ROOT, file)
      if (path.startsWith(VENDOR_HOME)) continue
      const hits = [...readFileSync(file, 'utf8').matchAll(VENDOR_LITERAL)].map((match) => match[2] ?? match[3] ?? match[0])
      if (hits.length > 0) found.set(path.split(sep).join('/'), hits)
    }
  }
  return found
}

describe('vendor ids live in src/shared/vendors/', () => {
  const found = filesWithVendorIds()

  it('no vendor id literal in src/shared, src/renderer or src/main outside src/shared/vendors/ (except the allowlist)', () => {
    const offenders = [...found].filter(([path]) => ALLOWED[path] === undefined).map(([path, hits]) => `${path}: ${hits.join(', ')}`)
    expect(offenders).toEqual([])
  })

  it('every allowlisted file still needs its entry', () => {
    expect(Object.keys(ALLOWED).filter((path) => !found.has(path))).toEqual([])
  })
})
