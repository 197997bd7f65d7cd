import { createMockApi } from 'immigraflow/mock'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { basicUsage } from '../../examples/basic-usage'
import { errorsAndRetries } from '../../examples/errors-and-retries'
import { pagination } from '../../examples/pagination'
import { mockInbox } from '../../examples/support'
import { ImmigraFlow } from '../../src'

const api = createMockApi()
const client = new ImmigraFlow({ apiKey: 'sk_test_examples', baseUrl: api.baseUrl, fetch: api.fetch, logLevel: 'off' })

afterEach(async () => {
  await api.idle()
  api.reset()
  vi.restoreAllMocks()
})

describe('the SDK examples, run against the mock', () => {
  it('basic usage registers, verifies, tracks and checks a case', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {})
    const { user, details, check, ours } = await basicUsage(client, mockInbox(api.outbox))
    expect(user.status).toBe('active')
    expect(details.case.receipt_number).toBe('EAC2190012345')
    expect(details.update_count).toBe(1)
    expect(check.updated_case_ids).toEqual([details.case.id])
    expect(ours.data.map((item) => [item.id, item.metadata])).toEqual([[details.case.id, { crm_case_id: 'OPP-2291' }]])
  })

  it('pagination walks every page', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {})
    const { emails, pageSizes } = await pagination(client)
    expect(emails).toHaveLength(5)
    expect(pageSizes).toEqual([2, 2, 1])
  })

  it('errors and retries catches each typed error', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const { conflict, user } = await errorsAndRetries(client)
    expect(log.mock.calls).toEqual([
      [404, 'not_found', expect.stringContaining('999999'), expect.stringMatching(/^req_/)],
      [[{ field: 'receipt_number', message: expect.stringContaining('three letters and ten digits') }]],
      ['Rate limited; the server asks to wait 1 s'],
    ])
    expect(conflict?.code).toBe('conflict')
    expect(user.status).toBe('pending_verification')
  })
})
