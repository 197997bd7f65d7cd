/**
 * Rewrites every README code block announced by `<!-- snippet: FILE#REGION -->` from the
 * `// #region REGION` of FILE, so README examples are always the tested code.
 * test/examples/readme-snippets.test.ts fails when this has not been run.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/** The lines between `// #region NAME` and `// #endregion`, without their common indentation. */
export function region(source: string, name: string): string {
  const match = new RegExp(`// #region ${name}\\n([\\s\\S]*?)\\n\\s*// #endregion`).exec(source)
  if (!match) throw new Error(`no region "${name}"`)
  const lines = (match[1] as string).split('\n')
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)?.[0].length ?? 0))
  return `${lines.map((line) => line.slice(indent)).join('\n')}\n`
}

/** The README with every snippet block replaced by its region's current text. */
export function syncReadme(readme: string, readFile: (path: string) => string): string {
  return readme.replace(
    /(<!-- snippet: ([^#\s]+)#([\w-]+) -->\s*```\w*\n)[\s\S]*?```/g,
    (_, opening: string, file: string, name: string) => `${opening}${region(readFile(file), name)}\`\`\``,
  )
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = `${root}README.md`
  const next = syncReadme(readFileSync(path, 'utf8'), (file) => readFileSync(`${root}${file}`, 'utf8'))
  writeFileSync(path, next)
  console.log('README snippets synced from examples/.')
}
