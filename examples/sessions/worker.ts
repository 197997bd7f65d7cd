/**
 * One test worker sharing a standalone ImmigraFlow mock with others through its own session.
 *
 *   IMMIGRAFLOW_BASE_URL=http://127.0.0.1:4010 MOCK_SESSION=worker-1 npx tsx examples/sessions/worker.ts
 *
 * Every request it sends carries `X-Mock-Session: <its name>`: the SDK's through the client's
 * `headers` option, the control routes' through plain fetch. So it may assert on exact totals (its
 * users, its outbox, its mock time) while other workers create their own data on the same server.
 * Prints one JSON line with what it saw; exits 1 when an assertion fails.
 */
import { strict as assert } from 'node:assert'
import { ImmigraFlow } from 'immigraflow'

// #region session
const baseUrl = process.env.IMMIGRAFLOW_BASE_URL ?? 'http://127.0.0.1:4010'
// One session per worker: vitest numbers its workers in VITEST_POOL_ID (Playwright: testInfo.workerIndex).
const session = process.env.MOCK_SESSION ?? `worker-${process.env.VITEST_POOL_ID ?? process.pid}`
const client = new ImmigraFlow({
  apiKey: process.env.IMMIGRAFLOW_API_KEY ?? 'sk_test_sessions',
  baseUrl,
  headers: { 'X-Mock-Session': session },
})

/** A control route of the mock (`/__mock/...`), for this worker's session. */
async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}/__mock/${path}`, {
    method,
    headers: { 'X-Mock-Session': session, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${method} /__mock/${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}
// #endregion

type OutboxMessage = { kind: string; to: string; token: string | null }

// A clean slate for this worker only: the other sessions keep their data.
await control('POST', 'reset')

// Two users of this worker's own, each verified with the token from this session's outbox.
const emails = [`ana.${session}@example.com`, `luis.${session}@example.com`]
const users = []
for (const email of emails) {
  const user = await client.users.create({ email, name: `${email.split('.')[0]} (${session})`, metadata: { session } })
  const outbox = await control<{ data: OutboxMessage[] }>('GET', 'outbox')
  const message = outbox.data.find((item) => item.kind === 'verification' && item.to === email)
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
await control('POST', 'clock', { advance_ms: 7 * 86_400_000 })
const after = await client.check.status({ receipt_number: receipt })
assert.equal(after.changed, true)
const health = await control<{ now: string }>('GET', 'health')
assert.equal(health.now, '2026-01-12T09:00:00.000Z')

console.log(
  JSON.stringify({
    session,
    users: listed.data.map((user) => user.email).sort(),
    statuses: [before.status.status_code, after.status.status_code],
    now: health.now,
  }),
)
