import { afterEach, describe, expect, test } from 'vitest'
import { createMockApi, type MockApi } from '../../mocks/api'
import { handleControl } from '../../mocks/control'
import { activeUser, call } from '../helpers/mock'
import { heldReceiverFetch } from '../helpers/mock-receiver'

const DAY = 86_400_000
const START = '2026-01-05T09:00:00.000Z'

/**
 * A mock with a webhook whose receiver holds every delivery until `release()` and then refuses
 * it (500), so retries fall due during a day. `delivering` resolves when the first attempt arrives.
 */
async function heldReceiver() {
  const { fetch, release, delivering } = heldReceiverFetch(500)
  const api = createMockApi({ fetch })
  await call(api, 'createWebhook', { body: { url: 'https://hooks.example.com/in', events: ['*'] } })
  await activeUser(api)
  return { api, release, delivering }
}

async function postClock(api: MockApi, advance_ms: number) {
  const response = await handleControl(
    api,
    new Request(`${api.baseUrl}/__mock/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance_ms }),
    }),
  )
  if (!response) throw new Error('not a control route')
  return (await response.json()) as { from: string; to: string }
}

describe('clock advances queue one after another', () => {
  let api: MockApi | undefined
  let release: (() => void) | undefined
  afterEach(async () => {
    release?.()
    await api?.idle()
    api = undefined
  })

  test('an advance called while another runs starts where that one ends', async () => {
    const held = await heldReceiver()
    ;({ api, release } = held)
    const a = api.clock.advance(DAY)
    await held.delivering
    const b = api.clock.advance(1)
    held.release()
    const [first, second] = await Promise.all([a, b])
    expect(first.from).toBe(START)
    expect(first.to).toBe('2026-01-06T09:00:00.000Z')
    expect(second).toMatchObject({ from: '2026-01-06T09:00:00.000Z', to: '2026-01-06T09:00:00.001Z' })
    expect(api.clock.iso()).toBe('2026-01-06T09:00:00.001Z')
    // Each report covers its own span: the retries of the day belong to the first.
    expect(first.deliveries.length).toBeGreaterThan(1)
    expect(second.deliveries).toEqual([])
  })

  test('advanceTo an instant the queued advance has passed moves nothing, never backwards', async () => {
    const held = await heldReceiver()
    ;({ api, release } = held)
    const a = api.clock.advance(DAY)
    await held.delivering
    const b = api.clock.advanceTo('2026-01-05T10:00:00.000Z')
    held.release()
    const [, second] = await Promise.all([a, b])
    expect(second).toMatchObject({ from: '2026-01-06T09:00:00.000Z', to: '2026-01-06T09:00:00.000Z' })
    expect(api.clock.iso()).toBe('2026-01-06T09:00:00.000Z')
  })

  test('concurrent POST /__mock/clock to one mock queue as well', async () => {
    const held = await heldReceiver()
    ;({ api, release } = held)
    const a = postClock(api, DAY)
    await held.delivering
    const b = postClock(api, 60_000)
    held.release()
    const [first, second] = await Promise.all([a, b])
    expect(first.to).toBe('2026-01-06T09:00:00.000Z')
    expect(second).toMatchObject({ from: '2026-01-06T09:00:00.000Z', to: '2026-01-06T09:01:00.000Z' })
    expect(api.clock.iso()).toBe('2026-01-06T09:01:00.000Z')
  })

  test('a reset during an advance stops it and leaves the fresh mock alone', async () => {
    const held = await heldReceiver()
    ;({ api, release } = held)
    const a = api.clock.advance(DAY)
    await held.delivering
    api.reset()
    held.release()
    const report = await a
    expect(report.from).toBe(START)
    expect(report.to < '2026-01-06T09:00:00.000Z').toBe(true)
    expect(api.clock.iso()).toBe(START)
    expect(api.clock.pending()).toBe(0)
    // The next advance starts from the reset mock.
    expect(await api.clock.advance(1)).toMatchObject({ from: START, to: '2026-01-05T09:00:00.001Z' })
  })

  test('a restore during an advance is not overwritten by it', async () => {
    const held = await heldReceiver()
    ;({ api, release } = held)
    const saved = api.snapshot()
    const a = api.clock.advance(DAY)
    await held.delivering
    api.restore(saved)
    const restoredAt = api.clock.iso()
    const restoredPending = api.clock.pending()
    held.release()
    await a
    expect(api.clock.iso()).toBe(restoredAt)
    expect(api.clock.pending()).toBe(restoredPending)
  })
})
