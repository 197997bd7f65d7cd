/**
 * Using the mock in your own test suite: the SDK (or any fetch-based client) talks to an
 * in-process ImmigraFlow through MSW, with the mock's clock, outbox and USCIS under control.
 */
// #region setup
import { ImmigraFlow } from 'immigraflow'
import { setupMockServer } from 'immigraflow/mock/node'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'

const mock = setupMockServer()
const client = new ImmigraFlow({ apiKey: 'sk_test', baseUrl: mock.api.baseUrl })

beforeAll(() => mock.listen({ onUnhandledRequest: 'error' }))
afterEach(async () => {
  await mock.api.idle() // let deliveries and notifications settle
  mock.api.reset() // every test starts from an empty mock
})
afterAll(() => mock.close())
// #endregion

it('emails the user when USCIS moves their case', async () => {
  // #region flow
  const user = await client.users.create({ email: 'maria.lopez@example.com', name: 'María López' })
  const token = mock.api.outbox.find((message) => message.kind === 'verification')?.token ?? ''
  await client.users.verifyEmail({ token })

  const { case: tracked } = await client.cases.create(user.id, { receipt_number: 'EAC2190012302' })
  await client.check.status({ receipt_number: tracked.receipt_number }) // baseline: not notified

  await mock.api.clock.advance(7 * 24 * 60 * 60 * 1000) // USCIS moves one step a week
  const check = await client.check.status({ receipt_number: tracked.receipt_number })
  await mock.api.idle()

  expect(check.changed).toBe(true)
  const emails = mock.api.outbox.filter((message) => message.kind === 'status_update')
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
  expect(mock.api.requests.filter((request) => request.operation === 'createUser')).toHaveLength(3)
  // #endregion
  expect(created.status).toBe('pending_verification')
})
