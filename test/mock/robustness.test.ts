import { describe, expect, it } from 'vitest'
import { createMockApi } from '../../mocks/api'
import { call } from '../helpers/mock'

const DAY = 86_400_000

describe('mock robustness', () => {
  it('refuses to move the clock past the last valid date and keeps answering (bug: every request then failed with 500)', async () => {
    const api = createMockApi()
    await expect(api.clock.advance(1e20)).rejects.toThrow(RangeError)
    expect(api.clock.iso()).toBe('2026-01-05T09:00:00.000Z')
    const listed = await call(api, 'listUsers')
    expect(listed.status).toBe(200)
  })

  it('forgets idempotency records once they expire, so memory stays bounded (bug: they were kept forever)', async () => {
    const api = createMockApi()
    for (let i = 0; i < 50; i++) {
      const body = { email: `user${i}@example.com`, name: `User ${i}` }
      expect((await call(api, 'createUser', { body, headers: { 'Idempotency-Key': `key-${i}` } })).status).toBe(201)
    }
    await api.clock.advance(DAY + 1)
    const body = { email: 'late@example.com', name: 'Late' }
    await call(api, 'createUser', { body, headers: { 'Idempotency-Key': 'key-late' } })
    expect(api.snapshot().state.idempotency.size).toBe(1)
  })

  it('still replays an unexpired key after older ones were pruned', async () => {
    const api = createMockApi()
    const body = { email: 'kept@example.com', name: 'Kept' }
    const first = await call(api, 'createUser', { body, headers: { 'Idempotency-Key': 'kept' } })
    await api.clock.advance(DAY - 1)
    const again = await call(api, 'createUser', { body, headers: { 'Idempotency-Key': 'kept' } })
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.body).toEqual(first.body)
  })

  it.each([
    [{ status: 503 as const, times: 0 }, /times/],
    [{ status: 429 as const, retryAfter: -5 }, /retryAfter/],
    [{ status: 429 as const, retryAfter: 1.5 }, /retryAfter/],
  ])('rejects a USCIS outage that could not behave as asked: %j', (options, message) => {
    const api = createMockApi()
    expect(() => api.uscis.fail(options)).toThrow(message)
    expect(api.uscis.outage()).toBeNull()
  })
})
