import { afterEach, describe, expect, test } from 'vitest'
import { createMockApi, type MockApi } from '../../mocks/api'
import { handleControl, type MockStateView } from '../../mocks/control'
import { setupMockServer } from '../../mocks/node'
import { type RunningMockServer, startMockServer } from '../../mocks/server'
import { verify } from '../../src/webhooks'
import { activeUser, call } from '../helpers/mock'
import { stubFetch } from '../helpers/mock-receiver'

const WEEK = 7 * 86_400_000

async function ctl(
  api: MockApi,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await handleControl(
    api,
    new Request(`${api.baseUrl}/__mock/${path}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    }),
  )
  if (!response) throw new Error(`not a control route: ${path}`)
  const text = await response.text()
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: response.headers,
  }
}

/** A user with a case that changed status a week later, notified by email, and a webhook for every event. */
async function mockWithHistory(respond?: Parameters<typeof stubFetch>[0]) {
  const receiver = stubFetch(respond)
  const api = createMockApi({ fetch: receiver.fetch })
  const webhook = await call(api, 'createWebhook', { body: { url: 'https://hooks.example.com/in', events: ['*'] } })
  const user = await activeUser(api, { email: 'maria@example.com', name: 'María' })
  const created = await call(api, 'createCase', {
    params: { user_id: user.id },
    body: { receipt_number: 'EAC2190012340', user_case_id: 'I-130' },
  })
  await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
  await api.clock.advance(WEEK)
  await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
  await api.idle()
  return { api, receiver, user, webhook: webhook.body, caseId: created.body.case.id }
}

describe('GET /__mock/state', () => {
  test('lists each user with status and cases, each case with its timeline in English and Spanish and the outcome per channel', async () => {
    const { api, user, caseId, webhook } = await mockWithHistory()
    const { status, body } = await ctl(api, 'GET', 'state')
    expect(status).toBe(200)
    const view = body.data as MockStateView
    expect(view.now).toBe('2026-01-12T09:00:00.000Z')
    expect(view.users).toHaveLength(1)
    expect(view.users[0]).toMatchObject({ id: user.id, email: 'maria@example.com', status: 'active' })
    const [kase] = view.users[0]?.cases ?? []
    expect(kase).toMatchObject({ id: caseId, receipt_number: 'EAC2190012340', user_case_id: 'I-130', active: true })
    const timeline = kase?.timeline ?? []
    expect(timeline).toHaveLength(2)
    const details = await call(api, 'getCase', { params: { case_id: caseId } })
    const updates = [...details.body.status_updates].reverse()
    timeline.forEach((entry, index) => {
      const update = updates[index]
      expect(entry).toMatchObject({
        id: update?.id,
        status_code: update?.status_code,
        status_code_es: update?.status_code_es,
        status_description_es: update?.status_description_es,
        recorded_at: update?.timestamp,
      })
    })
    expect(timeline[0]?.status_code_es).not.toBe(timeline[0]?.status_code)
    // The first status is the baseline: no one is notified; the change a week later is emailed.
    expect(timeline[0]?.notifications.email.status).toBe('skipped')
    expect(timeline[1]?.notifications).toEqual({
      email: { status: 'sent', attempts: 1, last_error: null, sent_at: '2026-01-12T09:00:00.000Z' },
      whatsapp: { status: 'skipped', attempts: 0, last_error: null, sent_at: null },
    })
    expect(view.webhooks).toEqual([
      expect.objectContaining({ id: webhook.id, url: 'https://hooks.example.com/in', events: ['*'], active: true }),
    ])
    expect(JSON.stringify(view)).not.toContain('whsec_')
    expect(view.faults).toEqual({
      fail_rate: 0,
      code: 503,
      latency_ms: 0,
      reset: false,
      webhooks: { duplicate: 0, reorder: false, delay_ms: 0 },
    })
  })
})

describe('POST /__mock/events/{id}/redeliver', () => {
  test('sends the event again now, signed, with its webhook-id, recorded as a redelivery', async () => {
    const { api, receiver, webhook } = await mockWithHistory()
    const event = api.events.find((item) => item.type === 'case.status_changed')
    if (!event) throw new Error('no status change event')
    const original = api.deliveries.find((item) => item.event_id === event.id)
    const before = receiver.received.length
    await api.clock.advance(3_600_000)

    const { status, body } = await ctl(api, 'POST', `events/${event.id}/redeliver`)
    expect(status).toBe(200)
    expect(body.data).toEqual([
      expect.objectContaining({
        event_id: event.id,
        webhook_id: webhook.id,
        message_id: original?.message_id,
        attempt: 1,
        status: 200,
        outcome: 'delivered',
        redelivery: true,
        attempted_at: '2026-01-12T10:00:00.000Z',
        // The header sent: the real time of the attempt, not mock time.
        timestamp: expect.stringMatching(/^[0-9]+$/),
      }),
    ])
    expect(receiver.received).toHaveLength(before + 1)
    const sent = receiver.received[before]
    expect(sent?.headers['webhook-id']).toBe(original?.message_id)
    expect(JSON.parse(sent?.body ?? '')).toEqual(event)
    expect((body.data as Array<{ signature: string }>)[0]?.signature).toBe(sent?.headers['webhook-signature'])
    expect((body.data as Array<{ timestamp: string }>)[0]?.timestamp).toBe(sent?.headers['webhook-timestamp'])
    await expect(verify(sent?.body ?? '', sent?.headers ?? {}, webhook.secret ?? '')).resolves.toBe(true)
    expect(api.deliveries.at(-1)).toMatchObject({ redelivery: true })
    expect(original?.redelivery).toBe(false)
  })

  test('a failed redelivery is recorded once and not retried', async () => {
    let failing = false
    const { api, receiver } = await mockWithHistory(() => (failing ? 500 : 200))
    failing = true
    const event = api.events[0]
    if (!event) throw new Error('no event')
    const { body } = await ctl(api, 'POST', `events/${event.id}/redeliver`)
    expect(body.data).toEqual([
      expect.objectContaining({ status: 500, outcome: 'failed', next_attempt_at: null, redelivery: true }),
    ])
    const count = receiver.received.length
    await api.clock.advance(2 * WEEK)
    expect(receiver.received).toHaveLength(count)
  })

  test('an unknown event id is a 404', async () => {
    const api = createMockApi()
    const { status, body } = await ctl(api, 'POST', 'events/evt_nope/redeliver')
    expect(status).toBe(404)
    expect(body.error).toMatchObject({ code: 'not_found', message: expect.stringContaining('evt_nope') })
  })
})

describe('delivery attempts', () => {
  test('record how long the receiver took, the start of its answer, and the headers sent', async () => {
    const api = createMockApi({
      fetch: async () => new Response(`${'x'.repeat(600)}`, { status: 500 }),
    })
    await call(api, 'createWebhook', { body: { url: 'https://hooks.example.com/in', events: ['*'] } })
    const before = Math.floor(Date.now() / 1000)
    await call(api, 'createUser', { body: { email: 'a@example.com', name: 'A' } })
    await api.idle()
    const after = Math.floor(Date.now() / 1000)
    const [attempt] = api.deliveries
    expect(attempt?.response_excerpt).toBe(`${'x'.repeat(500)}…`)
    expect(attempt?.duration_ms).toBeGreaterThanOrEqual(0)
    expect(attempt?.signature).toMatch(/^v1,/)
    // The webhook-timestamp sent: the real time of the attempt.
    expect(Number(attempt?.timestamp)).toBeGreaterThanOrEqual(before)
    expect(Number(attempt?.timestamp)).toBeLessThanOrEqual(after)
    expect(attempt?.redelivery).toBe(false)
  })
})

describe('the request log', () => {
  test('keeps the start of each request and response body', async () => {
    const api = createMockApi()
    await call(api, 'createUser', { body: { email: 'a@example.com', name: 'A'.repeat(3000) } })
    const [entry] = api.requests
    expect(entry?.request_body?.length).toBe(2001)
    expect(entry?.request_body?.endsWith('…')).toBe(true)
    expect(entry?.response_body).toContain('"code":"validation_failed"')
    await call(api, 'createUser', { body: { email: 'a@example.com', name: 'A' } })
    expect(api.requests[1]?.request_body).toBe('{"email":"a@example.com","name":"A"}')
    expect(api.requests[1]?.response_body).toContain('"email":"a@example.com"')
    await call(api, 'listUsers')
    expect(api.requests[2]?.request_body).toBeNull()
  })
})

describe('snapshot and restore', () => {
  test('GET snapshot downloads a versioned file that POST restore brings back', async () => {
    const { api, user } = await mockWithHistory()
    const download = await ctl(api, 'GET', 'snapshot')
    expect(download.status).toBe(200)
    expect(download.headers.get('content-disposition')).toContain('attachment')
    expect(download.body).toMatchObject({ format: 'immigraflow-mock-snapshot', version: 1 })
    const before = await ctl(api, 'GET', 'state')

    await ctl(api, 'POST', 'reset')
    expect(((await ctl(api, 'GET', 'state')).body.data as MockStateView).users).toEqual([])

    const restored = await ctl(api, 'POST', 'restore', download.body)
    expect(restored).toMatchObject({ status: 200, body: { status: 'restored', now: '2026-01-12T09:00:00.000Z' } })
    expect((await ctl(api, 'GET', 'state')).body).toEqual(before.body)
    expect((await call(api, 'getUser', { params: { user_id: user.id } })).status).toBe(200)
    // Indexes come back as Maps: a lookup by email still works.
    const duplicate = await call(api, 'createUser', { body: { email: 'maria@example.com', name: 'M' } })
    expect(duplicate.status).toBe(409)
  })

  test.each([
    ['not JSON', '{"format":', 'not valid JSON'],
    ['not a snapshot', { hello: 1 }, 'not an ImmigraFlow mock snapshot'],
    ['another version', { format: 'immigraflow-mock-snapshot', version: 2, state: {} }, 'version 2'],
    ['a damaged state', { format: 'immigraflow-mock-snapshot', version: 1, state: { now: 1 } }, 'damaged'],
  ])('restoring %s is a 400 saying why, and nothing changes', async (_, body, message) => {
    const { api } = await mockWithHistory()
    const before = await ctl(api, 'GET', 'state')
    const answer = await ctl(api, 'POST', 'restore', body)
    expect(answer.status).toBe(400)
    expect((answer.body.error as { message: string }).message).toContain(message)
    expect(await ctl(api, 'GET', 'state')).toMatchObject({ body: before.body })
  })

  test('a state with a field of the wrong kind is refused, naming the field', async () => {
    const api = createMockApi()
    const file = (await ctl(api, 'GET', 'snapshot')).body as { state: Record<string, unknown> }
    file.state.users = []
    const answer = await ctl(api, 'POST', 'restore', file)
    expect(answer.status).toBe(400)
    expect((answer.body.error as { message: string }).message).toContain('"users" is an array, not a map')
  })
})

describe('access', () => {
  test('with an apiKey every control route needs it; the stream and snapshot also take ?key=', async () => {
    const api = createMockApi({ apiKey: 'sk_live' })
    const ask = (path: string, headers: Record<string, string> = {}) =>
      handleControl(api, new Request(`${api.baseUrl}/__mock/${path}`, { headers }), { apiKey: 'sk_live' })
    expect((await ask('state'))?.status).toBe(401)
    expect((await ask('state', { authorization: 'Bearer wrong' }))?.status).toBe(401)
    expect((await ask('state', { authorization: 'Bearer sk_live' }))?.status).toBe(200)
    expect((await ask('state?key=sk_live'))?.status).toBe(401)
    expect((await ask('snapshot?key=sk_live'))?.status).toBe(200)
    const stream = await ask('stream?key=sk_live')
    expect(stream?.status).toBe(200)
    await stream?.body?.cancel()
    const denied = await ask('outbox')
    expect(await denied?.json()).toMatchObject({ error: { code: 'unauthorized' } })
  })

  test('paths outside /__mock/ are not control routes', async () => {
    const api = createMockApi()
    expect(await handleControl(api, new Request(`${api.baseUrl}/v1/users`))).toBeUndefined()
  })
})

describe('GET /__mock/stream', () => {
  test('sends a hello, then one message per change, naming its kind', async () => {
    const api = createMockApi({ fetch: stubFetch().fetch })
    const response = await handleControl(api, new Request(`${api.baseUrl}/__mock/stream`))
    expect(response?.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    if (!response?.body) throw new Error('no stream')
    const reader = response.body.getReader()
    const decoder = new TextDecoder()
    let text = ''
    const kinds = () =>
      [...text.matchAll(/^data: (.*)$/gm)].map((match) => (JSON.parse(match[1] as string) as { kind: string }).kind)
    const readUntil = async (count: number) => {
      while (kinds().length < count) {
        const chunk = await reader.read()
        if (chunk.done) throw new Error(`stream ended after ${text}`)
        text += decoder.decode(chunk.value, { stream: true })
      }
    }
    await readUntil(1)
    expect(text.startsWith('retry: 1000\n\n')).toBe(true)
    expect(kinds()).toEqual(['hello'])

    await call(api, 'createWebhook', { body: { url: 'https://hooks.example.com/in', events: ['*'] } })
    await call(api, 'createUser', { body: { email: 'a@example.com', name: 'A' } })
    await api.idle()
    await api.clock.advance(1000)
    api.faults.set({ latencyMs: 1 })
    api.uscis.fail({ status: 503 })
    api.reset()
    await readUntil(9)
    expect(kinds()).toEqual(['hello', 'request', 'request', 'outbox', 'delivery', 'clock', 'faults', 'uscis', 'reset'])
    const request = JSON.parse(
      text
        .split('\n')
        .filter((line) => line.startsWith('data: '))[2]
        ?.slice(6) ?? '',
    )
    expect(request).toMatchObject({ kind: 'request', method: 'POST', path: '/v1/users', status: 201 })
    await reader.cancel()
  })

  test('a delivery change carries the webhook chaos mark of its attempt, null for a plain attempt', async () => {
    const api = createMockApi({ fetch: stubFetch().fetch })
    const webhook = await call(api, 'createWebhook', { body: { url: 'https://hooks.example.com/in', events: ['*'] } })
    api.faults.set({ webhooks: { duplicate: 1 } })
    const response = await handleControl(api, new Request(`${api.baseUrl}/__mock/stream`))
    if (!response?.body) throw new Error('no stream')
    const reader = response.body.getReader()
    const decoder = new TextDecoder()
    let text = ''
    const deliveries = () =>
      [...text.matchAll(/^data: (.*)$/gm)]
        .map((match) => JSON.parse(match[1] as string) as Record<string, unknown>)
        .filter((change) => change.kind === 'delivery')
    await call(api, 'createUser', { body: { email: 'a@example.com', name: 'A' } })
    await api.idle()
    while (deliveries().length < 2) {
      const chunk = await reader.read()
      if (chunk.done) throw new Error(`stream ended after ${text}`)
      text += decoder.decode(chunk.value, { stream: true })
    }
    const change = { kind: 'delivery', now: api.clock.iso(), event_id: api.events[0]?.id, webhook_id: webhook.body.id }
    expect(deliveries()).toEqual([
      { ...change, outcome: 'delivered', chaos: null },
      { ...change, outcome: 'delivered', chaos: 'duplicate' },
    ])
    expect(api.deliveries.map((attempt) => attempt.chaos)).toEqual([null, 'duplicate'])
    await reader.cancel()
  })
})

describe('hosts', () => {
  let server: RunningMockServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  test('the standalone server serves the new routes and ends open streams when it closes', async () => {
    server = await startMockServer({ port: 0 })
    const state = await fetch(`${server.url}/__mock/state`)
    expect(state.status).toBe(200)
    expect(state.headers.get('access-control-allow-origin')).toBe('*')
    const stream = await fetch(`${server.url}/__mock/stream`)
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    if (!stream.body) throw new Error('no stream')
    const reader = stream.body.getReader()
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('"kind":"hello"')
    await server.close()
    server = undefined
    let done = false
    while (!done) done = (await reader.read().catch(() => ({ done: true }))).done
    expect(done).toBe(true)
  })

  test('the standalone server with an apiKey refuses control routes without it', async () => {
    server = await startMockServer({ port: 0, apiKey: 'sk_live' })
    expect((await fetch(`${server.url}/__mock/health`)).status).toBe(401)
    const ok = await fetch(`${server.url}/__mock/health`, { headers: { authorization: 'Bearer sk_live' } })
    expect(ok.status).toBe(200)
  })

  test('without an apiKey the standalone server refuses control requests from pages of another origin, and changes nothing', async () => {
    server = await startMockServer({ port: 0 })
    await call({ url: server.url }, 'createUser', { body: { email: 'a@example.com', name: 'A' } })
    const reset = (origin: string) => fetch(`${server?.url}/__mock/reset`, { method: 'POST', headers: { origin } })
    const refused = await reset('https://elsewhere.example')
    expect(refused.status).toBe(403)
    expect(await refused.json()).toMatchObject({
      error: { code: 'forbidden', message: expect.stringContaining('https://elsewhere.example') },
    })
    expect((await reset('null')).status).toBe(403)
    expect(server.api.store.state.users.size).toBe(1)
    // The console's own page, served by the mock, is the same origin.
    expect((await reset(server.url)).status).toBe(200)
    expect(server.api.store.state.users.size).toBe(0)
  })

  test('with an apiKey a page of another origin reaches the control routes with the key', async () => {
    server = await startMockServer({ port: 0, apiKey: 'sk_live' })
    const health = await fetch(`${server.url}/__mock/health`, {
      headers: { origin: 'https://elsewhere.example', authorization: 'Bearer sk_live' },
    })
    expect(health.status).toBe(200)
  })

  test('setupMockServer({ controls: true }) serves the control routes through MSW; without it they are not there', async () => {
    const plain = setupMockServer({ baseUrl: 'https://plain.example.test' })
    expect(plain.api.handlers).toHaveLength(1)
    const msw = setupMockServer({ baseUrl: 'https://controls.example.test', controls: true })
    msw.listen({ onUnhandledRequest: 'error' })
    try {
      await call(msw.api, 'createUser', { body: { email: 'a@example.com', name: 'A' } })
      const response = await fetch('https://controls.example.test/__mock/state')
      expect(response.status).toBe(200)
      const body = (await response.json()) as { data: MockStateView }
      expect(body.data.users.map((user) => user.email)).toEqual(['a@example.com'])
      const users = await fetch('https://controls.example.test/v1/users', { headers: { authorization: 'Bearer k' } })
      expect(users.status).toBe(200)
    } finally {
      msw.close()
    }
  })
})

describe('control route bodies', () => {
  const refused = async (api: MockApi, path: string, body: unknown, message: string) => {
    const before = api.snapshot()
    const answer = await ctl(api, 'POST', path, body)
    expect(answer.status).toBe(400)
    expect(answer.body.error).toMatchObject({ code: 'bad_request', message })
    expect(api.snapshot()).toEqual(before)
  }

  test('unknown fields are refused, naming them and the accepted ones, and nothing changes', async () => {
    const api = createMockApi()
    await activeUser(api)
    await call(api, 'createCase', { params: { user_id: 1 }, body: { receipt_number: 'EAC2190012340' } })
    await refused(api, 'clock', { advance_ms: 1000, typo: 1 }, 'Unknown field typo; send any of advance_ms.')
    await refused(
      api,
      'uscis',
      { outage: { status: 503, retryAfter: 5 } },
      'Unknown field outage.retryAfter; send any of outage.status, outage.retry_after, outage.times.',
    )
    await refused(api, 'uscis', { outage: null, extra: true }, 'Unknown field extra; send any of outage.')
    await refused(
      api,
      'uscis/EAC2190012340',
      { advance: true, status: 'Case Was Approved' },
      'Send either { "advance": true } or { "status": "<USCIS title>" }, not both: pick one.',
    )
    await refused(
      api,
      'uscis/EAC2190012340',
      { advance: true, note: 'x' },
      'Unknown field note; send any of advance, status.',
    )
    await refused(api, 'uscis/EAC2190012340', { advance: 'yes' }, 'advance must be true.')
    await refused(
      api,
      'uscis/EAC2190012340',
      { status: ' ' },
      'status must be a USCIS title, such as "Case Was Approved".',
    )
    // What is accepted still works.
    expect((await ctl(api, 'POST', 'clock', { advance_ms: 1000 })).status).toBe(200)
    expect((await ctl(api, 'POST', 'uscis', { outage: { status: 503, retry_after: 5 } })).body).toMatchObject({
      outage: { status: 503, retry_after: 5 },
    })
  })

  test('a path segment that is not valid percent-encoding is refused, naming the segment', async () => {
    const api = createMockApi()
    await refused(
      api,
      'uscis/EAC%E0%A4%A',
      { advance: true },
      'The receipt in the path is not valid percent-encoding: EAC%E0%A4%A.',
    )
    await refused(
      api,
      'events/evt_%ZZ/redeliver',
      {},
      'The event id in the path is not valid percent-encoding: evt_%ZZ.',
    )
  })
})
