import { describe, expect, expectTypeOf, it, vi } from 'vitest'
import { createMockApi } from '../../mocks/api'
import {
  type CaseSummary,
  ImmigraFlow,
  type Metadata,
  type User,
  type UserCreateParams,
  type UserListParams,
} from '../../src'
import { json, rejection, stubFetch, USER } from '../helpers/stub-fetch'

const BASE_URL = 'https://api.immigraflow.test'

/** A client whose fetch fails the test if it is ever called. */
function offlineClient() {
  const fetch = vi.fn(async (_request: Request): Promise<Response> => {
    throw new Error('nothing may be sent')
  })
  return { client: new ImmigraFlow({ apiKey: 'k', baseUrl: BASE_URL, fetch, logLevel: 'off' }), fetch }
}

function mockClient() {
  const api = createMockApi()
  const client = new ImmigraFlow({
    apiKey: 'k',
    baseUrl: api.baseUrl,
    fetch: async (request: Request) => (await api.handle(request)) ?? new Response(null, { status: 599 }),
    logLevel: 'off',
  })
  return { api, client }
}

describe('metadata in the SDK', () => {
  it('is typed as Record<string, string> on users and cases', () => {
    expectTypeOf<User['metadata']>().toEqualTypeOf<Record<string, string>>()
    expectTypeOf<CaseSummary['metadata']>().toEqualTypeOf<Record<string, string>>()
    expectTypeOf<Metadata>().toEqualTypeOf<Record<string, string>>()
    expectTypeOf<UserCreateParams['metadata']>().toEqualTypeOf<Record<string, string> | undefined>()
    expectTypeOf<UserListParams['metadata']>().toEqualTypeOf<Record<string, string> | undefined>()
  })

  it('rejects bad metadata before sending, one detail per key', async () => {
    const { client, fetch } = offlineClient()
    const metadata = JSON.parse('{"crm id":"x","ok":"y","n":1,"__proto__":"p"}') as Metadata
    const error = await rejection(client.users.create({ email: 'a@example.com', name: 'A', metadata }))
    expect(error.details).toEqual([
      { field: 'metadata.__proto__', message: 'is not a valid key: use 1–40 letters, digits, `_` or `-`' },
      { field: 'metadata.crm id', message: 'is not a valid key: use 1–40 letters, digits, `_` or `-`' },
      { field: 'metadata.n', message: 'must be a string' },
    ])
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']))
    const update = await rejection(client.cases.update(1, { metadata: tooMany }))
    expect(update.details).toEqual([{ field: 'metadata', message: 'must have at most 50 keys' }])
    const huge = await rejection(client.users.update(1, { metadata: { a: 'x'.repeat(501) } }))
    expect(huge.details).toEqual([{ field: 'metadata.a', message: 'must be at most 500 characters long' }])
    const filter = await rejection(client.users.list({ metadata: { 'a/b': 'x' } }))
    expect(filter.details.map((detail) => detail.field)).toEqual(['metadata.a/b'])
    expect(fetch).not.toHaveBeenCalled()
  })

  it('lets "" through in an update (it removes the key) but not on create', async () => {
    const { client, fetch } = offlineClient()
    const error = await rejection(client.users.create({ email: 'a@example.com', name: 'A', metadata: { a: '' } }))
    expect(error.details).toEqual([{ field: 'metadata.a', message: 'must be at least 1 character long' }])
    expect(fetch).not.toHaveBeenCalled()
    const { fetch: stub, requests } = stubFetch(json(USER))
    const client2 = new ImmigraFlow({ apiKey: 'k', baseUrl: BASE_URL, fetch: stub, logLevel: 'off' })
    await client2.users.update(7, { metadata: { a: '' } })
    expect(JSON.parse(requests[0]?.body ?? '{}')).toEqual({ metadata: { a: '' } })
  })

  it('sends list filters as metadata[KEY]=VALUE', async () => {
    const { fetch, requests } = stubFetch(json({ data: [], has_more: false, next_cursor: null, total: 0 }))
    const client = new ImmigraFlow({ apiKey: 'k', baseUrl: BASE_URL, fetch, logLevel: 'off' })
    await client.users.list({ metadata: { crm_id: 'CRM 1&2', tier: 'gold' }, limit: 5 })
    const url = new URL(requests[0]?.request.url ?? '')
    expect(url.searchParams.get('metadata[crm_id]')).toBe('CRM 1&2')
    expect(url.searchParams.get('metadata[tier]')).toBe('gold')
    expect(url.searchParams.get('limit')).toBe('5')
  })

  it('creates, updates, deletes a key and filters against the mock', async () => {
    const { client } = mockClient()
    const maria = await client.users.create({ email: 'maria@example.com', name: 'María', metadata: { crm_id: 'C-1' } })
    await client.users.create({ email: 'wei@example.com', name: 'Wei', metadata: { crm_id: 'C-2' } })
    expect(maria.metadata).toEqual({ crm_id: 'C-1' })
    const updated = await client.users.update(maria.id, { metadata: { region: 'west' } })
    expect(updated.metadata).toEqual({ crm_id: 'C-1', region: 'west' })
    const removed = await client.users.update(maria.id, { metadata: { region: '' } })
    expect(removed.metadata).toEqual({ crm_id: 'C-1' })
    const page = await client.users.list({ metadata: { crm_id: 'C-1' } })
    expect(page.data.map((user) => user.id)).toEqual([maria.id])
    expect(page.total).toBe(1)

    const created = await client.cases.create(maria.id, { receipt_number: 'EAC2190012345', metadata: { opp: '9' } })
    await client.cases.create(maria.id, { receipt_number: 'EAC2190012346' })
    expect(created.case.metadata).toEqual({ opp: '9' })
    const cases = []
    for await (const item of client.cases.list(maria.id, { metadata: { opp: '9' }, limit: 1 })) cases.push(item.id)
    expect(cases).toEqual([created.case.id])
    const caseUpdate = await client.cases.update(created.case.id, { metadata: { opp: '', stage: 'x' } })
    expect(caseUpdate.metadata).toEqual({ stage: 'x' })
  })
})
