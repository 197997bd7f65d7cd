import { expect, test } from 'vitest'
import { createMockApi } from '../../mocks/api'
import { call } from '../helpers/mock'

test('with 100 000 cases in the store a list page returns the right cases (indexed by user, not scanned)', async () => {
  const api = createMockApi()
  const at = api.clock.iso()
  const users = 1_000
  for (let u = 1; u <= users; u++) {
    api.store.insertUser(
      {
        email: `u${u}@example.com`,
        name: `U${u}`,
        phone: null,
        notify_by_email: true,
        notify_by_whatsapp: false,
        status: 'active',
      },
      at,
    )
  }
  for (let i = 0; i < 100_000; i++) {
    const userId = (i % users) + 1
    const receipt = `EAC${String(2_000_000_000 + i).padStart(10, '0')}`
    api.store.insertCase(
      { user_id: userId, user_case_id: null, receipt_number: receipt, description: null, active: i % 3 !== 0 },
      at,
    )
  }
  expect(api.store.state.cases.size).toBe(100_000)

  const first = await call(api, 'listUserCases', { params: { user_id: 500 }, query: { limit: 10 } })
  expect(first.body.total).toBe(100)
  expect(first.body.data.map((item) => item.id)).toEqual([500, 1500, 2500, 3500, 4500, 5500, 6500, 7500, 8500, 9500])
  expect(first.body.data.every((item) => item.user_id === 500)).toBe(true)

  const later = await call(api, 'listUserCases', {
    params: { user_id: 500 },
    query: { limit: 10, cursor: first.body.next_cursor as string },
  })
  expect(later.body.data[0]?.id).toBe(10_500)

  const active = await call(api, 'listUserCases', { params: { user_id: 500 }, query: { active: true, limit: 100 } })
  const expected = Array.from({ length: 100 }, (_, k) => 500 + k * 1000 - 1)
    .filter((i) => i % 3 !== 0)
    .map((i) => i + 1)
  expect(active.body.data.map((item) => item.id)).toEqual(expected)
  expect(active.body.total).toBe(expected.length)
})
