import { describe, expect, test } from 'vitest'
import { createMockApi } from '../../mocks/api'
import { activeUser, call } from '../helpers/mock'

const WEEK = 7 * 86_400_000

describe('cases', () => {
  test('create answers 201 with CaseDetailsResponse: the case, its user, no status updates yet', async () => {
    const api = createMockApi()
    const user = await activeUser(api)
    const res = await call(api, 'createCase', {
      params: { user_id: user.id },
      body: { receipt_number: 'EAC2190012340', user_case_id: 'Green card', description: 'AOS' },
    })
    expect(res.status).toBe(201)
    expect(res.body.case).toMatchObject({
      id: 1,
      user_id: user.id,
      user_case_id: 'Green card',
      active: true,
      last_checked: null,
      latest_status: null,
    })
    expect(res.body.case.user).toEqual(user)
    expect(res.body.status_updates).toEqual([])
    expect(res.body.update_count).toBe(0)
  })

  test('creating a case for an unknown user is a 404', async () => {
    const res = await call(createMockApi(), 'createCase', {
      params: { user_id: 42 },
      body: { receipt_number: 'EAC2190012340' },
    })
    expect(res.status).toBe(404)
  })

  test('the same receipt twice for one user while active is a 409; after deactivation it is allowed', async () => {
    const api = createMockApi()
    const user = await activeUser(api)
    const first = await call(api, 'createCase', {
      params: { user_id: user.id },
      body: { receipt_number: 'EAC2190012340' },
    })
    const dup = await call(api, 'createCase', {
      params: { user_id: user.id },
      body: { receipt_number: 'eac2190012340' },
    })
    expect(dup.status).toBe(409)
    expect(dup.error.details).toEqual([{ field: 'receipt_number', message: 'already tracked by this user' }])
    await call(api, 'updateCase', { params: { case_id: first.body.case.id }, body: { active: false } })
    expect(
      (await call(api, 'createCase', { params: { user_id: user.id }, body: { receipt_number: 'EAC2190012340' } }))
        .status,
    ).toBe(201)
    const reactivate = await call(api, 'updateCase', {
      params: { case_id: first.body.case.id },
      body: { active: true },
    })
    expect(reactivate.status).toBe(409)
  })

  test('two users may track the same receipt', async () => {
    const api = createMockApi()
    const a = await activeUser(api)
    const b = await activeUser(api)
    expect(
      (await call(api, 'createCase', { params: { user_id: a.id }, body: { receipt_number: 'EAC2190012340' } })).status,
    ).toBe(201)
    expect(
      (await call(api, 'createCase', { params: { user_id: b.id }, body: { receipt_number: 'EAC2190012340' } })).status,
    ).toBe(201)
  })

  test('PUT changes user_case_id, description and active; null clears a text field', async () => {
    const api = createMockApi()
    const user = await activeUser(api)
    const created = await call(api, 'createCase', {
      params: { user_id: user.id },
      body: { receipt_number: 'EAC2190012340', user_case_id: 'GC' },
    })
    const res = await call(api, 'updateCase', {
      params: { case_id: created.body.case.id },
      body: { user_case_id: null, description: 'Waiting', active: false },
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      user_case_id: null,
      description: 'Waiting',
      active: false,
      receipt_number: 'EAC2190012340',
    })
  })

  test('the receipt number is immutable: sending it in PUT is a 422 unknown field', async () => {
    const api = createMockApi()
    const user = await activeUser(api)
    const created = await call(api, 'createCase', {
      params: { user_id: user.id },
      body: { receipt_number: 'EAC2190012340' },
    })
    const res = await call(api, 'updateCase', {
      params: { case_id: created.body.case.id },
      body: { receipt_number: 'EAC2190012341' },
    })
    expect(res.status).toBe(422)
    expect(res.error.details).toEqual([{ field: 'receipt_number', message: 'is not a known field' }])
  })

  test('GET returns the case with its user, status updates newest first, and update_count', async () => {
    const api = createMockApi()
    const user = await activeUser(api)
    const created = await call(api, 'createCase', {
      params: { user_id: user.id },
      body: { receipt_number: 'EAC2190012340' },
    })
    await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
    await api.clock.advance(WEEK)
    await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
    const res = await call(api, 'getCase', { params: { case_id: created.body.case.id } })
    expect(res.body.update_count).toBe(2)
    expect(res.body.status_updates.map((update) => update.id)).toEqual([2, 1])
    expect(res.body.case.latest_status?.status_update_id).toBe(2)
    expect(res.body.case.user.id).toBe(user.id)
  })

  test('GET of an unknown case is a 404', async () => {
    expect((await call(createMockApi(), 'getCase', { params: { case_id: 7 } })).status).toBe(404)
  })
})
