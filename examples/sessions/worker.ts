/**
 * One test worker sharing a standalone ImmigraFlow mock with others through its own session.
 *
 *   IMMIGRAFLOW_BASE_URL=http://127.0.0.1:4010 MOCK_SESSION=worker-1 npx tsx examples/sessions/worker.ts
 *
 * Every request it sends carries `X-Mock-Session: <its name>`: the SDK's through the client's
 * `headers` option (taken from the control), the control's own through `createMockControl({ session })`.
 * So it may assert on exact totals (its users, its outbox, its mock time) while other workers
 * create their own data on the same server. Prints one JSON line with what it saw; exits 1 when
 * an assertion fails.
 */
import { strict as assert } from 'node:assert'
import { ImmigraFlow } from 'immigraflow'
import { createMockControl } from 'immigraflow/mock'

// #region session
const baseUrl = process.env.IMMIGRAFLOW_BASE_URL ?? 'http://127.0.0.1:4010'
// One session per worker: vitest numbers its workers in VITEST_POOL_ID (Playwright: testInfo.workerIndex).
const session = process.env.MOCK_SESSION ?? `worker-${process.env.VITEST_POOL_ID ?? process.pid}`
// The typed control client steers this worker's session only; its `headers` put the SDK's calls there too.
const mock = createMockControl({ url: baseUrl, session })
const client = new ImmigraFlow({
  apiKey: process.env.IMMIGRAFLOW_API_KEY ?? 'sk_test_sessions',
  baseUrl,
  headers: { ...mock.headers },
})
// #endregion

// A clean slate for this worker only: the other sessions keep their data.
await mock.reset()

// Two users of this worker's own, each verified with the token from this session's outbox.
const emails = [`ana.${session}@example.com`, `luis.${session}@example.com`]
const users = []
for (const email of emails) {
  const user = await client.users.create({ email, name: `${email.split('.')[0]} (${session})`, metadata: { session } })
  const message = (await mock.outbox()).find((item) => item.kind === 'verification' && item.to === email)
  assert.ok(message?.token, `no verification email for ${email}`)
  users.push(await client.users.verifyEmail({ token: message.token }))
  assert.equal(users.at(-1)?.id, user.id)
}

// Exact totals hold although other workers create users on the same server at the same time.
const listed = await client.users.list({ limit: 100 })
assert.equal(listed.total, 2, `expected only this worker's 2 users, got ${listed.total}`)
assert.deepEqual(listed.data.map((user) => user.email).sort(), [...emails].sort())

// A case and a week on this session's clock: its status moves on; the other sessions' clocks do not.
const receipt = process.env.RECEIPT ?? 'IOE0915220200'
const owner = users[0] as { id: number }
await client.cases.create(owner.id, { receipt_number: receipt, description: `Tracked by ${session}` })
const before = await client.check.status({ receipt_number: receipt })
const week = await mock.clock.advance(7 * 86_400_000)
const after = await client.check.status({ receipt_number: receipt })
assert.equal(after.changed, true)
const now = await mock.clock.now()
assert.equal(now, '2026-01-12T09:00:00.000Z')
assert.equal(week.to, now)
// Only this worker's calls are in its request log: exactly one case was created in this session.
await mock.expectRequest({ operation: 'createCase', status: 201, times: 1, body: { receipt_number: receipt } })

console.log(
  JSON.stringify({
    session,
    users: listed.data.map((user) => user.email).sort(),
    statuses: [before.status.status_code, after.status.status_code],
    now,
  }),
)
