import { measureBundleSizes } from '../scripts/size'
import type { Row } from './lib'

const KB = 1024

/** Bundle sizes, min+gz, of each public entry with its dependencies, as `npm run size` measures and budgets them. */
export async function bundleSizes(): Promise<Row[]> {
  const rows: Row[] = []
  for (const { entry, result, overBudget } of await measureBundleSizes()) {
    const subject = `${entry.name} (min+gz, static imports)`
    if (result.status !== 'measured') {
      const missing: Row = { bench: 'bundle size', subject, median: Number.NaN, unit: 'kB', runs: [] }
      missing.notes = [
        result.status === 'missing' ? `${entry.file} does not exist` : `bundling failed: ${result.error}`,
      ]
      if (entry.budgetBytes !== undefined) missing.goal = { target: `≤ ${entry.budgetBytes / KB} kB`, met: false }
      rows.push(missing)
      continue
    }
    const sized: Row = {
      bench: 'bundle size',
      subject,
      median: result.gzBytes / KB,
      unit: 'kB',
      runs: [result.gzBytes / KB],
    }
    if (entry.budgetBytes !== undefined) sized.goal = { target: `≤ ${entry.budgetBytes / KB} kB`, met: !overBudget }
    if (result.lazyChunks > 0)
      sized.notes = [
        `plus ${(result.lazyGzBytes / KB).toFixed(2)} kB gz in ${result.lazyChunks} lazy chunk(s) loaded on first use (the zod schemas)`,
      ]
    rows.push(sized)
  }
  return rows
}
