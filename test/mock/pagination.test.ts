import { describe, expect, test } from 'vitest'
import { createMockApi, type MockApi } from '../../mocks/api'
import { call } from '../helpers/mock'

function addUsers(api: MockApi, count: number, status: 'active' | 'pending_verification' = 'active') {
  for (let i = 0; i < count; i++) {
    const n = api.store.state.users.size + 1
    api.store.insertUser(
      {
        email: `u${n}@example.com`,
        name: `U${n}`,
        phone: null,
        notify_by_email: true,
        notify_by_whatsapp: false,
        status,
      },
      api.clock.iso(),
    )
  }
}

describe('pagination', () => {
  test('lists default to 20 items with has_more, next_cursor and total', async () => {
    const api = createMockApi()
    addUsers(api, 25)
    const page = await call(api, 'listUsers')
    expect(page.body.data).toHaveLength(20)
    expect(page.body).toMatchObject({ has_more: true, total: 25 })
    const next = await call(api, 'listUsers', { query: { cursor: page.body.next_cursor as string } })
    expect(next.body.data.map((user) => user.id)).toEqual([21, 22, 23, 24, 25])
    expect(next.body).toMatchObject({ has_more: false, next_cursor: null, total: 25 })
  })

  test('limit sets the page size', async () => {
    const api = createMockApi()
    addUsers(api, 5)
    const page = await call(api, 'listUsers', { query: { limit: 2 } })
    expect(page.body.data.map((user) => user.id)).toEqual([1, 2])
    expect(page.body.has_more).toBe(true)
  })

  test('paging stays correct while items are inserted between pages', async () => {
    const api = createMockApi()
    addUsers(api, 4)
    const first = await call(api, 'listUsers', { query: { limit: 2 } })
    addUsers(api, 3)
    const ids: number[] = first.body.data.map((user) => user.id)
    let cursor = first.body.next_cursor
    while (cursor) {
      const page = await call(api, 'listUsers', { query: { limit: 2, cursor } })
      ids.push(...page.body.data.map((user) => user.id))
      cursor = page.body.next_cursor
    }
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  test('users filter by status, with total counting matches across pages', async () => {
    const api = createMockApi()
    addUsers(api, 3, 'active')
    addUsers(api, 2, 'pending_verification')
    const page = await call(api, 'listUsers', { query: { status: 'pending_verification' } })
    expect(page.body.data.map((user) => user.id)).toEqual([4, 5])
    expect(page.body.total).toBe(2)
  })

  test('users filter by email, compared case-insensitively', async () => {
    const api = createMockApi()
    addUsers(api, 3)
    const page = await call(api, 'listUsers', { query: { email: 'U2@EXAMPLE.com' } })
    expect(page.body.data.map((user) => user.id)).toEqual([2])
    expect(page.body.total).toBe(1)
  })

  test('cases filter by active', async () => {
    const api = createMockApi()
    addUsers(api, 1)
    for (let i = 0; i < 4; i++) {
      api.store.insertCase(
        { user_id: 1, user_case_id: null, receipt_number: `EAC219001234${i}`, description: null, active: i % 2 === 0 },
        api.clock.iso(),
      )
    }
    const active = await call(api, 'listUserCases', { params: { user_id: 1 }, query: { active: true } })
    expect(active.body.data.map((item) => item.id)).toEqual([1, 3])
    expect(active.body.total).toBe(2)
    const inactive = await call(api, 'listUserCases', { params: { user_id: 1 }, query: { active: 'false' } })
    expect(inactive.body.data.map((item) => item.id)).toEqual([2, 4])
  })

  test('a cursor this API did not issue is a 422 on cursor', async () => {
    const res = await call(createMockApi(), 'listUsers', { query: { cursor: 'garbage!' } })
    expect(res.status).toBe(422)
    expect(res.error.details?.[0]?.field).toBe('cursor')
  })
})
