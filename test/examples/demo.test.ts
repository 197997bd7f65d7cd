import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { startMockServer } from 'immigraflow/mock/node'
import { describe, expect, it } from 'vitest'
import { createPrinter, tour } from '../../examples/demo'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))

describe('npm run demo', () => {
  it('walks the whole product: verify, track, change in EN and ES, notify, verified webhooks', async () => {
    const mock = await startMockServer({ port: 0 })
    const lines: string[] = []
    try {
      const result = await tour(
        mock.url,
        createPrinter((text) => lines.push(text), false),
      )
      expect(result.user.status).toBe('active')
      expect(result.changes.map((check) => check.changed)).toEqual([true, true])
      expect(result.changes[1]?.status.status_code_es).toBe('Caso Fue Aprobado')
      expect(result.notifications.map((message) => message.channel).sort()).toEqual([
        'email',
        'email',
        'whatsapp',
        'whatsapp',
      ])
      // Deliveries run concurrently, so arrival order is not fixed.
      expect(result.received.map((event) => event.type).sort()).toEqual([
        'case.created',
        'case.created',
        'case.status_changed',
        'case.status_changed',
        'user.created',
        'user.verified',
      ])
      expect(lines.join('\n')).toContain('ES  Caso Fue Aprobado')
      expect(lines.join('\n')).toMatch(/OPP-2292 is case #[0-9]+ \(Work permit\)/)
      expect(lines.join('\n')).not.toContain('\u001b[')
    } finally {
      await mock.close()
    }
  })

  it('runs as a script against a standalone mock given with --base-url, twice, with its key, and exits 0', async () => {
    const mock = await startMockServer({ port: 0, apiKey: 'sk_test_demo_server' })
    const demo = (args: string[], env: Record<string, string> = {}) =>
      run(`${root}node_modules/.bin/tsx`, ['examples/demo.ts', '--base-url', mock.url, ...args], {
        cwd: root,
        env: { ...process.env, NO_COLOR: '1', ...env },
      })
    try {
      const first = await demo([], { IMMIGRAFLOW_API_KEY: 'sk_test_demo_server' })
      expect(first.stdout).toContain('Case Was Approved')
      expect(first.stdout).toContain('✔ That is ImmigraFlow')
      // Again on the same server: María is taken, so the tour registers the next address.
      const second = await demo(['--api-key', 'sk_test_demo_server'])
      expect(second.stdout).toContain('maria.lopez@example.com is already registered')
      expect(second.stdout).toContain('<maria.lopez+2@example.com> is pending_verification')
      expect(second.stdout).toContain('✔ That is ImmigraFlow')
    } finally {
      await mock.close()
    }
  })
})
