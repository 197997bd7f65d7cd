import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/** `#crypto` (package.json `imports`) as the sources: node:crypto, or Web Crypto as every other platform gets it. */
const crypto = (implementation: 'node' | 'web') => ({
  find: /^#crypto$/,
  replacement: source(`./src/webhooks/crypto-${implementation}.ts`),
})

export default defineConfig({
  resolve: {
    // Examples import the package by its published name; in this repo that name means the sources.
    alias: [
      { find: /^immigraflow\/webhooks$/, replacement: source('./src/webhooks/index.ts') },
      { find: /^immigraflow\/mock\/node$/, replacement: source('./mocks/node.ts') },
      { find: /^immigraflow\/mock\/browser$/, replacement: source('./mocks/browser.ts') },
      { find: /^immigraflow\/mock$/, replacement: source('./mocks/index.ts') },
      { find: /^immigraflow$/, replacement: source('./src/index.ts') },
    ],
  },
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        // Node gets node:crypto, as the package's `node` condition gives it.
        resolve: { alias: [crypto('node')] },
        test: { name: 'node', include: ['test/**/*.test.ts', 'examples/**/*.test.ts'] },
      },
      {
        extends: true,
        // The webhook suite once more over Web Crypto, the implementation every other platform gets.
        resolve: { alias: [crypto('web')] },
        test: { name: 'web-crypto', include: ['test/webhooks/**/*.test.ts'] },
      },
    ],
  },
})
