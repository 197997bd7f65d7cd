import { gzipSync } from 'node:zlib'
import { consolePage } from '../mocks/console/page'
import { kB, measureBundleSizes } from '../scripts/size'
import type { Row } from './lib'

const KB = 1024

/**
 * Bundle sizes, min+gz, of each public entry: everything a bundler emits for it, static and dynamic chunks summed,
 * as `npm run size` measures and budgets them.
 */
export async function bundleSizes(): Promise<Row[]> {
  const rows: Row[] = []
  for (const { entry, result, overBudget } of await measureBundleSizes()) {
    const subject = `${entry.name} (min+gz, every chunk)`
    const goal = { target: `≤ ${entry.budgetBytes / KB} kB`, met: !overBudget }
    if (result.status === 'failed') {
      rows.push({
        bench: 'bundle size',
        subject,
        median: Number.NaN,
        unit: 'kB',
        runs: [],
        goal,
        notes: [`bundling failed: ${result.error}`],
      })
      continue
    }
    const sized: Row = { bench: 'bundle size', subject, median: result.gzBytes / KB, unit: 'kB', runs: [], goal }
    sized.runs.push(sized.median)
    if (result.staticGzBytes < result.gzBytes) {
      sized.notes = [`${kB(result.staticGzBytes)} of it on a static import, the rest on first use`]
    }
    rows.push(sized)
  }
  rows.push(...consolePageSize())
  return rows
}

/** What the console page may weigh, gzipped: it is served on every open of /__mock/. */
const CONSOLE_BUDGET_BYTES = 16 * KB

/** The mock console: one HTML page with its script and styles inlined, as the mock serves it. */
export function consolePageSize(): Row[] {
  const page = Buffer.from(consolePage())
  const gz = gzipSync(page, { level: 9 }).length
  return [
    {
      bench: 'bundle size',
      subject: 'mock console page (HTML, JS and CSS inlined, min)',
      median: page.length / KB,
      unit: 'kB',
      runs: [page.length / KB],
    },
    {
      bench: 'bundle size',
      subject: 'mock console page (min+gz)',
      median: gz / KB,
      unit: 'kB',
      runs: [gz / KB],
      goal: { target: `≤ ${CONSOLE_BUDGET_BYTES / KB} kB`, met: gz <= CONSOLE_BUDGET_BYTES },
    },
  ]
}
