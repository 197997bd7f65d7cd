import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'
import { describe, expect, test, vi } from 'vitest'
import { createMockApi, type MockApiOptions } from '../../mocks/api'
import { DELIVERY_RETRY_DELAYS_MS } from '../../mocks/delivery'
import { WebhookEventSchema } from '../../src/generated/zod'
import { verify } from '../../src/webhooks'
import { call } from '../helpers/mock'
import { stubFetch } from '../helpers/mock-receiver'

const HOUR = 3_600_000

async function mockWithWebhook(
  respond?: Parameters<typeof stubFetch>[0],
  events: string[] = ['*'],
  extra: MockApiOptions = {},
) {
  const receiver = stubFetch(respond)
  const api = createMockApi({ fetch: receiver.fetch, ...extra })
  const webhook = await call(api, 'createWebhook', { body: { url: 'https://hooks.example.com/in', events } })
  return { api, receiver, webhook: webhook.body }
}

const createUser = (api: ReturnType<typeof createMockApi>, email = 'a@example.com') =>
  call(api, 'createUser', { body: { email, name: 'A' } })

describe('webhook delivery', () => {
  test('an event is POSTed as its JSON with Standard Webhooks headers that verify with the secret', async () => {
    const { api, receiver, webhook } = await mockWithWebhook()
    const before = Math.floor(Date.now() / 1000)
    await createUser(api)
    await api.idle()
    const after = Math.floor(Date.now() / 1000)
    expect(receiver.received).toHaveLength(1)
    const [delivery] = receiver.received
    expect(delivery?.url).toBe('https://hooks.example.com/in')
    expect(delivery?.headers['content-type']).toBe('application/json')
    expect(delivery?.headers['webhook-id']).toMatch(/^msg_[A-Za-z0-9]+$/)
    // The real time of the attempt, not the mock clock's (2026-01-05T09:00:00Z).
    const timestamp = Number(delivery?.headers['webhook-timestamp'])
    expect(timestamp).toBeGreaterThanOrEqual(before)
    expect(timestamp).toBeLessThanOrEqual(after)
    await expect(verify(delivery?.body ?? '', delivery?.headers ?? {}, webhook.secret ?? '')).resolves.toBe(true)
    const event = WebhookEventSchema.parse(JSON.parse(delivery?.body ?? ''))
    expect(event).toMatchObject({
      type: 'user.created',
      created_at: '2026-01-05T09:00:00.000Z',
      data: { email: 'a@example.com' },
    })
    expect(event.id).toMatch(/^evt_/)
  })

  test('only subscribed, active endpoints receive an event', async () => {
    const { api, receiver } = await mockWithWebhook(undefined, ['case.created'])
    await call(api, 'createWebhook', { body: { url: 'https://paused.example.com/in', events: ['*'], active: false } })
    await createUser(api)
    await api.idle()
    expect(receiver.received).toHaveLength(0)
  })

  test('every event type validates against the spec’s event schemas', async () => {
    const { api, receiver } = await mockWithWebhook()
    const user = await createUser(api)
    await call(api, 'verifyUserEmail', { body: { token: api.outbox[0]?.token ?? '' } })
    await call(api, 'updateUser', { params: { user_id: user.body.id }, body: { name: 'B' } })
    const created = await call(api, 'createCase', {
      params: { user_id: user.body.id },
      body: { receipt_number: 'EAC2190012340' },
    })
    await call(api, 'updateCase', { params: { case_id: created.body.case.id }, body: { description: 'x' } })
    await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
    await api.clock.advance(7 * 24 * HOUR)
    await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
    await api.idle()
    const types = receiver.received.map((item) => WebhookEventSchema.parse(JSON.parse(item.body)).type)
    expect(types).toEqual([
      'user.created',
      'user.verified',
      'user.updated',
      'case.created',
      'case.updated',
      'case.status_changed',
    ])
  })

  test('non-2xx answers are retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (+ ≤10 % jitter), same webhook-id, new timestamp', async () => {
    const { api, receiver } = await mockWithWebhook(() => 500)
    await createUser(api)
    await api.idle()
    await api.clock.advance(48 * HOUR)
    expect(receiver.received).toHaveLength(8)
    const ids = new Set(receiver.received.map((item) => item.headers['webhook-id']))
    expect(ids.size).toBe(1)
    // The schedule runs on the mock clock, as the delivery log records it.
    const times = api.deliveries.map((item) => Date.parse(item.attempted_at))
    DELIVERY_RETRY_DELAYS_MS.forEach((delay, index) => {
      const gap = (times[index + 1] as number) - (times[index] as number)
      expect(gap).toBeGreaterThanOrEqual(delay)
      expect(gap).toBeLessThanOrEqual(delay * 1.1)
    })
    expect(api.deliveries.map((item) => item.outcome)).toEqual([...Array(7).fill('retry_scheduled'), 'failed'])
    expect(api.deliveries[0]).toMatchObject({ attempt: 1, status: 500, error: null, event_type: 'user.created' })
  })

  test('a retry succeeds once the receiver recovers', async () => {
    const { api, receiver } = await mockWithWebhook((n) => (n < 3 ? 503 : 200))
    await createUser(api)
    await api.clock.advance(HOUR)
    expect(receiver.received).toHaveLength(3)
    expect(api.deliveries.map((item) => item.outcome)).toEqual(['retry_scheduled', 'retry_scheduled', 'delivered'])
  })

  test('network errors are retried and recorded with the error', async () => {
    const { api } = await mockWithWebhook((n) => (n === 1 ? new TypeError('fetch failed') : 204))
    await createUser(api)
    await api.clock.advance(10_000)
    expect(api.deliveries[0]).toMatchObject({
      status: null,
      error: 'Network error: fetch failed',
      outcome: 'retry_scheduled',
    })
    expect(api.deliveries[1]).toMatchObject({ attempt: 2, status: 204, outcome: 'delivered' })
  })

  test('a 410 from the receiver disables the endpoint with a reason; no more deliveries', async () => {
    const { api, receiver, webhook } = await mockWithWebhook(() => 410)
    await createUser(api)
    await api.idle()
    const got = await call(api, 'getWebhook', { params: { webhook_id: webhook.id } })
    expect(got.body).toMatchObject({ active: false, disabled_reason: expect.stringContaining('410') })
    await createUser(api, 'b@example.com')
    await api.clock.advance(HOUR)
    expect(receiver.received).toHaveLength(1)
    expect(api.deliveries[0]?.outcome).toBe('endpoint_disabled')
  })

  test('after a rotation both secrets sign for 24 h, then only the new one', async () => {
    const { api, receiver, webhook } = await mockWithWebhook()
    const rotated = await call(api, 'updateWebhook', {
      params: { webhook_id: webhook.id },
      body: { rotate_secret: true },
    })
    await createUser(api)
    await api.idle()
    const during = receiver.received[0]
    expect(during?.headers['webhook-signature']?.split(' ')).toHaveLength(2)
    await expect(verify(during?.body ?? '', during?.headers ?? {}, webhook.secret ?? '')).resolves.toBe(true)
    await expect(verify(during?.body ?? '', during?.headers ?? {}, rotated.body.secret ?? '')).resolves.toBe(true)
    await api.clock.advance(24 * HOUR)
    await createUser(api, 'b@example.com')
    await api.idle()
    const after = receiver.received[1]
    expect(after?.headers['webhook-signature']?.split(' ')).toHaveLength(1)
    await expect(verify(after?.body ?? '', after?.headers ?? {}, rotated.body.secret ?? '')).resolves.toBe(true)
    await expect(verify(after?.body ?? '', after?.headers ?? {}, webhook.secret ?? '')).rejects.toMatchObject({
      reason: 'no_matching_signature',
    })
  })

  test('every attempt verifies with the real clock under standardwebhooks and verify(), weeks of mock time later', async () => {
    const { api, receiver, webhook } = await mockWithWebhook((attempt) => (attempt < 8 ? 500 : 200))
    await createUser(api)
    await api.idle()
    // Seven retries spread over about 32 h, then four more weeks with nothing due.
    await api.clock.advance(48 * HOUR)
    await api.clock.advance(4 * 7 * 24 * HOUR)
    await call(api, 'updateUser', { params: { user_id: 1 }, body: { name: 'Later' } })
    await api.idle()
    expect(receiver.received).toHaveLength(9)
    const standard = new Webhook(webhook.secret ?? '')
    for (const delivery of receiver.received) {
      expect(standard.verify(delivery.body, delivery.headers)).toMatchObject({ data: { email: 'a@example.com' } })
      await expect(verify(delivery.body, delivery.headers, webhook.secret ?? '')).resolves.toBe(true)
    }
    // The event keeps mock time.
    const last = WebhookEventSchema.parse(JSON.parse(receiver.received.at(-1)?.body ?? ''))
    expect(last).toMatchObject({ type: 'user.updated', created_at: api.clock.iso() })
    expect(api.clock.iso()).not.toBe('2026-01-05T09:00:00.000Z')
  })

  test('for a given seed the delivered bodies are byte-identical, whatever the real time', async () => {
    const run = async (realTime: string) => {
      vi.useFakeTimers({ toFake: ['Date'] })
      try {
        vi.setSystemTime(new Date(realTime))
        const { api, receiver } = await mockWithWebhook(undefined, ['*'], { seed: 42 })
        await createUser(api)
        await api.clock.advance(7 * 24 * HOUR)
        await call(api, 'updateUser', { params: { user_id: 1 }, body: { name: 'Renamed' } })
        await api.idle()
        return receiver.received.map((delivery) => ({
          id: delivery.headers['webhook-id'],
          body: delivery.body,
          timestamp: delivery.headers['webhook-timestamp'],
        }))
      } finally {
        vi.useRealTimers()
      }
    }
    const first = await run('2027-03-01T12:00:00Z')
    const second = await run('2028-07-15T08:30:00Z')
    expect(first).toHaveLength(2)
    expect(first.map(({ timestamp }) => timestamp)).toEqual(['1803902400', '1803902400'])
    expect(second.map(({ timestamp }) => timestamp)).toEqual(['1847262600', '1847262600'])
    expect(second.map(({ id, body }) => ({ id, body }))).toEqual(first.map(({ id, body }) => ({ id, body })))
  })

  test('a deleted endpoint gets no pending retries', async () => {
    const { api, receiver, webhook } = await mockWithWebhook(() => 500)
    await createUser(api)
    await api.idle()
    await call(api, 'deleteWebhook', { params: { webhook_id: webhook.id } })
    await api.clock.advance(HOUR)
    expect(receiver.received).toHaveLength(1)
  })

  test('a redirect is not a delivery: not followed, recorded with its target and retried', async () => {
    const requests: string[] = []
    const receiver = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`)
      req.resume()
      if (req.url === '/hook') res.writeHead(302, { location: '/elsewhere' }).end()
      else res.writeHead(200).end()
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    try {
      const api = createMockApi()
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
      await call(api, 'createWebhook', { body: { url, events: ['*'] } })
      await createUser(api)
      await api.idle()
      expect(requests).toEqual(['POST /hook'])
      expect(api.deliveries).toEqual([
        expect.objectContaining({
          status: 302,
          error: expect.stringContaining('redirect to /elsewhere'),
          outcome: 'retry_scheduled',
        }),
      ])
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()))
    }
  })

  test.each([
    ['a fetch that follows redirects anyway (redirected: true)', { redirected: true }, 200],
    ['a browser, which hides the redirect (opaqueredirect, status 0)', { type: 'opaqueredirect' }, null],
  ])('a redirect seen through %s is not a delivery either', async (_, shape, status) => {
    const answered = (): Response => {
      const response = new Response(null, { status: 200 })
      for (const [name, value] of Object.entries(shape)) Object.defineProperty(response, name, { value })
      return response
    }
    const api = createMockApi({ fetch: async () => answered() })
    await call(api, 'createWebhook', { body: { url: 'https://hooks.example.com/in', events: ['*'] } })
    await createUser(api)
    await api.idle()
    expect(api.deliveries).toEqual([
      expect.objectContaining({ status, error: expect.stringContaining('redirect'), outcome: 'retry_scheduled' }),
    ])
  })
})
