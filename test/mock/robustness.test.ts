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

describe('standalone control routes', () => {
  it('answer bad input with 400 and an X-Request-Id (bug: a huge clock advance or a broken escape gave 500)', async () => {
    const { startMockServer } = await import('../../mocks/server')
    const mock = await startMockServer({ port: 0 })
    try {
      const post = (path: string, body: unknown) =>
        fetch(`${mock.url}/__mock/${path}`, { method: 'POST', body: JSON.stringify(body) })
      for (const response of [
        await post('clock', { advance_ms: 1e20 }),
        await post('uscis/%E0', { advance: true }),
        await post('uscis', { outage: { status: 503, times: 0 } }),
      ]) {
        expect(response.status).toBe(400)
        expect(response.headers.get('x-request-id')).toMatch(/^srv_\d{6}$/)
      }
      const health = await fetch(`${mock.url}/__mock/health`)
      expect(((await health.json()) as { now: string }).now).toBe('2026-01-05T09:00:00.000Z')
    } finally {
      await mock.close()
    }
  })
})

describe('idempotency under concurrency', () => {
  it('creates once when two requests with the same key arrive together (bug: both created)', async () => {
    const api = createMockApi()
    const body = { url: 'https://hooks.example.com/x', events: ['*'] }
    const headers = { 'Idempotency-Key': 'same-key' }
    const [first, second] = await Promise.all([
      call(api, 'createWebhook', { body, headers }),
      call(api, 'createWebhook', { body, headers }),
    ])
    expect([first.status, second.status]).toEqual([201, 201])
    expect(second.body).toEqual(first.body)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect((await call(api, 'listWebhooks')).body).toMatchObject({ total: 1 })
  })
})
