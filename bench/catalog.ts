/**
 * Catalog benchmark: load a generated catalog of 1,000 operations, search it one keystroke at a time
 * (target: under 16 ms per keystroke, one frame), and import a multi-megabyte OpenAPI / Swagger file.
 * Run alone: `npx tsx --tsconfig tsconfig.node.json bench/catalog.ts [--quick]`; bench/run.ts imports `run`.
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadCatalog } from '../src/shared/catalog/load-catalog'
import { buildSearchIndex, searchIndex } from '../src/shared/catalog/search'
import { importOpenApi } from '../src/main/core/catalog-import/import-openapi'
import { generateOpenApi } from '../test/support/openapi-generator'
import { machine, median, row, type Benchmark, type BenchRow } from './bench-lib'

/** What a user types into the sidebar search, including a typo the fuzzy match has to absorb. */
const QUERIES = ['list alerts items', 'create policies', 'tenants3', 'usrs items', 'post domains12', 'network export']

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now()
  const value = fn()
  return { ms: performance.now() - start, value }
}

function timeMedian(runs: number, fn: () => unknown): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push(time(fn).ms)
  return median(times)
}

export const run: Benchmark = async ({ quick }) => {
  const rows: BenchRow[] = []

  // 1. Load: the renderer parses the document text and normalises it (what load-builtin does per catalog).
  const text = generateOpenApi({ paths: 500, format: 'openapi-json', descriptionWords: 60 })
  const loadRuns = quick ? 5 : 20
  const parseMs = timeMedian(loadRuns, () => JSON.parse(text))
  const loadMs = timeMedian(loadRuns, () => loadCatalog(JSON.parse(text), { api: 'netskope' }))
  const ops = loadCatalog(JSON.parse(text), { api: 'netskope' })
  if (ops.length !== 1000) throw new Error(`expected 1,000 operations, got ${ops.length}`)
  rows.push(row(`catalog: load 1,000 operations (${(text.length / 1e6).toFixed(1)} MB document), median`, loadMs, 'ms', { name: 'JSON.parse of the same text', value: parseMs }))

  // 2. Search: the index is built once per catalog array (on the first keystroke), then each keystroke scans it.
  rows.push(row('catalog: search index build for 1,000 operations (once)', timeMedian(loadRuns, () => buildSearchIndex(ops)), 'ms'))
  const index = buildSearchIndex(ops)
  const perKey: number[] = []
  // Round 0 warms the JIT and is not counted: a user's first keystroke comes long after the app has warmed up.
  for (let round = -1; round < (quick ? 3 : 15); round++) {
    for (const query of QUERIES) {
      for (let n = 1; n <= query.length; n++) {
        const { ms, value } = time(() => searchIndex(index, query.slice(0, n)))
        if (n === query.length && round === 0 && value.length === 0) throw new Error(`"${query}" found nothing`)
        if (round >= 0) perKey.push(ms)
      }
    }
  }
  rows.push(row(`catalog: search per keystroke, median of ${perKey.length}`, median(perKey), 'ms', undefined, '< 16 ms'))
  const sorted = [...perKey].sort((a, b) => a - b)
  rows.push(row('catalog: search per keystroke, 99th percentile', sorted[Math.floor(sorted.length * 0.99)] ?? Number.NaN, 'ms', undefined, '< 16 ms'))
  rows.push(row('catalog: search per keystroke, max', sorted[sorted.length - 1] ?? Number.NaN, 'ms', undefined, '< 16 ms'))

  // 3. Import (in main): parse + Swagger conversion + tidy + normalise, for a multi-megabyte file in each syntax.
  const paths = quick ? 200 : 500
  for (const format of ['openapi-json', 'openapi-yaml', 'swagger-json'] as const) {
    const spec = generateOpenApi({ paths, format, descriptionWords: 300 })
    const runs = quick ? 1 : 3
    const importMs = timeMedian(runs, () => importOpenApi(spec, `bench.${format.endsWith('yaml') ? 'yaml' : 'json'}`))
    const parse = format.endsWith('yaml') ? undefined : { name: 'JSON.parse of the same text', value: timeMedian(runs, () => JSON.parse(spec)) }
    rows.push(row(`catalog: import ${format} ${(spec.length / 1e6).toFixed(1)} MB, ${paths * 2} operations`, importMs, 'ms', parse, '< 5000 ms'))
  }
  return rows
}

const standalone = resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)
if (standalone) {
  run({ quick: process.argv.includes('--quick') })
    .then((rows) => {
      console.log(machine())
      for (const r of rows) {
        const vs = r.baseline === null ? '' : ` vs ${r.baseline} ${r.baselineValue?.toFixed(1)} -> ratio ${r.ratio?.toFixed(2)}`
        console.log(`${r.name}: ${r.value.toFixed(2)} ${r.unit}${vs}${r.target ? ` (target ${r.target})` : ''}`)
      }
    })
    .catch((error: unknown) => {
      console.error(error)
      process.exitCode = 1
    })
}
