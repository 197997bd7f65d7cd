import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url))

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
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
