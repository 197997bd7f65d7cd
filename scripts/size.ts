/**
 * Bundle-size budgets: bundles each public entry as an app's bundler would (esbuild, minified ESM, every dependency
 * included, dynamic imports split into chunks) and counts every byte it emits for the entry: the entry chunk and
 * every chunk reachable from it, static and dynamic, each gzipped, summed. Lazy chunks count because the first call
 * that needs them downloads them; what a static import loads is shown beside.
 *
 * `npm run size` prints a table and exits 1 when an entry is over its budget or cannot be bundled.
 * `measureBundleSizes()` gives the same figures to `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, type Metafile, type Plugin } from 'esbuild'

const KB = 1024
const root = fileURLToPath(new URL('..', import.meta.url))

export type Entry = {
  name: string
  /** What the app imports, as a module of its own. */
  code: string
  /** `neutral` for what runs anywhere; `node` for entries that import Node built-ins. */
  platform: 'neutral' | 'node'
  /** Budget, min+gz, for everything the entry reaches (1 kB = 1024 bytes). */
  budgetBytes: number
}

/** The name esbuild gives the app's module, read from stdin. */
const APP = 'app.js'

const reExport = (what: string, file: string) => `export ${what} from ${JSON.stringify(resolve(root, file))}`

/** The public entries and their budgets. */
export const ENTRIES: Entry[] = [
  { name: 'immigraflow', code: reExport('*', 'src/index.ts'), platform: 'neutral', budgetBytes: 20 * KB },
  {
    name: 'immigraflow/webhooks (verify only)',
    code: reExport('{ verify }', 'src/webhooks/index.ts'),
    platform: 'neutral',
    budgetBytes: 3 * KB,
  },
  {
    name: 'immigraflow/webhooks (with unwrap)',
    code: reExport('*', 'src/webhooks/index.ts'),
    platform: 'neutral',
    budgetBytes: 15 * KB,
  },
  // The mock is for development and tests; its budgets sit a little above its measured size, so growth is seen.
  // 38 → 40 kB: the typed control client (`createMockControl`, `api.control`), request expectations with near
  // misses and contract coverage, about 5 kB min+gz together, all of it needed where the mock runs.
  // The session registry (`createMockSessions`, about 0.8 kB) brings it to 39.6 kB measured; browser 137.5 kB.
  { name: 'immigraflow/mock', code: reExport('*', 'mocks/index.ts'), platform: 'neutral', budgetBytes: 40 * KB },
  {
    name: 'immigraflow/mock/browser',
    code: reExport('*', 'mocks/browser.ts'),
    platform: 'neutral',
    // 136 → 138 kB with the control client, expectations and coverage (see immigraflow/mock).
    budgetBytes: 138 * KB,
  },
  // The standalone server in it serves the console page (about 9 kB gz, HTML with its script inlined).
  // 211 → 218 kB: the control client, expectations and coverage, sessions and webhook chaos (215.8 kB measured).
  { name: 'immigraflow/mock/node', code: reExport('*', 'mocks/node.ts'), platform: 'node', budgetBytes: 218 * KB },
]

export type Measured = {
  /** Min and min+gz of everything the entry reaches, static and dynamic. */
  minBytes: number
  gzBytes: number
  /** Min+gz of what a static import loads: the entry chunk and the chunks it imports statically. */
  staticGzBytes: number
  /** How many chunks the entry reaches in all, itself included. */
  chunks: number
}
export type Result = ({ status: 'measured' } & Measured) | { status: 'failed'; error: string }

/** One entry's figures; `overBudget` when it was measured and exceeds its budget, or could not be measured. */
export type EntrySize = { entry: Entry; result: Result; overBudget: boolean }

/** Every output reachable from `start` through imports of the given kinds. */
function reachable(metafile: Metafile, start: string, kinds: ReadonlySet<string>): Set<string> {
  const found = new Set<string>()
  const queue = [start]
  for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
    if (found.has(path)) continue
    found.add(path)
    for (const imported of metafile.outputs[path]?.imports ?? []) {
      if (!imported.external && kinds.has(imported.kind)) queue.push(imported.path)
    }
  }
  return found
}

/**
 * `#crypto` as the sources: package.json maps it to the built files (node:crypto under the `node` condition, Web
 * Crypto otherwise), which need not exist when this runs.
 */
function cryptoFromSource(platform: Entry['platform']): Plugin {
  const file = resolve(root, `src/webhooks/crypto-${platform === 'node' ? 'node' : 'web'}.ts`)
  return {
    name: 'crypto-source',
    setup: (bundler) => bundler.onResolve({ filter: /^#crypto$/ }, () => ({ path: file })),
  }
}

async function measure(entry: Entry): Promise<Result> {
  const outdir = mkdtempSync(join(tmpdir(), 'immigraflow-size-'))
  try {
    const result = await build({
      absWorkingDir: root,
      stdin: { contents: entry.code, resolveDir: root, sourcefile: APP, loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: entry.platform,
      // `neutral` reads no main fields by default; packages without `exports` still need resolving.
      ...(entry.platform === 'neutral' ? { mainFields: ['module', 'main'] } : {}),
      target: 'es2022',
      splitting: true,
      outdir,
      metafile: true,
      write: false,
      logLevel: 'silent',
      plugins: [cryptoFromSource(entry.platform)],
    })
    const contents = new Map(result.outputFiles.map((file) => [file.path, file.contents]))
    const bytesOf = (output: string) => contents.get(resolve(root, output)) ?? new Uint8Array()
    const gz = (output: string) => gzipSync(bytesOf(output), { level: 9 }).length
    const sum = (outputs: Iterable<string>, size: (output: string) => number) =>
      [...outputs].reduce((total, output) => total + size(output), 0)

    // Dynamically imported modules are entry points too in the metafile; the app's is the one built from stdin.
    const app = Object.keys(result.metafile.outputs).find(
      (output) => result.metafile.outputs[output]?.entryPoint === APP,
    )
    if (app === undefined) throw new Error('esbuild emitted no output for the entry')
    const initial = reachable(result.metafile, app, new Set(['import-statement']))
    const everything = reachable(result.metafile, app, new Set(['import-statement', 'dynamic-import']))
    return {
      status: 'measured',
      minBytes: sum(everything, (output) => bytesOf(output).length),
      gzBytes: sum(everything, gz),
      staticGzBytes: sum(initial, gz),
      chunks: everything.size,
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
    const overBudget = result.status === 'failed' || result.gzBytes > entry.budgetBytes
    sizes.push({ entry, result, overBudget })
  }
  return sizes
}

export const kB = (bytes: number): string => `${(bytes / KB).toFixed(2)} kB`

function row(cells: string[], widths: number[]): string {
  return cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join('  ')
}

async function main(): Promise<void> {
  const header = ['entry', 'min', 'min+gz', 'budget', 'result', 'static import alone', 'chunks']
  const rows: string[][] = []
  const sizes = await measureBundleSizes()
  for (const { entry, result, overBudget } of sizes) {
    const budget = `≤ ${kB(entry.budgetBytes)}`
    if (result.status === 'failed') {
      rows.push([entry.name, '-', '-', budget, `NOT MEASURED: bundling failed (${result.error})`, '-', '-'])
      continue
    }
    rows.push([
      entry.name,
      kB(result.minBytes),
      kB(result.gzBytes),
      budget,
      overBudget ? 'OVER BUDGET' : 'ok',
      kB(result.staticGzBytes),
      String(result.chunks),
    ])
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
  console.log(
    '\nEverything esbuild emits for each entry, static and dynamic chunks, each min+gz, summed (1 kB = 1024 B).',
  )

  if (sizes.some((size) => size.overBudget)) {
    console.error('An entry is over its budget or could not be bundled.')
    process.exit(1)
  }
}

// Run as `npm run size` (tsx scripts/size.ts); imported by the benchmarks, it only exports.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
