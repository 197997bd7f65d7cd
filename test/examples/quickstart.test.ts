import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { startMockServer } from 'immigraflow/mock/node'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))

describe('the quick-start program', () => {
  it('finds its key and server in the environment and lists users', async () => {
    const mock = await startMockServer({ port: 0, apiKey: 'sk_test_quickstart' })
    try {
      await mock.api.handle(
        new Request(`${mock.api.baseUrl}/v1/users`, {
          method: 'POST',
          headers: { Authorization: 'Bearer sk_test_quickstart', 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: 'maria.lopez@example.com', name: 'María López' }),
        }),
      )
      const env = { ...process.env, IMMIGRAFLOW_API_KEY: 'sk_test_quickstart', IMMIGRAFLOW_BASE_URL: mock.url }
      const { stdout } = await run(`${root}node_modules/.bin/tsx`, ['examples/quickstart.ts'], { cwd: root, env })
      expect(stdout.trim()).toBe('1 users; on the first page: maria.lopez@example.com')
    } finally {
      await mock.close()
    }
  })
})
