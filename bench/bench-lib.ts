/**
 * What every benchmark in bench/ shares: the row it reports, the options the runner passes, and small helpers.
 * A benchmark module exports `run(options): Promise<BenchRow[]>`; bench/run.ts calls each in turn, prints one table,
 * and writes the rows as JSON with `--json FILE`. Every row is measured side by side with its baseline in the same
 * run, so a noisy machine moves both numbers alike and the ratio stays meaningful.
 */
import { cpus, totalmem } from 'node:os'

export interface BenchRow {
  /** What was measured, e.g. "engine overhead: full send path, per request". */
  name: string
  value: number
  unit: string
  /** What it is compared with, e.g. "raw undici.request"; null where there is no sensible baseline (then ratio is null). */
  baseline: string | null
  baselineValue: number | null
  /** value / baselineValue (lower is better unless the row's name says otherwise). */
  ratio: number | null
  /** The target this row is checked against, in words (e.g. "ratio <= 1.2"), shown in the table. */
  target?: string
}

export interface BenchOptions {
  /** `--quick`: fewer repetitions and smaller sizes, so the whole suite finishes in under 3 minutes. */
  quick: boolean
}

export type Benchmark = (options: BenchOptions) => Promise<BenchRow[]>

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return Number.NaN
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

export function row(name: string, value: number, unit: string, baseline?: { name: string; value: number }, target?: string): BenchRow {
  return {
    name,
    value,
    unit,
    baseline: baseline?.name ?? null,
    baselineValue: baseline?.value ?? null,
    ratio: baseline && baseline.value > 0 ? value / baseline.value : null,
    ...(target === undefined ? {} : { target })
  }
}

export function machine(): string {
  return `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown cpu'}), ${(totalmem() / 1024 ** 3).toFixed(1)} GiB, node ${process.version}, ${process.platform}`
}
