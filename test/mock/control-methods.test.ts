/**
 * The control routes' methods: a known path asked with a method it does not take is a 405
 * `method_not_allowed` with `Allow`, on every host that serves the control routes; an unknown path
 * is a 404; neither creates a session or changes anything. The routes are one table
 * (`CONTROL_ROUTES`): the dispatch, the session gate and `Allow` all read it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createMockApi } from '../../mocks/api'
import { CONTROL_ROUTES, handleControl } from '../../mocks/control'
import { setupMockServer } from '../../mocks/node'
import { type RunningMockServer, startMockServer } from '../../mocks/server'
import { call } from '../helpers/mock'

type Envelope = { error?: { code: string; message: string; request_id: string } }

let server: RunningMockServer

beforeAll(async () => {
  server = await startMockServer({ port: 0 })
  // Something to lose: a user, and faults that a DELETE would clear.
  await call({ url: server.url }, 'createUser', { body: { email: 'a@example.com', name: 'A' } })
  server.api.faults.set({ latencyMs: 5 })
})

afterAll(async () => {
  await server.close()
})

/** One control request to the standalone server, as `X-Mock-Session: someone` unless told otherwise. */
async function ask(method: string, path: string, options: { body?: string; session?: string | null } = {}) {
  const headers: Record<string, string> = {}
  const session = options.session === undefined ? 'someone' : options.session
  if (session !== null) headers['X-Mock-Session'] = session
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  const response = await fetch(`${server.url}/__mock/${path}`, { method, headers, body: options.body })
  const type = response.headers.get('content-type') ?? ''
  const body = (type.startsWith('application/json') ? await response.json() : {}) as Envelope
  if (!type.startsWith('application/json')) await response.body?.cancel()
  return { status: response.status, headers: response.headers, body }
}

/** The session names `GET /__mock/sessions` lists. */
async function listedSessions(): Promise<string[]> {
  const reply = await fetch(`${server.url}/__mock/sessions`)
  return ((await reply.json()) as { data: Array<{ name: string }> }).data.map((session) => session.name)
}

const WRONG_METHODS: Array<[method: string, path: string, allow: string]> = [
  ['DELETE', 'state', 'GET'],
  ['GET', 'reset', 'POST'],
  ['PUT', 'faults', 'GET, POST, DELETE'],
  ['PATCH', 'faults', 'GET, POST, DELETE'],
  ['GET', 'clock', 'POST'],
  ['DELETE', 'uscis', 'POST'],
  ['GET', 'uscis/EAC2190012340', 'POST'],
  ['GET', 'events/evt_1/redeliver', 'POST'],
  ['POST', 'stream', 'GET'],
  ['PUT', 'restore', 'POST'],
  ['POST', 'sessions', 'GET'],
  ['GET', 'sessions/someone', 'DELETE'],
  ['POST', 'console', 'GET'],
  ['DELETE', '', 'GET'],
]

describe('a known control path asked with a method it does not take', () => {
  test.each(WRONG_METHODS)(
    '%s /__mock/%s is a 405 with Allow: %s, creates no session and changes nothing',
    async (method, path, allow) => {
      const before = await ask('GET', 'state', { session: null })
      const reply = await ask(method, path, { body: method === 'GET' ? undefined : '{}' })
      expect(reply.status).toBe(405)
      expect(reply.headers.get('allow')).toBe(allow)
      expect(reply.headers.get('content-type')).toBe('application/json')
      expect(reply.body).toEqual({
        error: {
          code: 'method_not_allowed',
          message: `/__mock/${path} does not take ${method}: it takes ${allow}.`,
          request_id: reply.headers.get('x-request-id'),
        },
      })
      expect(await listedSessions()).toEqual(['default'])
      expect(server.sessions.names).toEqual([])
      const after = await ask('GET', 'state', { session: null })
      expect(after.body).toEqual(before.body)
      expect((after.body as { data: { users: unknown[] } }).data.users).toHaveLength(1)
    },
  )

  test('with --api-key the key is checked first: 401 without it, 405 with it', async () => {
    const keyed = await startMockServer({ port: 0, apiKey: 'sk_live' })
    try {
      const put = (headers: Record<string, string>) =>
        fetch(`${keyed.url}/__mock/faults`, { method: 'PUT', headers: { 'X-Mock-Session': 'someone', ...headers } })
      expect((await put({})).status).toBe(401)
      const refused = await put({ authorization: 'Bearer sk_live' })
      expect(refused.status).toBe(405)
      expect(refused.headers.get('allow')).toBe('GET, POST, DELETE')
      expect(keyed.sessions.names).toEqual([])
    } finally {
      await keyed.close()
    }
  })

  test('on the standalone server OPTIONS stays the CORS preflight; a method the path does not take is a 405', async () => {
    const preflight = await fetch(`${server.url}/__mock/state`, { method: 'OPTIONS' })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, DELETE, OPTIONS')
    expect(preflight.headers.get('allow')).toBeNull()
    const put = await fetch(`${server.url}/__mock/state`, { method: 'PUT' })
    expect(put.status).toBe(405)
    expect(put.headers.get('allow')).toBe('GET')
    expect(put.headers.get('access-control-allow-origin')).toBe('*')
    await put.body?.cancel()
  })

  test('handleControl and MSW with controls: true answer the same 405 (sessions are the standalone server’s own: 404 there)', async () => {
    const api = createMockApi()
    const direct = await handleControl(api, new Request(`${api.baseUrl}/__mock/faults`, { method: 'PUT', body: '{' }))
    expect(direct?.status).toBe(405)
    expect(direct?.headers.get('allow')).toBe('GET, POST, DELETE')
    expect(await direct?.json()).toMatchObject({
      error: { code: 'method_not_allowed', message: '/__mock/faults does not take PUT: it takes GET, POST, DELETE.' },
    })
    const sessions = await handleControl(api, new Request(`${api.baseUrl}/__mock/sessions`, { method: 'POST' }))
    expect(sessions?.status).toBe(404)

    const msw = setupMockServer({ baseUrl: 'https://controls.example.test', controls: true })
    msw.listen({ onUnhandledRequest: 'error' })
    try {
      const reset = await fetch('https://controls.example.test/__mock/reset')
      expect(reset.status).toBe(405)
      expect(reset.headers.get('allow')).toBe('POST')
      expect(await reset.json()).toMatchObject({
        error: { code: 'method_not_allowed', message: '/__mock/reset does not take GET: it takes POST.' },
      })
    } finally {
      msw.close()
    }
  })
})

describe('an unknown control path', () => {
  // POSTs with a body that is not JSON: the path is looked up before the body is read.
  test.each(['stat', 'clok', 'faults/x', 'uscis/', 'events/evt_1', 'consoles', 'reset/now'])(
    'POST /__mock/%s is a 404 naming it, whatever its body, on every host, and creates no session',
    async (path) => {
      const message = `No control route POST /__mock/${path}.`
      const reply = await ask('POST', path, { body: '{' })
      expect(reply.status).toBe(404)
      expect(reply.headers.get('allow')).toBeNull()
      expect(reply.body.error).toMatchObject({ code: 'not_found', message })
      expect(server.sessions.names).toEqual([])
      // A host without sessions (handleControl, MSW).
      const api = createMockApi()
      const direct = await handleControl(
        api,
        new Request(`${api.baseUrl}/__mock/${path}`, { method: 'POST', body: '{' }),
      )
      expect(direct?.status).toBe(404)
      expect(await direct?.json()).toMatchObject({ error: { code: 'not_found', message } })
    },
  )
})

/** A path each pattern route answers, for the table-wide checks below. */
const SAMPLE_PATHS: Record<string, string> = {
  [String(/^(?:console\/?)?$/)]: 'console',
  [String(/^uscis\/([^/]+)$/)]: 'uscis/EAC2190012340',
  [String(/^events\/([^/]+)\/redeliver$/)]: 'events/evt_1/redeliver',
  [String(/^sessions\/([^/]*)$/)]: 'sessions/nobody',
}

describe('the route table is the dispatch', () => {
  const paths = [...new Set(CONTROL_ROUTES.map((route) => route.path))]

  test.each(CONTROL_ROUTES.map((route, index) => [route.method, String(route.path), route, index] as const))(
    '%s %s is answered by its route, through the session gate',
    async (method, _, route, index) => {
      const path = typeof route.path === 'string' ? route.path : SAMPLE_PATHS[String(route.path)]
      expect(path, `a sample path for ${String(route.path)}`).toBeDefined()
      const session = `probe-${index}`
      const reply = await ask(method, path as string, { session })
      expect(reply.status).not.toBe(405)
      expect(reply.body.error?.message ?? '').not.toMatch(/^No control route/)
      // Routes of one session's mock create the session they name; the console and the session
      // routes name none.
      expect(server.sessions.names.includes(session)).toBe(route.needs === undefined)
      if (server.sessions.names.includes(session)) await server.sessions.drop(session)
    },
  )

  test.each(paths.map((path) => [String(path), path] as const))(
    '%s answers every method it does not take with 405 and the methods the table has for it',
    async (_, pattern) => {
      const path = typeof pattern === 'string' ? pattern : (SAMPLE_PATHS[String(pattern)] as string)
      const allow: string[] = CONTROL_ROUTES.filter((route) => route.path === pattern).map((route) => route.method)
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((name) => !allow.includes(name))) {
        const reply = await ask(method, path)
        expect(reply.status, `${method} /__mock/${path}`).toBe(405)
        expect(reply.headers.get('allow')).toBe(allow.join(', '))
      }
      expect(server.sessions.names).toEqual([])
    },
  )
})

describe('HEAD', () => {
  test.each(['health', 'state', 'faults', 'sessions', 'stream'])(
    'HEAD /__mock/%s answers as GET does, headers only (a readiness check can use it)',
    async (path) => {
      const head = await fetch(`${server.url}/__mock/${path}`, { method: 'HEAD' })
      const get = await fetch(`${server.url}/__mock/${path}`)
      expect(head.status).toBe(200)
      expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'))
      expect(await head.text()).toBe('')
      await get.body?.cancel()
    },
  )

  test('HEAD on a path that takes no GET is a 405 naming its methods', async () => {
    const reply = await fetch(`${server.url}/__mock/reset`, { method: 'HEAD' })
    expect(reply.status).toBe(405)
    expect(reply.headers.get('allow')).toBe('POST')
  })
})
