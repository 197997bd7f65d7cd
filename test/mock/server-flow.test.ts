import { Webhook } from 'standardwebhooks'
import { afterEach, describe, expect, test } from 'vitest'
import { type RunningMockServer, startMockServer } from '../../mocks/server'
import { WebhookEventSchema } from '../../src/generated/zod'
import { verify } from '../../src/webhooks'
import { call } from '../helpers/mock'
import { startReceiver } from '../helpers/mock-receiver'

const WEEK = 7 * 86_400_000

async function control(server: RunningMockServer, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}/__mock/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown> & { data: Array<Record<string, unknown>> },
  }
}

describe('standalone server', () => {
  let server: RunningMockServer | undefined
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined
  afterEach(async () => {
    await server?.close()
    await receiver?.close()
    server = undefined
    receiver = undefined
  })

  test('the full flow over HTTP: verify, webhook, case, baseline, a week later a change that is emailed and delivered signed', async () => {
    server = await startMockServer({ port: 0 })
    receiver = await startReceiver()
    const target = { url: server.url }

    const user = await call(target, 'createUser', { body: { email: 'maria@example.com', name: 'María' } })
    expect(user.status).toBe(201)
    const outbox = await control(server, 'GET', 'outbox')
    const token = outbox.body.data.find((message) => message.kind === 'verification')?.token as string
    expect((await call(target, 'verifyUserEmail', { body: { token } })).body.status).toBe('active')

    const webhook = await call(target, 'createWebhook', {
      body: { url: receiver.url, events: ['case.status_changed'] },
    })
    const secret = webhook.body.secret as string
    const created = await call(target, 'createCase', {
      params: { user_id: user.body.id },
      body: { receipt_number: 'EAC2190012340' },
    })
    const baseline = await call(target, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
    expect(baseline.body.changed).toBe(false)

    expect((await control(server, 'POST', 'clock', { advance_ms: WEEK })).body.now).toBe('2026-01-12T09:00:00.000Z')
    const check = await call(target, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
    expect(check.body).toMatchObject({ changed: true, updated_case_ids: [created.body.case.id] })
    await control(server, 'POST', 'idle')

    const details = await call(target, 'getCase', { params: { case_id: created.body.case.id } })
    expect(details.body.update_count).toBe(2)
    expect(details.body.status_updates[0]).toMatchObject({ email_notify_status: 'sent', notified: 1 })
    const emails = (await control(server, 'GET', 'outbox')).body.data.filter(
      (message) => message.kind === 'status_update',
    )
    expect(emails).toHaveLength(1)

    expect(receiver.received).toHaveLength(1)
    const [delivery] = receiver.received
    const raw = delivery?.raw.toString('utf8') ?? ''
    const headers = delivery?.headers as Record<string, string>
    // A week of mock time later, receivers verify with their own (real) clock.
    await expect(verify(raw, headers, secret)).resolves.toBe(true)
    expect(new Webhook(secret).verify(raw, headers)).toMatchObject({ type: 'case.status_changed' })
    expect(WebhookEventSchema.parse(JSON.parse(raw)).type).toBe('case.status_changed')
    const deliveries = (await control(server, 'GET', 'deliveries')).body.data
    expect(deliveries).toMatchObject([{ webhook_id: webhook.body.id, attempt: 1, status: 200, outcome: 'delivered' }])
  })

  test('GET /__mock/health reports ok and the mock time', async () => {
    server = await startMockServer({ startTime: '2026-02-01T00:00:00.000Z' })
    expect((await control(server, 'GET', 'health')).body).toMatchObject({
      status: 'ok',
      now: '2026-02-01T00:00:00.000Z',
    })
  })

  test('POST /__mock/reset empties the store', async () => {
    server = await startMockServer()
    await call({ url: server.url }, 'createUser', { body: { email: 'a@example.com', name: 'A' } })
    await control(server, 'POST', 'reset')
    expect((await call({ url: server.url }, 'listUsers')).body.total).toBe(0)
  })

  test('POST /__mock/uscis/{receipt} advances a receipt or sets its status; unknown receipts are 404', async () => {
    server = await startMockServer()
    const advanced = await control(server, 'POST', 'uscis/EAC2190012340', { advance: true })
    expect(advanced.body.status).toMatchObject({ status_code: 'Case Was Updated To Show Fingerprints Were Taken' })
    const set = await control(server, 'POST', 'uscis/EAC2190012340', { status: 'Case Was Approved' })
    expect(set.body.status).toMatchObject({ status_code: 'Case Was Approved' })
    const check = await call({ url: server.url }, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
    expect(check.body.status.status_code).toBe('Case Was Approved')
    expect((await control(server, 'POST', 'uscis/EAC2190012349', { advance: true })).status).toBe(404)
    expect((await control(server, 'POST', 'uscis/EAC2190012340', {})).status).toBe(400)
  })

  test('POST /__mock/uscis with an outage makes checks answer 503 with Retry-After', async () => {
    server = await startMockServer()
    await control(server, 'POST', 'uscis', { outage: { status: 503, retry_after: 120, times: 1 } })
    const res = await call({ url: server.url }, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('120')
  })

  test('GET /__mock/requests lists the requests answered, with status and request id', async () => {
    server = await startMockServer()
    await call({ url: server.url }, 'listUsers', { headers: { 'x-request-id': 'trace-9' } })
    const log = await control(server, 'GET', 'requests')
    expect(log.body.data).toMatchObject([
      { request_id: 'trace-9', method: 'GET', path: '/v1/users', status: 200, operation: 'listUsers' },
    ])
  })

  test('an unknown control route is a 404 and a bad clock body a 400', async () => {
    server = await startMockServer()
    expect((await control(server, 'GET', 'nope')).status).toBe(404)
    expect((await control(server, 'POST', 'clock', { advance_ms: -5 })).status).toBe(400)
  })
})
