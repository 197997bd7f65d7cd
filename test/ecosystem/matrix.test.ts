import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { RUNTIMES, renderMatrix, TARGETS, withMatrix } from '../../ecosystem/targets'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

describe('the ecosystem matrix', () => {
  it('is what the README shows (run `npm run test:ecosystem -- --readme` after changing ecosystem/targets.ts)', () => {
    expect(withMatrix(readme)).toBe(readme)
  })

  it('lists every target in the README with its runtime version', () => {
    const matrix = renderMatrix()
    for (const target of TARGETS) expect(matrix).toContain(`| ${RUNTIMES[target.runtime].version} | ${target.how} |`)
  })

  it('gives every target its own id, so --only picks exactly one', () => {
    expect(new Set(TARGETS.map((target) => target.id)).size).toBe(TARGETS.length)
  })

  it('pins every downloaded runtime to an exact version', () => {
    for (const runtime of Object.values(RUNTIMES)) {
      if ('package' in runtime) expect(runtime.package.version).toMatch(/^\d+\.\d+\.\d+$/)
    }
  })

  it('refuses a README without the matrix block instead of appending one', () => {
    expect(() => withMatrix('# README\n')).toThrow(/ecosystem-matrix:start/)
  })
})
