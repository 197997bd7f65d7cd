import { describe, expect, test } from 'vitest'
import { createMockApi } from '../../mocks/api'
import { call } from '../helpers/mock'

const user = { email: 'a@example.com', name: 'A' }

describe('idempotency', () => {
  test('a POST repeated with the same Idempotency-Key replays the first response with Idempotent-Replayed: true', async () => {
    const api = createMockApi()
    const first = await call(api, 'createUser', { body: user, headers: { 'idempotency-key': 'k1' } })
    const second = await call(api, 'createUser', { body: user, headers: { 'idempotency-key': 'k1' } })
    expect(second.status).toBe(201)
    expect(second.text).toBe(first.text)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect(first.headers.get('idempotent-replayed')).toBeNull()
    expect(api.store.state.users.size).toBe(1)
    expect(api.events).toHaveLength(1)
  })

  test('the same key with a different body is a 422 idempotency_key_reused', async () => {
    const api = createMockApi()
    await call(api, 'createUser', { body: user, headers: { 'idempotency-key': 'k1' } })
    const res = await call(api, 'createUser', { body: { ...user, name: 'B' }, headers: { 'idempotency-key': 'k1' } })
    expect(res.status).toBe(422)
    expect(res.error.code).toBe('idempotency_key_reused')
  })

  test('a stored response expires after 24 h of mock time', async () => {
    const api = createMockApi()
    await call(api, 'createUser', { body: user, headers: { 'idempotency-key': 'k1' } })
    await api.clock.advance(24 * 3_600_000)
    const res = await call(api, 'createUser', { body: user, headers: { 'idempotency-key': 'k1' } })
    expect(res.status).toBe(409)
    expect(res.headers.get('idempotent-replayed')).toBeNull()
  })

  test('business errors are replayed too, validation errors are not stored', async () => {
    const api = createMockApi()
    const invalid = await call(api, 'createUser', {
      body: { email: 'bad', name: 'A' },
      headers: { 'idempotency-key': 'k2' },
    })
    expect(invalid.status).toBe(422)
    const fixed = await call(api, 'createUser', { body: user, headers: { 'idempotency-key': 'k2' } })
    expect(fixed.status).toBe(201)
    const missing = await call(api, 'createCase', {
      params: { user_id: 99 },
      body: { receipt_number: 'EAC2190012340' },
      headers: { 'idempotency-key': 'k3' },
    })
    const replay = await call(api, 'createCase', {
      params: { user_id: 99 },
      body: { receipt_number: 'EAC2190012340' },
      headers: { 'idempotency-key': 'k3' },
    })
    expect(replay.status).toBe(404)
    expect(replay.error.message).toBe(missing.error.message)
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
  })
})
