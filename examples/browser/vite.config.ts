import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  root: source('.'),
  resolve: {
    // The page imports the package by its published name; in this repo that name means the sources.
    alias: [
      { find: /^immigraflow\/webhooks$/, replacement: source('../../src/webhooks/index.ts') },
      { find: /^immigraflow\/mock\/browser$/, replacement: source('../../mocks/browser.ts') },
      { find: /^immigraflow\/mock$/, replacement: source('../../mocks/index.ts') },
      { find: /^immigraflow$/, replacement: source('../../src/index.ts') },
      // package.json `imports`: browsers get the Web Crypto implementation.
      { find: /^#crypto$/, replacement: source('../../src/webhooks/crypto-web.ts') },
    ],
  },
  build: {
    // The page bundles the whole mock (msw, the zod schemas), which an app would load in development only.
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      onLog(level, log, handler) {
        // The SDK loads zod lazily, but the bundled mock needs it at once: expected here, so not worth a warning.
        if (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT') return
        handler(level, log)
      },
    },
  },
})
