/**
 * Soak: a follow-mode iterator pull against the sandbox (fast clock, so pages keep coming) for
 * 10 minutes (`quick`: 30 s), with this process's RSS sampled; reports RSS at the end of warm-up and at the end, and
 * the least-squares slope after warm-up (target: no growth trend). The 30 s variant with assertions is
 * test/main/core/iterator/iterator-soak.test.ts; both use test/support/iterator-soak.ts.
 * Run alone: npx tsx --tsconfig tsconfig.node.json bench/soak.ts [--quick]
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { machine, row, type Benchmark } from './bench-lib'
import { soakFollow } from '../test/support/iterator-soak'

export const run: Benchmark = async ({ quick }) => {
  const result = await soakFollow(quick
    ? { durationMs: 30_000, warmupMs: 8_000, sampleMs: 500 }
    : { durationMs: 10 * 60_000, warmupMs: 60_000, sampleMs: 2_000 })
  const what = `iterator follow soak, ${Math.round(result.seconds)} s, ${result.pages} pages, ${result.records} records`
  return [
    row(`${what}: RSS after warm-up`, result.rssStartMb, 'MB'),
    row(`${what}: RSS at the end`, result.rssEndMb, 'MB', { name: 'RSS after warm-up', value: result.rssStartMb }, 'ratio <= 1.2'),
    row(`${what}: RSS slope after warm-up`, result.rssSlopeMbPerMin, 'MB/min', undefined, '< 60 (test bound)'),
    row(`${what}: heap+external slope after warm-up${result.forcedGc ? '' : ' (no forced GC)'}`, result.heapSlopeMbPerMin, 'MB/min', undefined, '< 15 (test bound)')
  ]
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  run({ quick: process.argv.includes('--quick') })
    .then((rows) => {
      console.log(machine())
      for (const r of rows) console.log(`${r.name}: ${r.value.toFixed(2)} ${r.unit}${r.ratio === null ? '' : ` (ratio ${r.ratio.toFixed(2)})`}${r.target ? ` target ${r.target}` : ''}`)
    })
    .catch((error: unknown) => {
      console.error(error)
      process.exitCode = 1
    })
}
