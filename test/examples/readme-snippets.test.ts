import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { syncReadme } from '../../scripts/sync-readme'

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')
const readme = read('README.md')

describe('README code blocks', () => {
  it('are all announced as snippets of examples/', () => {
    const blocks = [...readme.matchAll(/```(ts|js|typescript)\n/g)].length
    const snippets = [...readme.matchAll(/<!-- snippet: examples\/[^#\s]+#[\w-]+ -->\s*```ts\n/g)].length
    expect(snippets).toBeGreaterThan(0)
    expect(snippets).toBe(blocks)
  })

  it('match the tested examples they come from (run `npm run readme` after editing an example)', () => {
    expect(syncReadme(readme, read)).toBe(readme)
  })
})
