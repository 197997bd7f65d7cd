/**
 * Using the mock in your own test suite: the SDK talks to an in-process ImmigraFlow through
 * `api.fetch` (no server, no interception, nothing global), with the mock's clock, outbox and
 * USCIS under control.
 */
// #region setup
import { ImmigraFlow } from 'immigraflow'
import { createMockApi } from 'immigraflow/mock'
import { afterEach, expect, it } from 'vitest'

const api = createMockApi()
// The SDK sends its requests straight to the mock: fast, and isolated per test file.
const client = new ImmigraFlow({ apiKey: 'sk_test', baseUrl: api.baseUrl, fetch: api.fetch })

afterEach(async () => {
  await api.idle() // let deliveries and notifications settle
  api.reset() // every test starts from an empty mock
})
// #endregion

it('emails the user when USCIS moves their case', async () => {
  // #region flow
  const user = await client.users.create({ email: 'maria.lopez@example.com', name: 'María López' })
  const token = api.outbox.find((message) => message.kind === 'verification')?.token ?? ''
  await client.users.verifyEmail({ token })

  const { case: tracked } = await client.cases.create(user.id, { receipt_number: 'EAC2190012302' })
  await client.check.status({ receipt_number: tracked.receipt_number }) // baseline: not notified

  await api.clock.advance(7 * 24 * 60 * 60 * 1000) // USCIS moves one step a week
  const check = await client.check.status({ receipt_number: tracked.receipt_number })
  await api.idle()

  expect(check.changed).toBe(true)
  const emails = api.outbox.filter((message) => message.kind === 'status_update')
  expect(emails.map((message) => message.to)).toEqual(['maria.lopez@example.com'])
  // #endregion
})

it('starts each test from an empty mock', async () => {
  const page = await client.users.list()
  expect(page.total).toBe(0)
})

it('lets a test force a fault', async () => {
  // #region faults
  // Prism-style Prefer header, extended: fail the next two identical calls with 503, then
  // succeed; retry-after=0 lets the SDK retry at once instead of waiting the usual second.
  const created = await client.users.create(
    { email: 'wei.chen@example.com', name: 'Wei Chen' },
    { headers: { Prefer: 'fail-times=2, code=503, retry-after=0' } },
  )
  // The SDK retried twice with the same Idempotency-Key; the mock logged all three attempts.
  expect(api.requests.filter((request) => request.operation === 'createUser')).toHaveLength(3)
  // #endregion
  expect(created.status).toBe('pending_verification')
})
