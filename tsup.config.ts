import { defineConfig, type Options } from 'tsup'

const shared: Options = {
  sourcemap: true,
  target: 'es2022',
  // Node ≥ 20, browsers, Deno, Bun and edge workers all have fetch and Web Crypto.
  platform: 'neutral',
  // `#crypto` stays an import: package.json `imports` resolves it where the package runs (node:crypto under the
  // `node` condition, Web Crypto elsewhere) to one of the `crypto/*` files built below.
  external: ['msw', 'msw/node', 'msw/browser', 'zod', '#crypto'],
  // openapi-fetch is bundled (about 2 kB gz): its CommonJS build marks `default` with
  // __esModule, which Node-mode interop in our CJS output would otherwise resolve to the
  // module object instead of createClient.
  noExternal: ['openapi-fetch'],
}

export default defineConfig([
  {
    ...shared,
    entry: {
      index: 'src/index.ts',
      webhooks: 'src/webhooks/index.ts',
      'mock/index': 'mocks/index.ts',
      'mock/node': 'mocks/node.ts',
      'mock/browser': 'mocks/browser.ts',
      // The two implementations of `#crypto`; only the one chosen for the `node` condition imports node:crypto.
      'crypto/web': 'src/webhooks/crypto-web.ts',
      'crypto/node': 'src/webhooks/crypto-node.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
  },
  {
    ...shared,
    // The CLI runs only in Node, as ESM, and is never imported: no CJS or declarations.
    entry: { 'bin/immigraflow-mock': 'mocks/cli.ts' },
    platform: 'node',
    format: ['esm'],
  },
])
