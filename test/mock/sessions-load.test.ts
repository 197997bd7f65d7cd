/**
 * Sessions under load: 500 concurrent mixed requests (users and cases created, lists, checks,
 * updates, control reads, clock advances) spread over 10 sessions of one standalone mock. Every
 * record carries its session's name, so afterwards a record in the wrong session is caught, and
 * each session must hold exactly what was sent to it. The first test chains requests (a user,
 * then its case, then three at once); the second sends all 500 in one burst.
 */
import { afterEach, expect, test } from 'vitest'
import type { MockStateView } from '../../mocks/control'
import { type RunningMockServer, startMockServer } from '../../mocks/server'
import type { SessionInfo } from '../../mocks/sessions'
import type { OutboxMessage, RequestLogEntry } from '../../mocks/store'

const KEY = 'sk_test_load'
const SESSIONS = Array.from({ length: 10 }, (_, index) => `worker-${index}`)
/** Chains per session; each chain sends `STEPS` requests: a user, then its case, then three at once. */
const CHAINS = 10
const STEPS = 5
const HOUR = 3_600_000

let running: RunningMockServer | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

type Sent = { status: number; body: Record<string, unknown> }

/** A receipt whose digits name the session and the chain (never ending in 9: USCIS knows it). */
const receiptOf = (session: number, chain: number) => `IOE${session}${String(chain).padStart(2, '0')}0000001`

test('500 concurrent mixed requests over 10 sessions: each session holds exactly its own records, and no other', async () => {
  running = await startMockServer({ port: 0 })
  const url = running.url
  const send = async (
    session: string,
    method: string,
    path: string,
    body?: unknown,
    requestId?: string,
  ): Promise<Sent> => {
    const headers: Record<string, string> = { Authorization: `Bearer ${KEY}`, 'X-Mock-Session': session }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    if (requestId !== undefined) headers['X-Request-Id'] = requestId
    const response = await fetch(`${url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }
  }

  // What each session was sent: the API request ids (its request log), and the clock advances.
  const apiRequestIds = new Map<string, Set<string>>(SESSIONS.map((name) => [name, new Set()]))
  const advances = new Map<string, number>(SESSIONS.map((name) => [name, 0]))
  let sent = 0
  const failures: string[] = []
  const expectStatus = (what: string, reply: Sent, status: number) => {
    if (reply.status !== status) failures.push(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`)
  }

  const chain = async (sessionIndex: number, chainIndex: number) => {
    const session = SESSIONS[sessionIndex] as string
    const ids = apiRequestIds.get(session) as Set<string>
    const api = async (method: string, path: string, body: unknown, step: number, status: number) => {
      const requestId = `${session}.c${chainIndex}.s${step}`
      ids.add(requestId)
      sent += 1
      const reply = await send(session, method, path, body, requestId)
      expectStatus(requestId, reply, status)
      return reply
    }
    const control = async (method: string, path: string, body?: unknown) => {
      sent += 1
      const reply = await send(session, method, path, body)
      expectStatus(`${session} ${method} ${path}`, reply, 200)
      return reply
    }
    const email = `c${chainIndex}.${session}@example.com`
    const user = await api(
      'POST',
      '/v1/users',
      { email, name: `Chain ${chainIndex} of ${session}`, metadata: { session } },
      1,
      201,
    )
    const userId = user.body.id as number
    const receipt = receiptOf(sessionIndex, chainIndex)
    const created = await api(
      'POST',
      `/v1/users/${userId}/cases`,
      { receipt_number: receipt, description: `Case of ${session}`, metadata: { session } },
      2,
      201,
    )
    const caseId = (created.body.case as { id: number }).id
    // Steps 3 to 5 go at once, mixing reads, writes, checks, control reads and clock advances by chain.
    const kind = chainIndex % 5
    const third = () => {
      if (kind === 0) return api('POST', '/v1/check', { receipt_number: receipt }, 3, 200)
      if (kind === 1) return api('PUT', `/v1/cases/${caseId}`, { user_case_id: `${session}-${chainIndex}` }, 3, 200)
      if (kind === 2) return api('PUT', `/v1/users/${userId}`, { name: `Chain ${chainIndex} of ${session}!` }, 3, 200)
      if (kind === 3) return api('GET', '/v1/users?limit=100', undefined, 3, 200)
      return control('GET', '/__mock/state')
    }
    const fourth = () => {
      if (kind % 2 === 1) return api('GET', `/v1/users/${userId}/cases`, undefined, 4, 200)
      advances.set(session, (advances.get(session) as number) + 1)
      return control('POST', '/__mock/clock', { advance_ms: HOUR })
    }
    const fifth = () => {
      if (kind < 2) return control('GET', '/__mock/outbox')
      if (kind < 4) return api('POST', '/v1/check', { receipt_number: receipt }, 5, 200)
      return api('GET', `/v1/cases/${caseId}`, undefined, 5, 200)
    }
    await Promise.all([third(), fourth(), fifth()])
  }

  await Promise.all(SESSIONS.flatMap((_, s) => Array.from({ length: CHAINS }, (_, c) => chain(s, c))))
  expect(failures).toEqual([])
  expect(sent).toBe(SESSIONS.length * CHAINS * STEPS)

  for (const [sessionIndex, session] of SESSIONS.entries()) {
    const state = (await send(session, 'GET', '/__mock/state')).body.data as MockStateView
    const expectedEmails = Array.from({ length: CHAINS }, (_, c) => `c${c}.${session}@example.com`).sort()
    expect(state.users.map((user) => user.email).sort()).toEqual(expectedEmails)
    for (const user of state.users) {
      expect(user.metadata).toEqual({ session })
      expect(user.name).toContain(`of ${session}`)
      expect(user.cases).toHaveLength(1)
      expect(user.cases[0]?.metadata).toEqual({ session })
      expect(user.cases[0]?.description).toBe(`Case of ${session}`)
    }
    const receipts = state.users.flatMap((user) => user.cases.map((item) => item.receipt_number)).sort()
    expect(receipts).toEqual(Array.from({ length: CHAINS }, (_, c) => receiptOf(sessionIndex, c)).sort())
    // The session's clock moved by its own advances only.
    expect(Date.parse(state.now) - Date.parse('2026-01-05T09:00:00.000Z')).toBe(
      (advances.get(session) as number) * HOUR,
    )

    const log = (await send(session, 'GET', '/__mock/requests')).body.data as RequestLogEntry[]
    expect(log.map((entry) => entry.request_id).sort()).toEqual([...(apiRequestIds.get(session) as Set<string>)].sort())

    const outbox = (await send(session, 'GET', '/__mock/outbox')).body.data as OutboxMessage[]
    expect(
      outbox
        .filter((message) => message.kind === 'verification')
        .map((message) => message.to)
        .sort(),
    ).toEqual(expectedEmails)
    for (const message of outbox) expect(message.to.endsWith(`.${session}@example.com`)).toBe(true)
  }

  // Nothing reached the default session, and the list shows each session's own counts.
  expect(running.api.store.state.users.size).toBe(0)
  expect(running.api.requests).toEqual([])
  const listed = (await send('default', 'GET', '/__mock/sessions')).body.data as SessionInfo[]
  expect(listed.map((item) => [item.name, item.users])).toEqual([
    ['default', 0],
    ...SESSIONS.map((name) => [name, CHAINS]),
  ])
  expect(listed.slice(1).map((item) => item.requests)).toEqual(
    SESSIONS.map((name) => (apiRequestIds.get(name) as Set<string>).size),
  )
})

test('500 requests sent at once over 10 sessions of a preloaded mock: each session holds the preload and exactly its own records', async () => {
  running = await startMockServer({
    port: 0,
    preload: {
      users: [{ email: 'shared@example.com', name: 'Preloaded', cases: [{ receipt_number: 'EAC2190012345' }] }],
    },
  })
  const url = running.url
  const PER_SESSION = 50
  // Every request is built first, then all 500 go out together: none waits for another.
  const requests = SESSIONS.flatMap((session, s) =>
    Array.from({ length: PER_SESSION }, (_, i) => {
      const kind = i % 5
      const headers: Record<string, string> = {
        Authorization: `Bearer ${KEY}`,
        'X-Mock-Session': session,
        'Content-Type': 'application/json',
      }
      if (kind === 0 || kind === 1)
        return {
          session,
          kind: 'user',
          path: '/v1/users',
          method: 'POST',
          headers,
          body: { email: `u${i}.${session}@example.com`, name: `User ${i} of ${session}` },
        }
      if (kind === 2)
        return {
          session,
          kind: 'case',
          path: '/v1/users/1/cases',
          method: 'POST',
          headers,
          body: { receipt_number: `IOE${s}${String(i).padStart(2, '0')}0000001`, description: `Case of ${session}` },
        }
      if (kind === 3) return { session, kind: 'list', path: '/v1/users?limit=100', method: 'GET', headers }
      return { session, kind: 'state', path: '/__mock/state', method: 'GET', headers }
    }),
  )
  expect(requests).toHaveLength(500)
  const replies = await Promise.all(
    requests.map(async (request) => {
      const response = await fetch(`${url}${request.path}`, {
        method: request.method,
        headers: request.headers,
        body: 'body' in request ? JSON.stringify(request.body) : undefined,
      })
      return { request, status: response.status, body: (await response.json()) as Record<string, unknown> }
    }),
  )
  const expected = { user: 201, case: 201, list: 200, state: 200 } as const
  expect(replies.filter((reply) => reply.status !== expected[reply.request.kind as keyof typeof expected])).toEqual([])
  // A list answered mid-burst shows the preload and this session's users only, never another's.
  for (const reply of replies.filter((item) => item.request.kind === 'list')) {
    for (const user of reply.body.data as Array<{ email: string }>)
      expect(user.email === 'shared@example.com' || user.email.endsWith(`.${reply.request.session}@example.com`)).toBe(
        true,
      )
  }

  for (const [s, session] of SESSIONS.entries()) {
    const state = (
      (await (await fetch(`${url}/__mock/state`, { headers: { 'X-Mock-Session': session } })).json()) as {
        data: MockStateView
      }
    ).data
    const own = Array.from({ length: PER_SESSION }, (_, i) => i).filter((i) => i % 5 < 2)
    expect(state.users.map((user) => user.email).sort()).toEqual(
      ['shared@example.com', ...own.map((i) => `u${i}.${session}@example.com`)].sort(),
    )
    const receipts = (state.users[0]?.cases ?? []).map((item) => item.receipt_number).sort()
    const ownReceipts = Array.from({ length: PER_SESSION }, (_, i) => i)
      .filter((i) => i % 5 === 2)
      .map((i) => `IOE${s}${String(i).padStart(2, '0')}0000001`)
    expect(receipts).toEqual(['EAC2190012345', ...ownReceipts].sort())
  }
  // The default session got none of it.
  expect(running.api.store.state.users.size).toBe(1)
  expect(running.api.requests).toEqual([])
})
