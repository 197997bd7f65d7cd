import { setupMockServer } from 'immigraflow/mock/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { basicUsage } from '../../examples/basic-usage'
import { errorsAndRetries } from '../../examples/errors-and-retries'
import { pagination } from '../../examples/pagination'
import { mockInbox } from '../../examples/support'
import { ImmigraFlow } from '../../src'

const server = setupMockServer()
const client = new ImmigraFlow({ apiKey: 'sk_test_examples', baseUrl: server.api.baseUrl, logLevel: 'off' })

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(async () => {
  await server.api.idle()
  server.api.reset()
  vi.restoreAllMocks()
})
afterAll(() => server.close())

describe('the SDK examples, run against the mock', () => {
  it('basic usage registers, verifies, tracks and checks a case', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {})
    const { user, details, check } = await basicUsage(client, mockInbox(server.api.outbox))
    expect(user.status).toBe('active')
    expect(details.case.receipt_number).toBe('EAC2190012345')
    expect(details.update_count).toBe(1)
    expect(check.updated_case_ids).toEqual([details.case.id])
  })

  it('pagination walks every page', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {})
    const { emails, pageSizes } = await pagination(client)
    expect(emails).toHaveLength(5)
    expect(pageSizes).toEqual([2, 2, 1])
  })

  it('errors and retries catches each typed error', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {})
    const outcomes = await errorsAndRetries(client)
    expect(outcomes).toEqual(['not_found', 'receipt_number', 'conflict', 'pending_verification', 'rate_limited'])
  })
})
