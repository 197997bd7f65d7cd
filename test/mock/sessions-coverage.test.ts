/**
 * `--coverage-report` counts dropped sessions too; of a dropped session only its coverage
 * counters are kept (summed into a running total), never its mock.
 */
import { describe, expect, test } from 'vitest'
import { createMockApi } from '../../mocks/api'
import { CoverageCounter } from '../../mocks/coverage'
import { coverageOfEverySession, createMockSessions } from '../../mocks/sessions'
import { activeUser, call } from '../helpers/mock'
import { heldReceiverFetch } from '../helpers/mock-receiver'

function served(
  report: ReturnType<ReturnType<typeof coverageOfEverySession>['report']>,
  operation: string,
  status: number,
) {
  return report.operations.find((row) => row.operation === operation && row.status === status)?.count
}

describe('coverageOfEverySession', () => {
  test("a dropped session's coverage stays in the report; only its counters are kept", async () => {
    const sessions = createMockSessions({ defaultApi: createMockApi(), create: () => createMockApi() })
    const coverage = coverageOfEverySession(sessions)
    await call(sessions.resolve('w1'), 'listUsers')
    await call(sessions.resolve('w2'), 'listUsers')
    await call(sessions.defaultApi, 'listUsers')
    expect(served(coverage.report(), 'listUsers', 200)).toBe(3)
    expect(coverage.dropped.total).toBeUndefined()

    await sessions.drop('w1')
    await sessions.drop('w2')
    expect(served(coverage.report(), 'listUsers', 200)).toBe(3)
    // What is kept is one summed report: plain counts, no mock.
    const total = coverage.dropped.total
    expect(Object.keys(total ?? {}).sort()).toEqual(['covered', 'documented', 'operations', 'undocumented', 'webhooks'])
    expect(served(total as NonNullable<typeof total>, 'listUsers', 200)).toBe(2)
    expect(coverage.dropped.settling.size).toBe(0)
    expect(JSON.parse(JSON.stringify(total))).toEqual(total)
  })

  test('a delivery in flight when its session is dropped is counted once it finishes', async () => {
    const { fetch, release, delivering } = heldReceiverFetch(204)
    const sessions = createMockSessions({
      defaultApi: createMockApi(),
      create: () => createMockApi({ fetch }),
    })
    const coverage = coverageOfEverySession(sessions)
    const api = sessions.resolve('w1')
    await call(api, 'createWebhook', { body: { url: 'https://hooks.example.com/in', events: ['user.created'] } })
    await activeUser(api)
    void api.clock.advance(0)
    await delivering
    const dropped = sessions.drop('w1')
    // Until its deliveries settle, only the session's counter is kept.
    expect([...coverage.dropped.settling].every((kept) => kept instanceof CoverageCounter)).toBe(true)
    expect(coverage.dropped.settling.size).toBe(1)
    release()
    await dropped
    await api.idle()
    expect(coverage.dropped.settling.size).toBe(0)
    const row = coverage.report().webhooks.find((hook) => hook.type === 'user.created')
    expect(row?.count).toBe(1)
  })
})
