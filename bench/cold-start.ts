import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { interleaved, type Row, ratioRow, row } from './lib'

const require = createRequire(import.meta.url)

/** Milliseconds a fresh Node process spends in `import(specifier)`. */
function importMs(url: string): number {
  const script = `const s = performance.now(); await import(${JSON.stringify(url)}); console.log(performance.now() - s)`
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim())
}

/** Cold start: `import('immigraflow')` (the built ESM entry) vs `import('openapi-fetch')`, each in a fresh process. */
export async function coldStart({ runs = 11 } = {}): Promise<Row[]> {
  const sdk = pathToFileURL(fileURLToPath(new URL('../dist/index.js', import.meta.url))).href
  const openapiFetch = pathToFileURL(require.resolve('openapi-fetch')).href
  const results = await interleaved(
    { sdk: async () => importMs(sdk), openapiFetch: async () => importMs(openapiFetch) },
    runs,
  )
  return [
    row('cold start', "import('openapi-fetch')", results.openapiFetch, 'ms'),
    ratioRow('cold start', "import('immigraflow')", results.sdk, 'ms', {
      name: 'openapi-fetch',
      runs: results.openapiFetch,
    }),
  ]
}
