/**
 * The runner's table and target checks. A target is text such as "ratio <= 1.2", "< 16 ms", "<= 100 ms",
 * "ratio >= 0.5" or "under 1 s": "ratio" compares the row's ratio, anything else its value (converted when the
 * target names another unit of the same kind, e.g. "< 1 s" for a row in ms). Anything else is shown unchecked.
 */
import type { BenchRow } from './bench-lib'

const SCALE: Record<string, { kind: string; factor: number }> = {
  ns: { kind: 'time', factor: 1e-6 },
  'µs': { kind: 'time', factor: 1e-3 },
  us: { kind: 'time', factor: 1e-3 },
  ms: { kind: 'time', factor: 1 },
  s: { kind: 'time', factor: 1000 },
  B: { kind: 'bytes', factor: 1 },
  KB: { kind: 'bytes', factor: 1000 },
  MB: { kind: 'bytes', factor: 1e6 },
  GB: { kind: 'bytes', factor: 1e9 },
  KiB: { kind: 'bytes', factor: 1024 },
  MiB: { kind: 'bytes', factor: 1024 ** 2 },
  GiB: { kind: 'bytes', factor: 1024 ** 3 }
}

const OPERATORS: Record<string, (a: number, b: number) => boolean> = {
  '<=': (a, b) => a <= b,
  '<': (a, b) => a < b,
  '>=': (a, b) => a >= b,
  '>': (a, b) => a > b,
  under: (a, b) => a < b,
  'at most': (a, b) => a <= b,
  'at least': (a, b) => a >= b
}

const TARGET = /^\s*(ratio\s+)?(<=|<|>=|>|under|at most|at least)\s*([\d.,_]+)\s*([^\s(]*)/i

/** true / false when the target can be checked against the row; null when there is no target or it is not parseable. */
export function checkTarget(row: BenchRow): boolean | null {
  if (!row.target) return null
  const match = TARGET.exec(row.target)
  if (!match) return null
  const [, ratioWord, operator = '', amount = '', unit = ''] = match
  const compare = OPERATORS[operator.toLowerCase()]
  const limit = Number(amount.replace(/[,_]/g, ''))
  if (!compare || !Number.isFinite(limit)) return null
  if (ratioWord) return row.ratio === null || !Number.isFinite(row.ratio) ? null : compare(row.ratio, limit)
  if (!Number.isFinite(row.value)) return null
  if (unit === '' || unit === row.unit || unit === 'x') return compare(row.value, limit)
  const from = SCALE[row.unit]
  const to = SCALE[unit]
  if (!from || !to || from.kind !== to.kind) return null
  return compare(row.value * from.factor, limit * to.factor)
}

/** Three significant digits, without exponent notation for the sizes we report. */
export function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '-'
  const abs = Math.abs(value)
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US')
  if (abs >= 100) return value.toFixed(0)
  if (abs >= 10) return value.toFixed(1)
  return value.toFixed(abs >= 1 ? 2 : 3)
}

export function formatTable(rows: BenchRow[]): string {
  const header = ['benchmark', 'value', 'baseline', 'ratio', 'target', 'met']
  const cells = rows.map((row) => {
    const met = checkTarget(row)
    return [
      row.name,
      `${formatNumber(row.value)} ${row.unit}`,
      row.baseline === null ? '-' : `${formatNumber(row.baselineValue)} ${row.unit} (${row.baseline})`,
      row.ratio === null ? '-' : `${formatNumber(row.ratio)}x`,
      row.target ?? '-',
      met === null ? (row.target ? '?' : '') : met ? 'yes' : 'NO'
    ]
  })
  const widths = header.map((title, column) => Math.min(column === 0 ? 96 : column === 2 ? 64 : 28, Math.max(title.length, ...cells.map((line) => (line[column] ?? '').length))))
  const fit = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width))
  const line = (values: string[]): string => values.map((value, column) => fit(value, widths[column] ?? 10)).join(' | ').trimEnd()
  return [line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...cells.map(line)].join('\n')
}
