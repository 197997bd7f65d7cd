/**
 * Builds the mock console (mocks/console/src: app.ts, styles.css, index.html) into one HTML page
 * with its script and styles inlined, and writes it to mocks/console/page.generated.ts, so the
 * mock serves it from memory and needs no file, CDN or bundler at run time.
 *
 * `tsx scripts/console.ts --check` writes nothing and exits 1 when the committed module is stale.
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build, transform } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const src = `${root}mocks/console/src/`
const outPath = `${root}mocks/console/page.generated.ts`
const HEADER = '// Generated from mocks/console/src by scripts/console.ts. Do not edit: run `npm run generate`.\n'

/** The page: the HTML template with the minified styles and the bundled, minified script inlined. */
export async function buildConsolePage(): Promise<{ html: string; scriptHash: string; styleHash: string }> {
  const script = await build({
    entryPoints: [`${src}app.ts`],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  })
  // `</script` may only occur inside a string or comment of the script: escaping the slash keeps
  // its meaning and keeps the HTML parser from ending the element early.
  const js = (script.outputFiles[0]?.text ?? '').trim().replaceAll('</script', '<\\/script')
  const css = (await transform(readFileSync(`${src}styles.css`, 'utf8'), { loader: 'css', minify: true })).code.trim()
  const template = readFileSync(`${src}index.html`, 'utf8')
  if (!template.includes('/*STYLE*/') || !template.includes('/*SCRIPT*/'))
    throw new Error('index.html needs the /*STYLE*/ and /*SCRIPT*/ placeholders')
  const html = template.replace('/*STYLE*/', () => css).replace('/*SCRIPT*/', () => js)
  const hash = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`
  return { html, scriptHash: hash(js), styleHash: hash(css) }
}

export async function consoleModule(): Promise<string> {
  const { html, scriptHash, styleHash } = await buildConsolePage()
  return `${HEADER}/** The console page, complete: styles and script inlined. */
export const CONSOLE_HTML = ${JSON.stringify(html)}
/** CSP hashes of the page's one inline script and one inline style. */
export const CONSOLE_SCRIPT_HASH = ${JSON.stringify(scriptHash)}
export const CONSOLE_STYLE_HASH = ${JSON.stringify(styleHash)}
`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const code = await consoleModule()
  if (process.argv.includes('--check')) {
    let current = ''
    try {
      current = readFileSync(outPath, 'utf8')
    } catch {}
    if (current !== code) {
      console.error('mocks/console/page.generated.ts is stale: run `npm run generate`.')
      process.exit(1)
    }
  } else {
    writeFileSync(outPath, code)
    console.log(`wrote mocks/console/page.generated.ts (${code.length} bytes)`)
  }
}
