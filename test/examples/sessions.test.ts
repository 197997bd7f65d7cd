import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { type RunningMockServer, startMockServer } from 'immigraflow/mock/node'
import { afterEach, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))

let mock: RunningMockServer | undefined
afterEach(async () => {
  await mock?.close()
  mock = undefined
})

describe('examples/sessions: two worker processes sharing one standalone mock', () => {
  it('both pass, each asserting exact totals on its own session, and the mock holds each one’s data apart', async () => {
    mock = await startMockServer({ port: 0 })
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'examples/sessions/run.ts', '--base-url', mock.url],
      {
        cwd: root,
      },
    )
    const reports = stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { session: string; users: string[]; now: string })
      .sort((a, b) => a.session.localeCompare(b.session))
    expect(reports.map((report) => [report.session, report.users])).toEqual([
      ['worker-1', ['ana.worker-1@example.com', 'luis.worker-1@example.com']],
      ['worker-2', ['ana.worker-2@example.com', 'luis.worker-2@example.com']],
    ])
    expect(stdout).toContain('Both workers passed, each on its own session.')
    expect(mock.sessions.names.slice().sort()).toEqual(['worker-1', 'worker-2'])
    for (const name of ['worker-1', 'worker-2']) {
      const emails = [...mock.session(name).store.state.users.values()].map((user) => user.email)
      expect(emails.every((email) => email.endsWith(`.${name}@example.com`))).toBe(true)
      expect(emails).toHaveLength(2)
    }
    expect(mock.api.store.state.users.size).toBe(0)
    expect(mock.api.clock.iso()).toBe('2026-01-05T09:00:00.000Z')
  })
})
