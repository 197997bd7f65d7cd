import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))

describe('npm run docs', () => {
  it('builds the API reference from the TSDoc with no warning (TypeDoc, warnings are errors)', async () => {
    const { stdout } = await run(`${root}node_modules/.bin/typedoc`, ['--emit', 'none'], { cwd: root })
    expect(stdout).not.toMatch(/warning|error/i)
  }, 120_000)
})
