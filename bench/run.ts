/**
 * `npm run bench` (after `npm run build`): every benchmark in one run, one table, and
 * bench/results.json. Figures are medians of several runs; each comparison is measured side by
 * side, runs interleaved, in this run. Exits 0 even when a target is missed (the table says
 * so); 1 only when a benchmark could not run at all.
 */
import { writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { coldStart } from './cold-start'
import { inProcessMock } from './in-process-mock'
import type { Row } from './lib'
import { mockThroughput } from './mock-throughput'
import { scale } from './scale'
import { sdkCpu } from './sdk-cpu'
import { sdkOverhead } from './sdk-overhead'
import { bundleSizes } from './sizes'
import { webhookVerify } from './webhooks'

const BENCHES: Array<{ name: string; run: () => Promise<Row[]> }> = [
  { name: 'bundle sizes', run: bundleSizes },
  { name: 'cold start', run: () => coldStart() },
  { name: 'sdk cpu', run: () => sdkCpu() },
  { name: 'sdk overhead', run: () => sdkOverhead() },
  { name: 'webhook verify', run: () => webhookVerify() },
  { name: 'in-process mock', run: () => inProcessMock() },
  { name: 'mock throughput', run: () => mockThroughput() },
  { name: 'scale', run: () => scale() },
]

const loadAverage = () => loadavg().map((value) => Number(value.toFixed(2)))

/** A figure with about three significant digits, thousands grouped. */
function formatNumber(value: number): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

function cells(row: Row): string[] {
  const ratio = row.ratio ? `${row.ratio.value.toFixed(2)}× ${row.ratio.against}` : '-'
  const target = row.ratio?.target ?? row.goal?.target ?? '-'
  const met = row.ratio?.met ?? row.goal?.met
  return [
    row.bench,
    row.subject,
    formatNumber(row.median),
    row.unit,
    ratio,
    target,
    met === undefined ? '-' : met ? 'yes' : 'NO',
  ]
}

function table(rows: Row[]): string {
  const header = ['bench', 'subject', 'median', 'unit', 'ratio', 'target', 'met']
  const body = rows.map(cells)
  const widths = header.map((_, column) => Math.max(...[header, ...body].map((line) => line[column]?.length ?? 0)))
  const line = (values: string[]) =>
    `| ${values.map((value, column) => (column === 2 ? value.padStart(widths[column] ?? 0) : value.padEnd(widths[column] ?? 0))).join(' | ')} |`
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n')
}

const startedAt = new Date()
const loadAtStart = loadAverage()
const started = performance.now()
const rows: Row[] = []
const failures: Array<{ bench: string; error: string }> = []
const durations: Record<string, number> = {}
for (const bench of BENCHES) {
  const benchStart = performance.now()
  process.stderr.write(`${bench.name}… `)
  try {
    rows.push(...(await bench.run()))
  } catch (error) {
    // One broken benchmark must not hide the others' figures.
    failures.push({ bench: bench.name, error: (error as Error).stack ?? String(error) })
    process.stderr.write(`FAILED: ${(error as Error).message}\n`)
  }
  durations[bench.name] = Number(((performance.now() - benchStart) / 1000).toFixed(1))
  process.stderr.write(`${durations[bench.name]} s\n`)
}
const durationSeconds = (performance.now() - started) / 1000
const loadAtEnd = loadAverage()

const missed = rows.filter((row) => (row.ratio?.met ?? row.goal?.met) === false)
console.log(table(rows))
for (const row of rows) for (const note of row.notes ?? []) console.log(`note (${row.bench}, ${row.subject}): ${note}`)
console.log(
  `\n${startedAt.toISOString()} · node ${process.version} · ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'} · ` +
    `load average ${loadAtStart.join(' ')} at start, ${loadAtEnd.join(' ')} at end · ${durationSeconds.toFixed(0)} s`,
)
console.log(
  missed.length === 0
    ? 'Every target met.'
    : `${missed.length} target${missed.length === 1 ? '' : 's'} missed: ${missed.map((row) => `${row.bench} / ${row.subject}`).join('; ')}.`,
)
for (const failure of failures) console.log(`\n${failure.bench} FAILED:\n${failure.error}`)

const results = {
  date: startedAt.toISOString(),
  durationSeconds: Number(durationSeconds.toFixed(1)),
  benchSeconds: durations,
  machine: {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim(),
    totalMemoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    loadAverage: { start: loadAtStart, end: loadAtEnd },
  },
  rows,
  failures,
}
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`)
console.log('\nWrote bench/results.json.')
// A missed target is a result; a benchmark that could not run is not.
if (failures.length > 0) process.exitCode = 1
