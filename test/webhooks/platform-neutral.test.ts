import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const webhooksDir = fileURLToPath(new URL('../../src/webhooks', import.meta.url))
const srcDir = resolve(webhooksDir, '..')

// Static imports and re-exports (`from '...'`), bare `import '...'`, and dynamic `import('...')`.
const SPECIFIER = /\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g

type Import = { file: string; specifier: string; dynamic: boolean }

const imports: Import[] = readdirSync(webhooksDir)
  .filter((file) => file.endsWith('.ts'))
  .flatMap((file) =>
    [...readFileSync(join(webhooksDir, file), 'utf8').matchAll(SPECIFIER)].map((match) => ({
      file,
      specifier: (match[1] ?? match[2] ?? match[3]) as string,
      dynamic: match[3] !== undefined,
    })),
  )

const isZod = ({ specifier }: Import) => specifier === 'zod' || specifier.startsWith('zod/')

/** Where a relative specifier points, relative to src/ (e.g. `core/base-error`); undefined for packages. */
function target({ specifier }: Import): string | undefined {
  return specifier.startsWith('.') ? relative(srcDir, resolve(webhooksDir, specifier)) : undefined
}

describe('src/webhooks stays platform neutral', () => {
  it('finds the webhooks sources and their imports', () => {
    expect(imports.map((entry) => entry.file)).toContain('verify.ts')
    expect(imports.some((entry) => entry.specifier === '../core/base-error')).toBe(true)
  })

  it('imports no node: module or Node built-in', () => {
    const builtins = new Set(builtinModules)
    const offending = imports.filter(
      ({ specifier }) => specifier.startsWith('node:') || builtins.has(specifier.split('/')[0] as string),
    )
    expect(offending).toEqual([])
  })

  it('imports nothing of the client: only its own files, the error base, generated code and zod', () => {
    const allowed = (path: string) =>
      path.startsWith('webhooks/') || path === 'core/base-error' || path.startsWith('generated/')
    const offending = imports.filter((entry) => {
      const path = target(entry)
      return path === undefined ? !isZod(entry) : !allowed(path)
    })
    expect(offending).toEqual([])
  })

  it('loads zod and the schemas only in modules that are themselves imported dynamically', () => {
    // generated/openapi holds types only; every other generated module builds zod schemas.
    const loadsZod = (entry: Import) => {
      const path = target(entry)
      return isZod(entry) || (path?.startsWith('generated/') === true && path !== 'generated/openapi')
    }
    const lazyFiles = new Set(imports.filter(loadsZod).map((entry) => `webhooks/${entry.file.replace(/\.ts$/, '')}`))
    expect(lazyFiles.size).toBeGreaterThan(0)
    const importsOfLazy = imports.filter((entry) => lazyFiles.has(target(entry) ?? ''))
    expect(importsOfLazy.length).toBeGreaterThan(0)
    expect(importsOfLazy.filter((entry) => !entry.dynamic)).toEqual([])
  })
})
