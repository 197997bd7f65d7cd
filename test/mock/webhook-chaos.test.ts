import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Webhook } from 'standardwebhooks'
import { afterEach, describe, expect, test } from 'vitest'
import { createMockApi, type MockApi, type MockApiOptions } from '../../mocks/api'
import { handleControl, type MockStateView } from '../../mocks/control'
import { type RunningMockServer, startMockServer } from '../../mocks/server'
import { snapshotFromJson, snapshotToJson } from '../../mocks/snapshot-json'
import type { DeliveryAttempt } from '../../mocks/store'
import { chaosDraws, WEBHOOK_REORDER_HOLD_MS } from '../../mocks/webhook-chaos'
import { verify } from '../../src/webhooks'
import { call } from '../helpers/mock'
import { killAll, runCli } from '../helpers/mock-cli'
import { heldReceiverFetch, stubFetch } from '../helpers/mock-receiver'

const HOUR = 3_600_000

let server: RunningMockServer | undefined
const dirs: string[] = []

afterEach(async () => {
  killAll()
  await server?.close()
  server = undefined
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A mock whose one webhook (every event) answers through a recording stub. */
async function chaosMock(options: MockApiOptions = {}, respond?: Parameters<typeof stubFetch>[0]) {
  const receiver = stubFetch(respond)
  const api = createMockApi({ fetch: receiver.fetch, ...options })
  const created = await call(api, 'createWebhook', { body: { url: 'https://hooks.example.com/in', events: ['*'] } })
  return { api, receiver, webhook: created.body, secret: created.body.secret ?? '' }
}

/** Emits `count` events (`user.created`), one request each; returns their ids in order. */
async function emitEvents(api: MockApi, count: number, from = 0): Promise<string[]> {
  for (let i = from; i < from + count; i++) {
    const created = await call(api, 'createUser', { body: { email: `user${i}@example.com`, name: `User ${i}` } })
    if (created.status !== 201) throw new Error(`createUser answered ${created.status}`)
  }
  return api.events.slice(-count).map((event) => event.id)
}

/** The delivery log without what real time decides (the timestamp, its signature, the receiver's speed). */
const mockTimeLog = (attempts: readonly DeliveryAttempt[]) =>
  attempts.map(({ timestamp: _t, signature: _s, duration_ms: _d, ...rest }) => rest)

const eventIdOf = (body: string) => (JSON.parse(body) as { id: string }).id

describe('webhook chaos: duplicate', () => {
  test('sends a delivery a second time after the first: same webhook-id and body, a valid signature for its own timestamp', async () => {
    const { api, receiver, secret } = await chaosMock()
    api.faults.set({ webhooks: { duplicate: 1 } })
    await emitEvents(api, 1)
    await api.idle()
    expect(receiver.received).toHaveLength(2)
    const [first, second] = receiver.received
    expect(second?.headers['webhook-id']).toBe(first?.headers['webhook-id'])
    expect(second?.body).toBe(first?.body)
    for (const delivery of receiver.received) {
      await expect(verify(delivery.body, delivery.headers, secret)).resolves.toBe(true)
      expect(new Webhook(secret).verify(delivery.body, delivery.headers)).toEqual(JSON.parse(delivery.body))
    }
    expect(api.deliveries.map((attempt) => [attempt.chaos, attempt.attempt, attempt.outcome])).toEqual([
      [null, 1, 'delivered'],
      ['duplicate', 1, 'delivered'],
    ])
    // The log keeps the headers each attempt was sent with.
    expect(api.deliveries.map((attempt) => attempt.signature)).toEqual(
      receiver.received.map((delivery) => delivery.headers['webhook-signature']),
    )
  })

  test('sends the duplicate as soon as the first attempt ends, with no request, advance or idle() after it', async () => {
    const { api, receiver } = await chaosMock()
    api.faults.set({ webhooks: { duplicate: 1 } })
    await emitEvents(api, 1)
    // The stub receiver answers at once: a few turns of the event loop let every attempt end.
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve))
    expect(receiver.received).toHaveLength(2)
    expect(api.deliveries.map((attempt) => attempt.chaos)).toEqual([null, 'duplicate'])
  })

  test('sends a held-back event as soon as the next event to its endpoint was sent, with no request after it', async () => {
    const { api, receiver } = await chaosMock()
    api.faults.set({ webhooks: { reorder: true } })
    const ids = await emitEvents(api, 2)
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve))
    expect(receiver.received.map((item) => eventIdOf(item.body))).toEqual([ids[1], ids[0]])
  })

  test('a delivery in flight when the mock is reset sends nothing more, into the fresh state or anywhere', async () => {
    const { fetch, release, delivering, sent } = heldReceiverFetch(200)
    const api = createMockApi({ fetch, webhookChaos: { duplicate: 1 } })
    await call(api, 'createWebhook', { body: { url: 'https://old.example.com/in', events: ['*'] } })
    await emitEvents(api, 1)
    await delivering
    api.reset()
    // The fresh state's first webhook has the id the old one had.
    await call(api, 'createWebhook', { body: { url: 'https://new.example.com/in', events: ['*'] } })
    release()
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve))
    expect(sent).toEqual(['https://old.example.com/in'])
    expect(api.deliveries).toEqual([])
    expect(api.clock.pending()).toBe(0)
  })

  test('duplicates the share asked for, as the seeded draws decide', async () => {
    const { api, receiver, webhook } = await chaosMock({ seed: 11 })
    api.faults.set({ webhooks: { duplicate: 0.2 } })
    const count = 400
    await emitEvents(api, count)
    await api.idle()
    const duplicates = api.deliveries.filter((attempt) => attempt.chaos === 'duplicate')
    // Exactly the deliveries whose draw falls under the share…
    const messageIds = api.deliveries.filter((attempt) => attempt.chaos === null).map((attempt) => attempt.message_id)
    const expected = messageIds.filter((id) => chaosDraws(id, webhook.id).duplicate < 0.2)
    expect(duplicates.map((attempt) => attempt.message_id)).toEqual(expected)
    // …which for this seed is close to the share: 400 draws give 0.2 ± 0.05 here.
    expect(duplicates.length / count).toBeGreaterThan(0.15)
    expect(duplicates.length / count).toBeLessThan(0.25)
    expect(receiver.received).toHaveLength(count + duplicates.length)
    for (const attempt of duplicates) expect(attempt.outcome).toBe('delivered')
  })
})

describe('webhook chaos: reorder', () => {
  test('a held-back event is sent right after the next event to its endpoint, marked reordered', async () => {
    const { api, receiver } = await chaosMock({ seed: 3, webhookChaos: { reorder: true } })
    const emitted = await emitEvents(api, 30)
    await api.idle()
    await api.clock.advance(WEBHOOK_REORDER_HOLD_MS)
    const arrived = receiver.received.map((delivery) => eventIdOf(delivery.body))
    // Nothing lost, nothing sent twice.
    expect([...arrived].sort()).toEqual([...emitted].sort())
    const reordered = api.deliveries.filter((attempt) => attempt.chaos === 'reordered')
    expect(reordered.length).toBeGreaterThan(3)
    for (const attempt of reordered) {
      const at = arrived.indexOf(attempt.event_id)
      // The event emitted right after it arrived just before it.
      expect(arrived[at - 1]).toBe(emitted[emitted.indexOf(attempt.event_id) + 1])
    }
    // Everything else arrived in the order it was emitted.
    const inOrder = arrived.filter((id) => !reordered.some((attempt) => attempt.event_id === id))
    expect(inOrder).toEqual(emitted.filter((id) => inOrder.includes(id)))
  })

  test('a held-back event no later event releases goes after the hold, marked delayed', async () => {
    const { api, receiver } = await chaosMock({ seed: 3, webhookChaos: { reorder: true } })
    // Emit until the newest event is held back (the draws are seeded: this ends within a few).
    let emitted: string[] = []
    for (let i = 0; i < 20 && api.clock.pending() === 0; i++) {
      emitted = await emitEvents(api, 1, i)
      await api.idle()
    }
    expect(api.clock.pending()).toBe(1)
    const held = emitted[0] as string
    expect(receiver.received.map((delivery) => eventIdOf(delivery.body))).not.toContain(held)
    await api.clock.advance(WEBHOOK_REORDER_HOLD_MS - 1)
    expect(receiver.received.map((delivery) => eventIdOf(delivery.body))).not.toContain(held)
    await api.clock.advance(1)
    expect(receiver.received.map((delivery) => eventIdOf(delivery.body)).at(-1)).toBe(held)
    expect(api.deliveries.at(-1)).toMatchObject({ event_id: held, chaos: 'delayed', outcome: 'delivered' })
    expect(api.clock.pending()).toBe(0)
  })
})

describe('webhook chaos: delay', () => {
  test('about half of the deliveries arrive delayMs later on the mock clock, marked delayed', async () => {
    const { api, receiver } = await chaosMock({ seed: 5 })
    api.faults.set({ webhooks: { delayMs: 60_000 } })
    const emitted = await emitEvents(api, 40)
    await api.idle()
    const onTime = receiver.received.length
    // 40 seeded coin flips give 13–27 heads 99.9 % of the time; these are fixed by the seed.
    expect(onTime).toBeGreaterThan(12)
    expect(onTime).toBeLessThan(28)
    await api.clock.advance(59_999)
    expect(receiver.received).toHaveLength(onTime)
    await api.clock.advance(1)
    expect(receiver.received.map((delivery) => eventIdOf(delivery.body)).sort()).toEqual([...emitted].sort())
    const delayed = api.deliveries.filter((attempt) => attempt.chaos === 'delayed')
    expect(delayed).toHaveLength(40 - onTime)
    for (const attempt of delayed) {
      const event = api.events.find((candidate) => candidate.id === attempt.event_id)
      expect(Date.parse(attempt.attempted_at) - Date.parse(event?.created_at ?? '')).toBe(60_000)
    }
    for (const attempt of api.deliveries.filter((candidate) => candidate.chaos === null))
      expect(attempt.attempted_at).toBe('2026-01-05T09:00:00.000Z')
  })
})

describe('webhook chaos: seeded and lossless', () => {
  const ALL = { duplicate: 0.3, reorder: true, delayMs: 10_000 }

  async function run(options: MockApiOptions) {
    const mock = await chaosMock(options, (n) => (n % 4 === 0 ? 500 : 200))
    await emitEvents(mock.api, 40)
    await mock.api.clock.advance(HOUR)
    return mock
  }

  test('the same seed and calls give the same delivery log; another seed gives other chaos', async () => {
    const one = await run({ seed: 42, webhookChaos: ALL })
    const two = await run({ seed: 42, webhookChaos: ALL })
    expect(mockTimeLog(two.api.deliveries)).toEqual(mockTimeLog(one.api.deliveries))
    expect(two.receiver.received.map((item) => item.body)).toEqual(one.receiver.received.map((item) => item.body))
    const other = await run({ seed: 43, webhookChaos: ALL })
    expect(other.api.deliveries.map((attempt) => attempt.chaos)).not.toEqual(
      one.api.deliveries.map((attempt) => attempt.chaos),
    )
  })

  test('turning chaos on changes no response, event id or webhook-id', async () => {
    const calm = await run({ seed: 42 })
    const wild = await run({ seed: 42, webhookChaos: ALL })
    expect(wild.api.events).toEqual(calm.api.events)
    expect(wild.api.requests.map((entry) => entry.response_body)).toEqual(
      calm.api.requests.map((entry) => entry.response_body),
    )
    const ids = (api: MockApi) => [...new Set(api.deliveries.map((attempt) => attempt.message_id))].sort()
    expect(ids(wild.api)).toEqual(ids(calm.api))
    expect(calm.api.deliveries.every((attempt) => attempt.chaos === null)).toBe(true)
  })

  test('every event reaches every subscribed endpoint, failed chaos attempts are retried with their mark', async () => {
    // The "flaky" endpoint fails every other attempt: retries must carry chaos deliveries through.
    let flaky = 0
    const receiver = stubFetch((_n, item) => (item.url.endsWith('/flaky') && ++flaky % 2 === 1 ? 503 : 200))
    const api = createMockApi({ seed: 9, webhookChaos: ALL, fetch: receiver.fetch })
    const endpoints = [
      await call(api, 'createWebhook', { body: { url: 'https://a.example.com/all', events: ['*'] } }),
      await call(api, 'createWebhook', { body: { url: 'https://b.example.com/flaky', events: ['user.created'] } }),
      await call(api, 'createWebhook', { body: { url: 'https://c.example.com/verified', events: ['user.verified'] } }),
    ].map((created) => created.body)
    await emitEvents(api, 30)
    for (const message of api.outbox.slice(0, 10))
      await call(api, 'verifyUserEmail', { body: { token: message.token ?? '' } })
    await api.idle()
    await api.clock.advance(24 * HOUR)
    expect(api.clock.pending()).toBe(0)
    for (const event of api.events) {
      for (const endpoint of endpoints) {
        const events: readonly string[] = endpoint.events
        const subscribed = events.includes('*') || events.includes(event.type)
        const delivered = api.deliveries.filter(
          (attempt) =>
            attempt.event_id === event.id && attempt.webhook_id === endpoint.id && attempt.outcome === 'delivered',
        )
        if (subscribed) expect(delivered.length, `${event.type} ${event.id} → ${endpoint.url}`).toBeGreaterThan(0)
        else expect(delivered).toHaveLength(0)
      }
    }
    const marks = new Set(api.deliveries.map((attempt) => attempt.chaos))
    expect(marks).toEqual(new Set([null, 'duplicate', 'reordered', 'delayed']))
    const retriedChaos = api.deliveries.filter((attempt) => attempt.chaos !== null && attempt.attempt > 1)
    expect(new Set(retriedChaos.map((attempt) => attempt.chaos)).size).toBeGreaterThan(1)
    for (const attempt of retriedChaos) {
      const previous = api.deliveries.find(
        (candidate) =>
          candidate.message_id === attempt.message_id &&
          candidate.webhook_id === attempt.webhook_id &&
          candidate.chaos === attempt.chaos &&
          candidate.attempt === attempt.attempt - 1,
      )
      expect(previous?.outcome).toBe('retry_scheduled')
    }
  })

  test('idle() waits for duplicates and the held-back events they release', async () => {
    const { api, receiver } = await chaosMock({ seed: 3, webhookChaos: { duplicate: 1, reorder: true } })
    await emitEvents(api, 10)
    await api.idle()
    // Every event but perhaps the newest (held until a next one or its hold runs out), each twice.
    const held = api.clock.pending()
    expect(held).toBeLessThanOrEqual(1)
    expect(receiver.received).toHaveLength(2 * (10 - held))
    expect(api.deliveries.every((attempt) => attempt.outcome === 'delivered')).toBe(true)
  })
})

describe('webhook chaos: settings', () => {
  test('faults.set merges partial settings; get shows them; clear turns them off', () => {
    const api = createMockApi({ webhookChaos: { delayMs: 5_000 } })
    expect(api.faults.get().webhooks).toEqual({ duplicate: 0, reorder: false, delayMs: 5_000 })
    api.faults.set({ webhooks: { duplicate: 0.2 } })
    const set = api.faults.set({ failRate: 0.1, webhooks: { reorder: true } })
    expect(set.webhooks).toEqual({ duplicate: 0.2, reorder: true, delayMs: 5_000 })
    // What get() returns is a copy.
    api.faults.get().webhooks.duplicate = 1
    expect(api.faults.get()).toMatchObject({ failRate: 0.1, webhooks: { duplicate: 0.2 } })
    api.faults.clear()
    expect(api.faults.get().webhooks).toEqual({ duplicate: 0, reorder: false, delayMs: 0 })
    // reset() returns to the settings the mock was created with.
    api.faults.set({ webhooks: { duplicate: 1 } })
    api.reset()
    expect(api.faults.get().webhooks).toEqual({ duplicate: 0, reorder: false, delayMs: 5_000 })
  })

  test('bad settings are refused naming the field, and change nothing', () => {
    const api = createMockApi()
    api.faults.set({ webhooks: { duplicate: 0.5 } })
    const refused = (settings: unknown) => () => api.faults.set(settings as Parameters<typeof api.faults.set>[0])
    expect(refused({ webhooks: { duplicate: 1.5 } })).toThrow('webhooks.duplicate must be between 0 and 1')
    expect(refused({ webhooks: { duplicate: Number.NaN } })).toThrow('webhooks.duplicate must be between 0 and 1')
    expect(refused({ webhooks: { reorder: 'yes' } })).toThrow('webhooks.reorder must be true or false')
    expect(refused({ webhooks: { delayMs: -1 } })).toThrow('webhooks.delayMs must be a number of milliseconds ≥ 0')
    expect(refused({ webhooks: { delayMs: Number.POSITIVE_INFINITY } })).toThrow('webhooks.delayMs')
    expect(refused({ webhooks: { delayMs: 1e17 } })).toThrow(
      'webhooks.delayMs must be at most 2592000000 ms (30 days of mock time)',
    )
    expect(refused({ webhooks: { delay: 5 } })).toThrow('webhooks has unknown field delay')
    expect(refused({ webhooks: 0.5 })).toThrow('webhooks must be an object')
    expect(refused({ failRate: 2, webhooks: { duplicate: 2 } })).toThrow(
      'faults.set: webhooks.duplicate must be between 0 and 1; failRate must be between 0 and 1',
    )
    expect(api.faults.get()).toMatchObject({ failRate: 0, webhooks: { duplicate: 0.5, reorder: false, delayMs: 0 } })
    expect(() => createMockApi({ webhookChaos: { duplicate: -0.1 } })).toThrow(
      'createMockApi: webhookChaos.duplicate must be between 0 and 1',
    )
    expect(() => createMockApi({ webhookChaos: { delayMs: -5 } })).toThrow('webhookChaos.delayMs')
    expect(() => createMockApi({ webhookChaos: { delayMs: 30 * 86_400_000 + 1 } })).toThrow(
      'createMockApi: webhookChaos.delayMs must be at most 2592000000 ms',
    )
    // 30 days is accepted.
    expect(createMockApi({ webhookChaos: { delayMs: 30 * 86_400_000 } }).faults.get().webhooks.delayMs).toBe(
      2_592_000_000,
    )
  })

  test('a held-back event is still delivered after faults.clear()', async () => {
    const { api, receiver } = await chaosMock({ seed: 3, webhookChaos: { reorder: true } })
    for (let i = 0; i < 20 && api.clock.pending() === 0; i++) {
      await emitEvents(api, 1, i)
      await api.idle()
    }
    const held = api.events.at(-1)?.id
    api.faults.clear()
    // The next event releases it, chaos or not.
    const next = await emitEvents(api, 1, 100)
    await api.idle()
    expect(receiver.received.slice(-2).map((delivery) => eventIdOf(delivery.body))).toEqual([next[0], held])
    expect(api.deliveries.at(-1)).toMatchObject({ event_id: held, chaos: 'reordered' })
    expect(api.clock.pending()).toBe(0)
  })
})

/** A control request answered in process. */
async function control(api: MockApi, method: string, path: string, body?: unknown) {
  const response = await handleControl(
    api,
    new Request(`${api.baseUrl}/__mock/${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  )
  if (!response) throw new Error(`not a control route: ${path}`)
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown> & { error?: { message: string } },
  }
}

describe('webhook chaos over the control routes', () => {
  test('POST /__mock/faults sets webhooks (snake case, partial); answers and GET state show it; DELETE clears it', async () => {
    const api = createMockApi()
    const set = await control(api, 'POST', 'faults', { webhooks: { duplicate: 0.25, delay_ms: 60_000 } })
    expect(set).toEqual({
      status: 200,
      body: {
        fail_rate: 0,
        code: 503,
        latency_ms: 0,
        reset: false,
        webhooks: { duplicate: 0.25, reorder: false, delay_ms: 60_000 },
      },
    })
    expect(api.faults.get().webhooks).toEqual({ duplicate: 0.25, reorder: false, delayMs: 60_000 })
    const more = await control(api, 'POST', 'faults', { webhooks: { reorder: true } })
    expect(more.body.webhooks).toEqual({ duplicate: 0.25, reorder: true, delay_ms: 60_000 })
    const state = (await control(api, 'GET', 'state')).body.data as MockStateView
    expect(state.faults.webhooks).toEqual({ duplicate: 0.25, reorder: true, delay_ms: 60_000 })
    const cleared = await control(api, 'DELETE', 'faults')
    expect(cleared.body.webhooks).toEqual({ duplicate: 0, reorder: false, delay_ms: 0 })
  })

  test.each([
    [
      { webhooks: { delayMs: 5 } },
      'Unknown field webhooks.delayMs; send any of duplicate, reorder, delay_ms in webhooks.',
    ],
    [{ webhooks: { duplicate: 0.1, jitter: 1 } }, 'Unknown field webhooks.jitter'],
    [{ webhooks: true }, 'webhooks must be an object of duplicate, reorder, delay_ms.'],
    [{ webhooks: { duplicate: 2 } }, 'webhooks.duplicate must be between 0 and 1.'],
    [{ webhooks: { duplicate: '0.5' } }, 'webhooks.duplicate must be a number.'],
    [{ webhooks: { reorder: 1 } }, 'webhooks.reorder must be true or false.'],
    [{ webhooks: { delay_ms: -1 } }, 'webhooks.delay_ms must be a number of milliseconds ≥ 0.'],
    [{ webhooks: { delay_ms: 1e17 } }, 'webhooks.delay_ms must be at most 2592000000 ms (30 days of mock time).'],
  ])('POST /__mock/faults refuses %j with a 400 naming the field, changing nothing', async (body, message) => {
    const api = createMockApi({ webhookChaos: { duplicate: 0.5 } })
    const answer = await control(api, 'POST', 'faults', { fail_rate: 0.5, ...body })
    expect(answer.status).toBe(400)
    expect(answer.body.error?.message).toContain(message)
    expect(api.faults.get()).toMatchObject({ failRate: 0, webhooks: { duplicate: 0.5, reorder: false, delayMs: 0 } })
  })
})

describe('webhook chaos in snapshots and state files', () => {
  /** A mock with chaos set and one event held back. */
  async function withHeldEvent() {
    const mock = await chaosMock({ seed: 3, webhookChaos: { reorder: true, duplicate: 0.5, delayMs: 1_000 } })
    for (let i = 0; i < 20 && mock.api.store.state.heldDeliveries.size === 0; i++) {
      await emitEvents(mock.api, 1, i)
      await mock.api.idle()
    }
    expect(mock.api.store.state.heldDeliveries.size).toBe(1)
    return mock
  }

  test('a snapshot file keeps the settings and the held-back event; restored, the event is still released', async () => {
    const { api, secret } = await withHeldEvent()
    const held = api.events.at(-1)?.id
    const text = snapshotToJson(api.snapshot(), api.clock.iso())
    const receiver = stubFetch()
    const copy = createMockApi({ fetch: receiver.fetch })
    copy.restore(snapshotFromJson(text))
    expect(copy.faults.get().webhooks).toEqual({ duplicate: 0.5, reorder: true, delayMs: 1_000 })
    expect(copy.store.state.heldDeliveries.size).toBe(1)
    await copy.clock.advance(WEBHOOK_REORDER_HOLD_MS)
    const arrived = receiver.received.filter((delivery) => eventIdOf(delivery.body) === held)
    expect(arrived.length).toBeGreaterThan(0)
    for (const delivery of arrived) await expect(verify(delivery.body, delivery.headers, secret)).resolves.toBe(true)
    expect(copy.store.state.heldDeliveries.size).toBe(0)
    // In process too: snapshot() and restore() keep the hold.
    const again = createMockApi({ fetch: stubFetch().fetch })
    again.restore(api.snapshot())
    expect(again.store.state.heldDeliveries).toEqual(api.store.state.heldDeliveries)
    expect(again.store.state.jobs).toEqual(api.store.state.jobs)
  })

  /** A snapshot file as this mock wrote it before webhook chaos existed. */
  async function oldSnapshotText(): Promise<string> {
    const { api } = await chaosMock()
    await emitEvents(api, 2)
    await api.idle()
    const file = JSON.parse(snapshotToJson(api.snapshot(), api.clock.iso()))
    delete file.state.faults.global.webhooks
    delete file.state.heldDeliveries
    for (const attempt of file.state.deliveries) delete attempt.chaos
    return JSON.stringify(file)
  }

  test('a snapshot written before webhook chaos loads with chaos off, over the route too', async () => {
    const text = await oldSnapshotText()
    expect(text).not.toContain('webhooks":{"duplicate')
    const api = createMockApi({ webhookChaos: { duplicate: 1 } })
    api.restore(snapshotFromJson(text))
    expect(api.faults.get().webhooks).toEqual({ duplicate: 0, reorder: false, delayMs: 0 })
    expect(api.deliveries.map((attempt) => attempt.chaos)).toEqual([null, null])
    const other = createMockApi()
    const restored = await handleControl(
      other,
      new Request(`${other.baseUrl}/__mock/restore`, { method: 'POST', body: text }),
    )
    expect(restored?.status).toBe(200)
    expect(other.deliveries).toHaveLength(2)
    // It takes new chaos settings and delivers with them.
    const receiver = stubFetch()
    const fresh = createMockApi({ fetch: receiver.fetch })
    fresh.restore(snapshotFromJson(text))
    fresh.faults.set({ webhooks: { duplicate: 1 } })
    await emitEvents(fresh, 1, 50)
    await fresh.idle()
    expect(fresh.deliveries.slice(-2).map((attempt) => attempt.chaos)).toEqual([null, 'duplicate'])
  })

  test('a state file written before webhook chaos starts the server; the file is then written with the new fields', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'immigraflow-chaos-'))
    dirs.push(dir)
    const file = join(dir, 'state.json')
    writeFileSync(file, await oldSnapshotText())
    server = await startMockServer({ port: 0, stateFile: file })
    const state = (await (await fetch(`${server.url}/__mock/state`)).json()) as { data: MockStateView }
    expect(state.data.faults.webhooks).toEqual({ duplicate: 0, reorder: false, delay_ms: 0 })
    await fetch(`${server.url}/__mock/faults`, {
      method: 'POST',
      body: JSON.stringify({ webhooks: { reorder: true } }),
    })
    const saved = snapshotFromJson(readFileSync(file, 'utf8'))
    expect(saved.state.faults.global.webhooks).toEqual({ duplicate: 0, reorder: true, delayMs: 0 })
  })
})

describe('webhook chaos from the command line', () => {
  test('--webhook-duplicate, --webhook-reorder and --webhook-delay set it', async () => {
    const cli = runCli(['--port', '0', '--webhook-duplicate', '0.25', '--webhook-reorder', '--webhook-delay', '60000'])
    const url = await cli.url
    const state = (await (await fetch(`${url}/__mock/state`)).json()) as { data: MockStateView }
    expect(state.data.faults.webhooks).toEqual({ duplicate: 0.25, reorder: true, delay_ms: 60_000 })
    cli.child.kill('SIGTERM')
    expect(await cli.exited).toBe(0)
  })

  test('bad values are refused with a usage error and exit 2; --help lists the flags', async () => {
    const cases: Array<[string[], string]> = [
      [['--webhook-duplicate', '1.5'], '--webhook-duplicate must be a number between 0 and 1, got "1.5"'],
      [['--webhook-duplicate', 'often'], '--webhook-duplicate must be a number between 0 and 1, got "often"'],
      [['--webhook-delay=-5'], '--webhook-delay must be a number of milliseconds ≥ 0, got "-5"'],
      [['--webhook-delay', '1e17'], '--webhook-delay must be at most 2592000000 ms (30 days of mock time), got "1e17"'],
      [['--latency', '60001'], '--latency must be at most 60000 ms, got "60001"'],
      [['--webhook-reorder=yes'], "Option '--webhook-reorder' does not take an argument"],
    ]
    // Started together: each is a Node process of its own.
    const runs = cases.map(([args]) => runCli(['--port', '0', ...args]))
    const help = runCli(['--help'])
    for (const [index, [, message]] of cases.entries()) {
      const cli = runs[index] as ReturnType<typeof runCli>
      expect(await cli.exited).toBe(2)
      expect(cli.output().stderr).toContain(message)
      expect(cli.output().stderr).toContain('Run immigraflow-mock --help for usage.')
    }
    expect(await help.exited).toBe(0)
    for (const flag of ['--webhook-duplicate R', '--webhook-reorder', '--webhook-delay MS'])
      expect(help.output().stdout).toContain(flag)
  })
})
