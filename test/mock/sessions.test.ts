/**
 * Sessions on the standalone mock: `X-Mock-Session: <name>` serves a request from that session's
 * own mock (store, clock, faults, USCIS, outbox, request log, deliveries), the control routes act
 * on the session named, `GET/DELETE /__mock/sessions` list and drop them, `maxSessions` bounds
 * them, and requests without the header see the default mock as before.
 */
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { createMockApi, type MockApi } from '../../mocks/api'
import { handleControl, type MockStateView } from '../../mocks/control'
import type { MockCoverage } from '../../mocks/coverage'
import {
  createRequestListener,
  type RunningMockServer,
  type StartMockServerOptions,
  startMockServer,
} from '../../mocks/server'
import { createMockSessions, type SessionInfo } from '../../mocks/sessions'
import type { DeliveryAttempt, OutboxMessage, RequestLogEntry } from '../../mocks/store'
import { ImmigraFlow, RateLimitError } from '../../src/index'
import { assertMatchesSpec } from '../helpers/mock'
import { killAll, runCli } from '../helpers/mock-cli'
import { startReceiver } from '../helpers/mock-receiver'

const KEY = 'sk_test_sessions'
const open: Array<{ close(): Promise<void> }> = []
let dirs: string[] = []

afterEach(async () => {
  killAll()
  for (const item of open.splice(0).reverse()) await item.close()
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
  dirs = []
})

/** Serves `api` through `createRequestListener` on a node:http server (port 0); closed after the test. */
async function listenWith(api: MockApi): Promise<string> {
  const server = createServer(createRequestListener(api))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  open.push({
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  })
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

async function start(options: StartMockServerOptions = {}): Promise<RunningMockServer> {
  const running = await startMockServer({ port: 0, ...options })
  open.push(running)
  return running
}

type Reply<T = Record<string, unknown>> = { status: number; body: T; headers: Headers }

/** One request to the mock; `session` sets `X-Mock-Session`. */
async function send<T = Record<string, unknown>>(
  url: string,
  method: string,
  path: string,
  options: { session?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { Authorization: `Bearer ${KEY}`, ...options.headers }
  if (options.session !== undefined) headers['X-Mock-Session'] = options.session
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  const response = await fetch(`${url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const text = await response.text()
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, headers: response.headers }
}

const client = (url: string, session?: string) =>
  new ImmigraFlow({
    apiKey: KEY,
    baseUrl: url,
    maxRetries: 0,
    ...(session === undefined ? {} : { headers: { 'X-Mock-Session': session } }),
  })

const stateOf = async (url: string, session?: string) =>
  (await send<{ data: MockStateView }>(url, 'GET', '/__mock/state', { session })).body.data
const emailsOf = async (url: string, session?: string) => (await stateOf(url, session)).users.map((user) => user.email)
const listOf = async (url: string) => (await send<{ data: SessionInfo[] }>(url, 'GET', '/__mock/sessions')).body.data

describe('requests without X-Mock-Session', () => {
  test('are served by the default mock, running.api, exactly as before: the same ids, bodies and request ids', async () => {
    const running = await start()
    const plain = await startMockServer({ port: 0 })
    open.push(plain)
    const body = { email: 'ana@example.com', name: 'Ana' }
    const [withSessions, before] = await Promise.all([
      send(running.url, 'POST', '/v1/users', { body }),
      send(plain.url, 'POST', '/v1/users', { body }),
    ])
    expect(withSessions.status).toBe(201)
    expect(withSessions.body).toEqual(before.body)
    expect(withSessions.headers.get('x-request-id')).toBe('req_000001')
    expect(running.api.store.state.users.size).toBe(1)
    expect((await listOf(running.url)).map((item) => item.name)).toEqual(['default'])
  })

  test('"X-Mock-Session: default" names the default mock too', async () => {
    const running = await start()
    await client(running.url).users.create({ email: 'ana@example.com', name: 'Ana' })
    expect(await emailsOf(running.url, 'default')).toEqual(['ana@example.com'])
    expect(running.session('default')).toBe(running.api)
  })
})

describe('each session has its own state', () => {
  test('store: users and cases of one session are invisible to the others, and ids start at 1 in each', async () => {
    const running = await start()
    const alice = client(running.url, 'alice')
    const bob = client(running.url, 'bob')
    const a = await alice.users.create({ email: 'a@alice.example', name: 'Alice' })
    const b = await bob.users.create({ email: 'b@bob.example', name: 'Bob' })
    expect([a.id, b.id]).toEqual([1, 1])
    await alice.cases.create(a.id, { receipt_number: 'IOE0915220200' })
    expect((await alice.users.list()).data.map((user) => user.email)).toEqual(['a@alice.example'])
    expect((await bob.users.list()).data.map((user) => user.email)).toEqual(['b@bob.example'])
    expect((await bob.cases.list(b.id)).data).toEqual([])
    expect((await client(running.url).users.list()).data).toEqual([])
    expect(running.session('alice').store.state.cases.size).toBe(1)
    expect(running.session('bob').store.state.cases.size).toBe(0)
    expect(running.api.store.state.users.size).toBe(0)
  })

  test('clock: POST /__mock/clock moves only the session named', async () => {
    const running = await start()
    const moved = await send<{ now: string }>(running.url, 'POST', '/__mock/clock', {
      session: 'alice',
      body: { advance_ms: 86_400_000 },
    })
    expect(moved.body.now).toBe('2026-01-06T09:00:00.000Z')
    expect((await stateOf(running.url, 'alice')).now).toBe('2026-01-06T09:00:00.000Z')
    expect((await stateOf(running.url, 'bob')).now).toBe('2026-01-05T09:00:00.000Z')
    expect((await stateOf(running.url)).now).toBe('2026-01-05T09:00:00.000Z')
    const user = await client(running.url, 'alice').users.create({ email: 'a@alice.example', name: 'A' })
    expect(user.created_at).toBe('2026-01-06T09:00:00.000Z')
  })

  test('faults: a fail rate set for one session fails only its requests', async () => {
    const running = await start()
    const set = await send(running.url, 'POST', '/__mock/faults', {
      session: 'alice',
      body: { fail_rate: 1, code: 503 },
    })
    expect(set.status).toBe(200)
    expect((await send(running.url, 'GET', '/v1/users', { session: 'alice' })).status).toBe(503)
    expect((await send(running.url, 'GET', '/v1/users', { session: 'bob' })).status).toBe(200)
    expect((await send(running.url, 'GET', '/v1/users')).status).toBe(200)
    expect((await stateOf(running.url, 'bob')).faults.fail_rate).toBe(0)
    await send(running.url, 'DELETE', '/__mock/faults', { session: 'alice' })
    expect((await send(running.url, 'GET', '/v1/users', { session: 'alice' })).status).toBe(200)
  })

  test('USCIS: an outage and a forced step of one session leave the others alone', async () => {
    const running = await start()
    const receipt = 'IOE0915220200'
    await send(running.url, 'POST', '/__mock/uscis', {
      session: 'alice',
      body: { outage: { status: 503, retry_after: 30 } },
    })
    expect(
      (await send(running.url, 'POST', '/v1/check', { session: 'alice', body: { receipt_number: receipt } })).status,
    ).toBe(503)
    const bobFirst = await client(running.url, 'bob').check.status({ receipt_number: receipt })
    await send(running.url, 'POST', '/__mock/uscis', { session: 'alice', body: { outage: null } })
    const forced = await send(running.url, 'POST', `/__mock/uscis/${receipt}`, {
      session: 'alice',
      body: { status: 'Case Was Approved' },
    })
    expect(forced.status).toBe(200)
    const alice = await client(running.url, 'alice').check.status({ receipt_number: receipt })
    expect(alice.status.status_code).toBe('Case Was Approved')
    const bobAgain = await client(running.url, 'bob').check.status({ receipt_number: receipt })
    expect(bobAgain.status.status_code).toBe(bobFirst.status.status_code)
    expect(bobAgain.status.status_code).not.toBe('Case Was Approved')
  })

  test('outbox and request log: each session holds its own messages and requests', async () => {
    const running = await start()
    await client(running.url, 'alice').users.create({ email: 'a@alice.example', name: 'A' })
    await send(running.url, 'GET', '/v1/users', { session: 'bob', headers: { 'X-Request-Id': 'bob-list' } })
    const aliceOutbox = await send<{ data: OutboxMessage[] }>(running.url, 'GET', '/__mock/outbox', {
      session: 'alice',
    })
    expect(aliceOutbox.body.data.map((message) => message.to)).toEqual(['a@alice.example'])
    const bobOutbox = await send<{ data: OutboxMessage[] }>(running.url, 'GET', '/__mock/outbox', { session: 'bob' })
    expect(bobOutbox.body.data).toEqual([])
    const bobLog = await send<{ data: RequestLogEntry[] }>(running.url, 'GET', '/__mock/requests', { session: 'bob' })
    expect(bobLog.body.data.map((entry) => entry.request_id)).toEqual(['bob-list'])
    const aliceLog = await send<{ data: RequestLogEntry[] }>(running.url, 'GET', '/__mock/requests', {
      session: 'alice',
    })
    expect(aliceLog.body.data.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
      'POST /v1/users 201',
    ])
    expect(running.api.requests).toEqual([])
  })

  test('deliveries: a session sends its events to its own endpoints only', async () => {
    const running = await start()
    const receiver = await startReceiver(200)
    open.push(receiver)
    const aliceHook = `${receiver.url}?session=alice`
    const bobHook = `${receiver.url}?session=bob`
    await client(running.url, 'alice').webhooks.create({ url: aliceHook, events: ['user.created'] })
    await client(running.url, 'bob').webhooks.create({ url: bobHook, events: ['user.created'] })
    await client(running.url, 'alice').users.create({ email: 'a@alice.example', name: 'A' })
    await send(running.url, 'POST', '/__mock/idle', { session: 'alice' })
    expect(receiver.received).toHaveLength(1)
    expect(JSON.parse(receiver.received[0]?.raw.toString() ?? '{}').data.email).toBe('a@alice.example')
    const alice = await send<{ data: DeliveryAttempt[] }>(running.url, 'GET', '/__mock/deliveries', {
      session: 'alice',
    })
    expect(alice.body.data.map((attempt) => [attempt.url, attempt.outcome])).toEqual([[aliceHook, 'delivered']])
    const bob = await send<{ data: DeliveryAttempt[] }>(running.url, 'GET', '/__mock/deliveries', { session: 'bob' })
    expect(bob.body.data).toEqual([])
  })

  test('a new session starts from the server options and preload, as the default mock did', async () => {
    const running = await start({
      startTime: '2027-03-01T00:00:00.000Z',
      preload: { users: [{ email: 'seed@example.com', name: 'Seed', status: 'active' }] },
    })
    await client(running.url).users.create({ email: 'only-default@example.com', name: 'D' })
    const alice = await stateOf(running.url, 'alice')
    expect(alice.now).toBe('2027-03-01T00:00:00.000Z')
    expect(alice.users.map((user) => user.email)).toEqual(['seed@example.com'])
  })
})

describe('control routes per session', () => {
  test('reset clears only the session named', async () => {
    const running = await start()
    await client(running.url, 'alice').users.create({ email: 'a@alice.example', name: 'A' })
    await client(running.url, 'bob').users.create({ email: 'b@bob.example', name: 'B' })
    expect((await send(running.url, 'POST', '/__mock/reset', { session: 'alice' })).status).toBe(200)
    expect(await emailsOf(running.url, 'alice')).toEqual([])
    expect(await emailsOf(running.url, 'bob')).toEqual(['b@bob.example'])
  })

  test('snapshot and restore act on the session named; the download also takes ?session=', async () => {
    const running = await start()
    await client(running.url, 'alice').users.create({ email: 'a@alice.example', name: 'A' })
    const download = await fetch(`${running.url}/__mock/snapshot?session=alice`)
    expect(download.status).toBe(200)
    const snapshot = await download.text()
    expect(snapshot).toContain('a@alice.example')
    const restored = await fetch(`${running.url}/__mock/restore`, {
      method: 'POST',
      headers: { 'X-Mock-Session': 'carol', 'Content-Type': 'application/json' },
      body: snapshot,
    })
    expect(restored.status).toBe(200)
    expect(await emailsOf(running.url, 'carol')).toEqual(['a@alice.example'])
    expect(await emailsOf(running.url)).toEqual([])
    expect(await emailsOf(running.url, 'bob')).toEqual([])
  })

  test('the stream opened with ?session= carries only the changes of its session', async () => {
    const running = await start()
    const controller = new AbortController()
    const stream = await fetch(`${running.url}/__mock/stream?session=alice`, { signal: controller.signal })
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader()
    const decoder = new TextDecoder()
    let text = ''
    const until = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const chunk = await reader.read()
        if (chunk.done) throw new Error(`stream ended before ${pattern}: ${text}`)
        text += decoder.decode(chunk.value)
      }
    }
    try {
      await until(/"kind":"hello"/)
      // Bob's request is answered before Alice's is sent: if it leaked, it would come first.
      await send(running.url, 'GET', '/v1/users', { session: 'bob', headers: { 'X-Request-Id': 'bob-1' } })
      await send(running.url, 'GET', '/v1/users', { headers: { 'X-Request-Id': 'default-1' } })
      await send(running.url, 'GET', '/v1/users', { session: 'alice', headers: { 'X-Request-Id': 'alice-1' } })
      await until(/"request_id":"[^"]+"/)
      expect(/"request_id":"([^"]+)"/.exec(text)?.[1]).toBe('alice-1')
    } finally {
      controller.abort()
    }
  })

  test('the stream of a session ends when the session is dropped', async () => {
    const running = await start()
    const stream = await fetch(`${running.url}/__mock/stream`, { headers: { 'X-Mock-Session': 'alice' } })
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader()
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('"kind":"hello"')
    expect((await send(running.url, 'DELETE', '/__mock/sessions/alice')).status).toBe(200)
    let chunk = await reader.read()
    while (!chunk.done) chunk = await reader.read()
    expect(chunk.done).toBe(true)
  })

  test('the header and ?session= naming different sessions is a 400', async () => {
    const running = await start()
    const reply = await send(running.url, 'GET', '/__mock/snapshot?session=alice', { session: 'bob' })
    expect(reply.status).toBe(400)
    expect(JSON.stringify(reply.body)).toContain('name different sessions')
  })

  test.each([
    ['POST', '/__mock/reset?session=alice'],
    ['GET', '/__mock/state?session=alice'],
    ['POST', '/__mock/clock?session=alice'],
  ])('%s %s: ?session= off stream and snapshot is a 400 that changes nothing', async (method, path) => {
    const running = await start()
    expect((await send(running.url, 'POST', '/v1/users', { body: { email: 'a@example.com', name: 'A' } })).status).toBe(
      201,
    )
    const reply = await send<{ error: { code: string; message: string } }>(running.url, method, path, {
      body: method === 'POST' ? { advance_ms: 60_000 } : undefined,
    })
    expect(reply.status).toBe(400)
    expect(reply.body.error.code).toBe('bad_request')
    expect(reply.body.error.message).toContain(
      'does not take ?session=: name the session with the X-Mock-Session header',
    )
    // Neither the default session nor a session alice was touched.
    expect(running.api.store.state.users.size).toBe(1)
    expect(running.api.clock.iso()).toBe('2026-01-05T09:00:00.000Z')
    expect(running.sessions.names).toEqual([])
  })

  test('a control route that does not exist creates no session, even under --max-sessions', async () => {
    const running = await start({ maxSessions: 1 })
    const typo = await send<{ error: { code: string; message: string } }>(running.url, 'GET', '/__mock/stat', {
      session: 'zz',
    })
    expect(typo.status).toBe(404)
    expect(typo.body.error).toMatchObject({ code: 'not_found', message: 'No control route GET /__mock/stat.' })
    expect((await send(running.url, 'POST', '/__mock/clok', { session: 'zz', body: {} })).status).toBe(404)
    expect(running.sessions.names).toEqual([])
    // The one slot is still free for a real route.
    expect((await send(running.url, 'GET', '/__mock/state', { session: 'alice' })).status).toBe(200)
    expect(
      (await send(running.url, 'POST', '/__mock/uscis/EAC2190012340', { session: 'alice', body: { advance: true } }))
        .status,
    ).not.toBe(404)
    expect(running.sessions.names).toEqual(['alice'])
  })
})

describe('GET and DELETE /__mock/sessions', () => {
  test('lists the default session first, marked, then each named one with its counts', async () => {
    const running = await start({ maxSessions: 7 })
    await client(running.url, 'alice').users.create({ email: 'a1@alice.example', name: 'A' })
    await client(running.url, 'alice').users.create({ email: 'a2@alice.example', name: 'A' })
    await send(running.url, 'GET', '/v1/users', { session: 'bob' })
    const reply = await send<{ data: SessionInfo[]; max_sessions: number }>(running.url, 'GET', '/__mock/sessions')
    expect(reply.body.max_sessions).toBe(7)
    expect(
      reply.body.data.map(({ name, default: isDefault, requests, users }) => ({ name, isDefault, requests, users })),
    ).toEqual([
      { name: 'default', isDefault: true, requests: 0, users: 0 },
      { name: 'alice', isDefault: false, requests: 2, users: 2 },
      { name: 'bob', isDefault: false, requests: 1, users: 0 },
    ])
    for (const item of reply.body.data) {
      expect(Date.parse(item.created_at)).not.toBeNaN()
      expect(Date.parse(item.last_used_at)).toBeGreaterThanOrEqual(Date.parse(item.created_at))
    }
    expect(running.sessions.names).toEqual(['alice', 'bob'])
  })

  test('DELETE drops a session; the name then starts afresh', async () => {
    const running = await start()
    await client(running.url, 'alice').users.create({ email: 'a@alice.example', name: 'A' })
    const dropped = await send<{ status: string; session: SessionInfo }>(
      running.url,
      'DELETE',
      '/__mock/sessions/alice',
    )
    expect(dropped.status).toBe(200)
    expect(dropped.body).toMatchObject({ status: 'dropped', session: { name: 'alice', users: 1 } })
    expect((await listOf(running.url)).map((item) => item.name)).toEqual(['default'])
    expect(await emailsOf(running.url, 'alice')).toEqual([])
  })

  test('DELETE of an unknown session is a 404, of the default session a 400 that points to POST /__mock/reset', async () => {
    const running = await start()
    const unknown = await send<{ error: { code: string; message: string } }>(
      running.url,
      'DELETE',
      '/__mock/sessions/nobody',
    )
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.code).toBe('not_found')
    expect(unknown.body.error.message).toContain('nobody')
    const fallback = await send<{ error: { code: string; message: string } }>(
      running.url,
      'DELETE',
      '/__mock/sessions/default',
    )
    expect(fallback.status).toBe(400)
    expect(fallback.body.error.message).toContain('POST /__mock/reset')
    const bad = await send<{ error: { code: string } }>(running.url, 'DELETE', '/__mock/sessions/a%20b')
    expect(bad.status).toBe(400)
  })

  test('DELETE waits for the session’s deliveries in flight before it answers', async () => {
    const running = await start()
    let release = () => {}
    let arrived = 0
    const held: ServerResponse[] = []
    const slow = createServer((req, res) => {
      req.resume()
      arrived += 1
      held.push(res)
    })
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve))
    release = () => {
      for (const res of held.splice(0)) res.writeHead(200).end()
    }
    open.push({
      close: () =>
        new Promise<void>((resolve) => {
          slow.close(() => resolve())
          slow.closeAllConnections()
        }),
    })
    const hook = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/hooks`
    const alice = client(running.url, 'alice')
    await alice.webhooks.create({ url: hook, events: ['user.created'] })
    await alice.users.create({ email: 'a@alice.example', name: 'A' })
    await expect.poll(() => arrived).toBe(1)
    let answered = false
    const dropping = send(running.url, 'DELETE', '/__mock/sessions/alice').then((reply) => {
      answered = true
      return reply
    })
    // The drop takes effect at once: the name is free (and listed no more) while the delivery runs.
    await expect.poll(async () => (await listOf(running.url)).map((item) => item.name)).toEqual(['default'])
    expect(answered).toBe(false)
    release()
    const reply = await dropping
    expect(reply.status).toBe(200)
    expect(running.sessions.names).toEqual([])
  })
})

describe('session names', () => {
  const invalid = ['', 'has space', 'a/b', 'ümlaut', 'x'.repeat(65), 'semi;colon']

  test.each(invalid)('an API request naming %j gets a documented 422 naming the header and the rule', async (name) => {
    const running = await start()
    for (const [method, path] of [
      ['GET', '/v1/users'],
      ['DELETE', '/v1/webhooks/wh_missing'],
    ] as const) {
      const reply = await send<{
        error: { code: string; message: string; request_id: string; details: Array<{ field: string; message: string }> }
      }>(running.url, method, path, { session: name })
      expect(reply.status).toBe(422)
      expect(reply.body.error.code).toBe('validation_failed')
      expect(reply.body.error.message).toContain('X-Mock-Session')
      expect(reply.body.error.message).toContain('1–64 characters')
      expect(reply.body.error.details).toEqual([{ field: 'X-Mock-Session', message: reply.body.error.message }])
      expect(reply.body.error.request_id).toBe(reply.headers.get('x-request-id'))
      // The answer is one the operation documents.
      const operation = method === 'GET' ? 'listUsers' : 'deleteWebhook'
      assertMatchesSpec(operation, reply.status, JSON.stringify(reply.body), reply.headers)
    }
    expect(running.sessions.names).toEqual([])
  })

  test('a control route naming an invalid session gets the same 400, and ?session= is checked too', async () => {
    const running = await start()
    const header = await send<{ error: { message: string } }>(running.url, 'GET', '/__mock/state', {
      session: 'x'.repeat(65),
    })
    expect(header.status).toBe(400)
    expect(header.body.error.message).toContain('X-Mock-Session')
    const query = await send<{ error: { message: string } }>(running.url, 'GET', '/__mock/snapshot?session=a%2Fb')
    expect(query.status).toBe(400)
    expect(query.body.error.message).toContain('session query parameter')
    expect(running.sessions.names).toEqual([])
  })

  test('names of 64 characters of letters, digits, dots, underscores and hyphens are accepted', async () => {
    const running = await start()
    const name = `Worker_1.run-${'x'.repeat(51)}`
    expect(name).toHaveLength(64)
    expect((await send(running.url, 'GET', '/v1/users', { session: name })).status).toBe(200)
    expect(running.sessions.names).toEqual([name])
  })
})

describe('maxSessions', () => {
  test('one named session past the limit gets a 429 ErrorEnvelope that says how to free one; existing ones still answer', async () => {
    const running = await start({ maxSessions: 2 })
    expect((await send(running.url, 'GET', '/v1/users', { session: 's1' })).status).toBe(200)
    expect((await send(running.url, 'GET', '/__mock/state', { session: 's2' })).status).toBe(200)
    const refused = await send<{ error: { code: string; message: string; request_id: string } }>(
      running.url,
      'GET',
      '/v1/users',
      {
        session: 's3',
        headers: { 'X-Request-Id': 'over-the-limit' },
      },
    )
    expect(refused.status).toBe(429)
    expect(refused.body).toEqual({
      error: { code: 'rate_limited', message: expect.any(String), request_id: 'over-the-limit' },
    })
    expect(refused.body.error.message).toContain('limit of 2 sessions was reached')
    expect(refused.body.error.message).toContain('DELETE /__mock/sessions/{name}')
    expect(refused.body.error.message).toContain('--max-sessions')
    expect(refused.headers.get('retry-after')).toBe('1')
    expect(refused.headers.get('x-should-retry')).toBe('false')
    expect((await send(running.url, 'GET', '/__mock/health', { session: 's4' })).status).toBe(429)
    expect((await send(running.url, 'GET', '/v1/users', { session: 's1' })).status).toBe(200)
    expect((await send(running.url, 'GET', '/v1/users')).status).toBe(200)
    await send(running.url, 'DELETE', '/__mock/sessions/s1')
    expect((await send(running.url, 'GET', '/v1/users', { session: 's3' })).status).toBe(200)
  })

  test('the SDK gets a RateLimitError at once, without retrying', async () => {
    const running = await start({ maxSessions: 1 })
    await send(running.url, 'GET', '/v1/users', { session: 'first' })
    const sdk = new ImmigraFlow({ apiKey: KEY, baseUrl: running.url, headers: { 'X-Mock-Session': 'second' } })
    const error = await sdk.users.list().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(RateLimitError)
    expect((error as RateLimitError).message).toContain('limit of 1 sessions was reached')
  })

  test('startMockServer refuses a maxSessions that is not a positive integer', async () => {
    await expect(startMockServer({ port: 0, maxSessions: 0 })).rejects.toThrow(/maxSessions must be a positive integer/)
    await expect(startMockServer({ port: 0, maxSessions: 1.5 })).rejects.toThrow(/positive integer/)
  })
})

describe('the server around sessions', () => {
  test('CORS preflights allow X-Mock-Session', async () => {
    const running = await start()
    const response = await fetch(`${running.url}/v1/users`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://app.example', 'Access-Control-Request-Headers': 'x-mock-session' },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-headers')).toContain('X-Mock-Session')
  })

  test('a request without a valid API key gets a 401 and creates no session', async () => {
    const running = await start({ apiKey: KEY })
    const wrong = await send<{ error: { code: string } }>(running.url, 'GET', '/v1/users', {
      session: 'intruder',
      headers: { Authorization: 'Bearer nope' },
    })
    expect(wrong.status).toBe(401)
    expect(wrong.body.error.code).toBe('unauthorized')
    const control = await send(running.url, 'GET', '/__mock/state', {
      session: 'intruder2',
      headers: { Authorization: 'Bearer nope' },
    })
    expect(control.status).toBe(401)
    expect(running.sessions.names).toEqual([])
    expect((await send(running.url, 'GET', '/v1/users', { session: 'member' })).status).toBe(200)
    expect(running.sessions.names).toEqual(['member'])
  })

  test('--state keeps the default session only: after a restart it is back, a named session is gone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'immigraflow-sessions-'))
    dirs.push(dir)
    const stateFile = join(dir, 'state.json')
    const first = await startMockServer({ port: 0, stateFile })
    await client(first.url).users.create({ email: 'kept@example.com', name: 'Kept' })
    await client(first.url, 'alice').users.create({ email: 'a@alice.example', name: 'A' })
    await first.close()
    const second = await start({ stateFile })
    expect(await emailsOf(second.url)).toEqual(['kept@example.com'])
    expect((await listOf(second.url)).map((item) => item.name)).toEqual(['default'])
    expect(await emailsOf(second.url, 'alice')).toEqual([])
  })
})

describe('immigraflow-mock --max-sessions', () => {
  test.each(['0', '-1', '2.5', 'many', ''])('refuses --max-sessions %j with a usage error', async (value) => {
    const cli = runCli(['--port', '0', `--max-sessions=${value}`])
    expect(await cli.exited).toBe(2)
    expect(cli.output().stderr).toContain(`--max-sessions must be a positive integer, got "${value}"`)
  })

  test('bounds the sessions it serves, and --help lists it', async () => {
    const cli = runCli(['--port', '0', '--max-sessions', '1'])
    const url = await cli.url
    expect((await send(url, 'GET', '/v1/users', { session: 'one' })).status).toBe(200)
    expect((await send(url, 'GET', '/v1/users', { session: 'two' })).status).toBe(429)
    const help = runCli(['--help'])
    expect(await help.exited).toBe(0)
    expect(help.output().stdout).toContain('--max-sessions N')
    expect(help.output().stdout).toContain('DELETE sessions/{name}')
  })

  test('--coverage-report counts what every session served, dropped ones included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'immigraflow-sessions-coverage-'))
    dirs.push(dir)
    const file = join(dir, 'coverage.json')
    const cli = runCli(['--port', '0', '--coverage-report', file])
    const url = await cli.url
    expect((await send(url, 'GET', '/v1/users')).status).toBe(200)
    expect((await send(url, 'GET', '/v1/users', { session: 'alice' })).status).toBe(200)
    expect((await send(url, 'GET', '/v1/users/1', { session: 'bob' })).status).toBe(404)
    expect((await send(url, 'DELETE', '/__mock/sessions/bob')).status).toBe(200)
    cli.child.kill('SIGTERM')
    expect(await cli.exited).toBe(0)
    const report = JSON.parse(readFileSync(file, 'utf8')) as MockCoverage
    const count = (operation: string, status: number) =>
      report.operations.find((row) => row.operation === operation && row.status === status)?.count
    expect(count('listUsers', 200)).toBe(2)
    expect(count('getUser', 404)).toBe(1)
    expect(report.covered).toBe(2)
  })
})

describe('the registry on other hosts', () => {
  test('handleControl with { sessions } serves each session and lists them, with no server', async () => {
    const defaultApi = createMockApi()
    const sessions = createMockSessions({ defaultApi, create: () => createMockApi(), maxSessions: 3 })
    await sessions.resolve('alice').clock.advance(60_000)
    const control = async (path: string, session?: string) => {
      const headers = session === undefined ? undefined : { 'X-Mock-Session': session }
      const response = await handleControl(
        defaultApi,
        new Request(`${defaultApi.baseUrl}/__mock/${path}`, { headers }),
        {
          sessions,
        },
      )
      return (await response?.json()) as Record<string, unknown>
    }
    expect((await control('health', 'alice')).now).toBe('2026-01-05T09:01:00.000Z')
    expect((await control('health')).now).toBe('2026-01-05T09:00:00.000Z')
    const listed = (await control('sessions')).data as SessionInfo[]
    expect(listed.map((item) => [item.name, item.default])).toEqual([
      ['default', true],
      ['alice', false],
    ])
  })

  /** A mock made with a key, a preload, latency and webhook chaos, for the hosts to make sessions like it. */
  const mockWithOptions = () =>
    createMockApi({
      apiKey: KEY,
      latencyMs: 1,
      webhookChaos: { duplicate: 0.25 },
      preload: { users: [{ email: 'seeded@example.com', name: 'Seeded' }] },
    })

  /** Session `alice` at `url` behaves as a mock made by `mockWithOptions` does. */
  async function expectSessionLikeItsMock(url: string) {
    // The mock's key, not any key: a wrong one is refused in a session as in the default one.
    const wrong = await send(url, 'GET', '/v1/users', { session: 'alice', headers: { Authorization: 'Bearer nope' } })
    expect(wrong.status).toBe(401)
    expect(await emailsOf(url, 'alice')).toEqual(['seeded@example.com'])
    const faults = await send(url, 'GET', '/__mock/faults', { session: 'alice' })
    expect(faults.body).toMatchObject({ latency_ms: 1, webhooks: { duplicate: 0.25 } })
  }

  test("createRequestListener makes each session from its mock's own options: key, preload, faults and chaos", async () => {
    await expectSessionLikeItsMock(await listenWith(mockWithOptions()))
  })

  test("startMockServer({ api }) makes each session from that mock's own options too", async () => {
    await expectSessionLikeItsMock((await start({ api: mockWithOptions() })).url)
  })

  test('createRequestListener serves named sessions as fresh mocks of its own origin', async () => {
    const api = createMockApi()
    const url = await listenWith(api)
    await client(url, 'alice').users.create({ email: 'a@alice.example', name: 'A' })
    expect(api.store.state.users.size).toBe(0)
    expect(await emailsOf(url, 'alice')).toEqual(['a@alice.example'])
  })
})
