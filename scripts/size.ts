/**
 * Bundle-size budget: bundles each public entry the way an app's bundler would (minified ESM, every dependency
 * included, dynamic imports split into lazy chunks), gzips what a static import loads, and prints a table.
 *
 * `npm run size` exits 1 when a budgeted entry is over its budget. Entries that do not exist yet or fail to bundle
 * are reported, not counted as over budget. `measureBundleSizes()` gives the same figures to `npm run bench`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, type Metafile } from 'esbuild'

const KB = 1024
const root = fileURLToPath(new URL('..', import.meta.url))

export type Entry = { name: string; file: string; budgetBytes?: number }

/** The public entries, with their min+gz budgets (1 kB = 1024 bytes). */
export const ENTRIES: Entry[] = [
  { name: 'immigraflow', file: 'src/index.ts', budgetBytes: 12 * KB },
  { name: 'immigraflow/webhooks', file: 'src/webhooks/index.ts', budgetBytes: 3 * KB },
  { name: 'immigraflow/mock', file: 'mocks/index.ts' },
]

type Measured = { status: 'measured'; minBytes: number; gzBytes: number; lazyGzBytes: number; lazyChunks: number }
export type Result = Measured | { status: 'missing' } | { status: 'failed'; error: string }

/** One entry's figures; `overBudget` only when it was measured and exceeds its budget. */
export type EntrySize = { entry: Entry; result: Result; overBudget: boolean }

/** Every output reachable from `start` through imports of the given kinds. */
function reachable(metafile: Metafile, start: string[], kinds: ReadonlySet<string>): Set<string> {
  const found = new Set<string>()
  const queue = [...start]
  for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
    if (found.has(path)) continue
    found.add(path)
    for (const imported of metafile.outputs[path]?.imports ?? []) {
      if (!imported.external && kinds.has(imported.kind)) queue.push(imported.path)
    }
  }
  return found
}

async function measure(entry: Entry): Promise<Result> {
  const entryFile = resolve(root, entry.file)
  if (!existsSync(entryFile)) return { status: 'missing' }
  const outdir = mkdtempSync(join(tmpdir(), 'immigraflow-size-'))
  try {
    const result = await build({
      absWorkingDir: root,
      entryPoints: [entryFile],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'neutral',
      // `neutral` reads no main fields by default; packages without `exports` still need resolving.
      mainFields: ['module', 'main'],
      target: 'es2022',
      splitting: true,
      outdir,
      metafile: true,
      write: false,
      logLevel: 'silent',
    })
    const contents = new Map(result.outputFiles.map((file) => [file.path, file.contents]))
    const bytesOf = (output: string) => contents.get(resolve(root, output)) ?? new Uint8Array()
    const gz = (output: string) => gzipSync(bytesOf(output), { level: 9 }).length
    const sum = (outputs: Iterable<string>, size: (output: string) => number) =>
      [...outputs].reduce((total, output) => total + size(output), 0)

    const jsOutputs = Object.keys(result.metafile.outputs).filter((output) => output.endsWith('.js'))
    // Dynamically imported modules are entry points too in the metafile; only the one asked for counts here.
    const entryOutputs = jsOutputs.filter((output) => {
      const entryPoint = result.metafile.outputs[output]?.entryPoint
      return entryPoint !== undefined && resolve(root, entryPoint) === entryFile
    })
    // What `import 'immigraflow/...'` loads: the entry chunk and the chunks it imports statically.
    const initial = reachable(result.metafile, entryOutputs, new Set(['import-statement']))
    const everything = reachable(result.metafile, entryOutputs, new Set(['import-statement', 'dynamic-import']))
    const lazy = [...everything].filter((output) => !initial.has(output))
    return {
      status: 'measured',
      minBytes: sum(initial, (output) => bytesOf(output).length),
      gzBytes: sum(initial, gz),
      lazyGzBytes: sum(lazy, gz),
      lazyChunks: lazy.length,
    }
  } catch (error) {
    const errors = (error as { errors?: Array<{ text: string }> }).errors
    return { status: 'failed', error: errors?.[0]?.text ?? (error as Error).message }
  } finally {
    rmSync(outdir, { recursive: true, force: true })
  }
}

/** Bundles and measures every public entry. */
export async function measureBundleSizes(entries: readonly Entry[] = ENTRIES): Promise<EntrySize[]> {
  const sizes: EntrySize[] = []
  for (const entry of entries) {
    const result = await measure(entry)
    const overBudget =
      result.status === 'measured' && entry.budgetBytes !== undefined && result.gzBytes > entry.budgetBytes
    sizes.push({ entry, result, overBudget })
  }
  return sizes
}

function formatBytes(bytes: number): string {
  return `${bytes} B (${(bytes / KB).toFixed(2)} kB)`
}

function row(cells: string[], widths: number[]): string {
  return cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join('  ')
}

async function main(): Promise<void> {
  const header = ['entry', 'min', 'min+gz', 'lazy chunks gz', 'budget (min+gz)', 'result']
  const rows: string[][] = []
  const sizes = await measureBundleSizes()
  for (const { entry, result, overBudget } of sizes) {
    const budget = entry.budgetBytes === undefined ? '-' : formatBytes(entry.budgetBytes)
    if (result.status === 'missing') {
      rows.push([entry.name, '-', '-', '-', budget, `not measured: ${entry.file} does not exist`])
      continue
    }
    if (result.status === 'failed') {
      rows.push([entry.name, '-', '-', '-', budget, `not measured: bundling failed (${result.error})`])
      continue
    }
    const lazy = result.lazyChunks ? `${formatBytes(result.lazyGzBytes)} in ${result.lazyChunks}` : '-'
    const verdict = entry.budgetBytes === undefined ? 'no budget' : overBudget ? 'OVER BUDGET' : 'ok'
    rows.push([entry.name, formatBytes(result.minBytes), formatBytes(result.gzBytes), lazy, budget, verdict])
  }

  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((cells) => cells[column]?.length ?? 0)))
  console.log(row(header, widths))
  console.log(
    row(
      widths.map((width) => '-'.repeat(width)),
      widths,
    ),
  )
  for (const cells of rows) console.log(row(cells, widths))

  if (sizes.some((size) => size.overBudget)) {
    console.error('\nAn entry is over its min+gz budget (1 kB = 1024 bytes).')
    process.exit(1)
  }
}

// Run as `npm run size` (tsx scripts/size.ts); imported by the benchmarks, it only exports.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
