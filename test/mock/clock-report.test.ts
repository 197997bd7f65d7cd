import { afterEach, describe, expect, test } from 'vitest'
import { createMockApi, type MockApi } from '../../mocks/api'
import { handleControl } from '../../mocks/control'
import { activeUser, call } from '../helpers/mock'
import { stubFetch } from '../helpers/mock-receiver'

const MINUTE = 60_000
const WEEK = 7 * 86_400_000

async function postClock(api: MockApi, body: unknown) {
  const response = await handleControl(
    api,
    new Request(`${api.baseUrl}/__mock/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  )
  if (!response) throw new Error('not a control route')
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

/** A mock whose webhook receiver refuses the first attempt, and a user whose emails bounce, with a case checked once. */
async function scenario() {
  const receiver = stubFetch((attempt) => (attempt === 1 ? 500 : 200))
  const api = createMockApi({ fetch: receiver.fetch })
  await call(api, 'createWebhook', { body: { url: 'https://hooks.example.com/in', events: ['case.status_changed'] } })
  const user = await activeUser(api, { email: 'nobody@bounce.example.com' })
  await call(api, 'createCase', { params: { user_id: user.id }, body: { receipt_number: 'EAC2190012340' } })
  await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
  return { api, receiver }
}

describe('clock.advance reports what it set off', () => {
  let api: MockApi | undefined
  afterEach(async () => {
    await api?.idle()
  })

  test('USCIS steps of every receipt the mock knows, with the titles before and after', async () => {
    ;({ api } = await scenario())
    const report = await api.clock.advance(WEEK)
    expect(report).toEqual({
      from: '2026-01-05T09:00:00.000Z',
      to: '2026-01-12T09:00:00.000Z',
      deliveries: [],
      notifications: [],
      uscis: [
        {
          receipt_number: 'EAC2190012340',
          from: { status_code: 'Case Was Received', status_code_es: 'Caso Fue Recibido' },
          to: {
            status_code: 'Case Was Updated To Show Fingerprints Were Taken',
            status_code_es: 'Caso Fue Actualizado Para Mostrar Que Se Tomaron Las Huellas Digitales',
          },
        },
      ],
    })
    // Less than a week more moves nothing.
    expect((await api.clock.advance(WEEK - 1)).uscis).toEqual([])
    expect((await api.clock.advance(1)).uscis.map((step) => step.to.status_code)).toEqual([
      'Case Is Being Actively Reviewed By USCIS',
    ])
  })

  test('the delivery retries and notification retries that fell due, as recorded', async () => {
    ;({ api } = await scenario())
    await api.clock.advance(WEEK)
    // The check finds the change: the email bounces (retried after 1 min), the delivery gets a 500 (retried after ~5 s).
    await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
    await api.idle()
    const outboxBefore = api.outbox.length
    const deliveriesBefore = api.deliveries.length
    expect(api.deliveries.at(-1)).toMatchObject({ status: 500, outcome: 'retry_scheduled' })

    const report = await api.clock.advance(2 * MINUTE)
    expect(report.from).toBe('2026-01-12T09:00:00.000Z')
    expect(report.to).toBe('2026-01-12T09:02:00.000Z')
    expect(report.deliveries).toEqual(api.deliveries.slice(deliveriesBefore))
    expect(report.deliveries).toEqual([
      expect.objectContaining({ event_type: 'case.status_changed', attempt: 2, status: 200, outcome: 'delivered' }),
    ])
    expect(report.notifications).toEqual(api.outbox.slice(outboxBefore))
    expect(report.notifications).toEqual([
      expect.objectContaining({ kind: 'status_update', channel: 'email', attempt: 2, status: 'failed' }),
    ])
    expect(report.uscis).toEqual([])
    // The report is a copy: changing it leaves the mock's records alone.
    ;(report.deliveries[0] as { status: number | null }).status = 0
    expect(api.deliveries.at(-1)?.status).toBe(200)
  })

  test('advanceTo reports the same way; a bad amount is refused before anything moves', async () => {
    ;({ api } = await scenario())
    const report = await api.clock.advanceTo('2026-01-12T09:00:00.000Z')
    expect(report.uscis).toHaveLength(1)
    await expect(api.clock.advance(-1)).rejects.toThrow(RangeError)
    expect(api.clock.iso()).toBe('2026-01-12T09:00:00.000Z')
  })

  test('POST /__mock/clock answers the report beside now and pending_jobs', async () => {
    ;({ api } = await scenario())
    const { status, body } = await postClock(api, { advance_ms: WEEK })
    expect(status).toBe(200)
    expect(body).toEqual({
      now: '2026-01-12T09:00:00.000Z',
      pending_jobs: 0,
      from: '2026-01-05T09:00:00.000Z',
      to: '2026-01-12T09:00:00.000Z',
      deliveries: [],
      notifications: [],
      uscis: [expect.objectContaining({ receipt_number: 'EAC2190012340' })],
    })
    const refused = await postClock(api, { advance_ms: -5 })
    expect(refused.status).toBe(400)
  })
})
