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

/** The one module that may import Node built-ins: `#crypto` under the `node` condition. */
const NODE_CRYPTO = 'crypto-node.ts'

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

  it('imports no node: module or Node built-in, except in the node:crypto implementation of #crypto', () => {
    const builtins = new Set(builtinModules)
    const isBuiltin = ({ specifier }: Import) =>
      specifier.startsWith('node:') || builtins.has(specifier.split('/')[0] as string)
    expect(imports.filter((entry) => entry.file !== NODE_CRYPTO && isBuiltin(entry))).toEqual([])
    expect(
      imports.filter((entry) => entry.file === NODE_CRYPTO && isBuiltin(entry)).map((entry) => entry.specifier),
    ).toEqual(['node:crypto'])
  })

  it('reaches the crypto implementations only through #crypto, which package.json maps by condition', () => {
    const direct = imports.filter((entry) => /^webhooks\/crypto-/.test(target(entry) ?? ''))
    expect(direct).toEqual([])
    expect(imports.some((entry) => entry.specifier === '#crypto')).toBe(true)
    const { imports: map } = JSON.parse(readFileSync(join(srcDir, '..', 'package.json'), 'utf8'))
    expect(map['#crypto']).toEqual({
      node: { import: './dist/crypto/node.js', require: './dist/crypto/node.cjs' },
      default: { import: './dist/crypto/web.js', require: './dist/crypto/web.cjs' },
    })
  })

  it('imports nothing of the client: only its own files, the error base, generated code, zod and #crypto', () => {
    const allowed = (path: string) =>
      path.startsWith('webhooks/') || path === 'core/base-error' || path.startsWith('generated/')
    const offending = imports.filter((entry) => {
      const path = target(entry)
      if (path !== undefined) return !allowed(path)
      const nodeCrypto = entry.file === NODE_CRYPTO && entry.specifier === 'node:crypto'
      return !isZod(entry) && entry.specifier !== '#crypto' && !nodeCrypto
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
