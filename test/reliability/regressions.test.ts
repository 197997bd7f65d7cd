/**
 * Bugs the reliability work found, each pinned by a test named after it, and one decision.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMockApi } from '../../mocks/api'
import { type RunningMockServer, startMockServer } from '../../mocks/server'
import { ImmigraFlow, ImmigraFlowError, ValidationError } from '../../src'
import { ErrorEnvelopeSchema } from '../../src/generated/zod'
import { API_KEY, call } from '../helpers/mock'

let mock: RunningMockServer

beforeAll(async () => {
  mock = await startMockServer({ port: 0, apiKey: API_KEY })
  await call({ url: mock.url }, 'createUser', { body: { email: 'maria@example.com', name: 'María' } })
})
afterAll(async () => {
  await mock?.close()
})

/** Fetches from the standalone mock with the API key; returns status, X-Request-Id and body. */
async function get(path: string) {
  const response = await fetch(`${mock.url}${path}`, {
    headers: { authorization: `Bearer ${API_KEY}` },
    signal: AbortSignal.timeout(5_000),
  })
  return { status: response.status, requestId: response.headers.get('x-request-id'), text: await response.text() }
}

/** An answer is well-formed: not a 5xx, an ErrorEnvelope whose request_id is the X-Request-Id. */
function expectEnvelope(answer: { status: number; requestId: string | null; text: string }, where: string) {
  expect(answer.status, where).toBeLessThan(500)
  const envelope = ErrorEnvelopeSchema.parse(JSON.parse(answer.text))
  expect(answer.requestId, where).toBeTruthy()
  expect(envelope.error.request_id, where).toBe(answer.requestId)
}

describe('regressions', () => {
  // Path parameters are URI-decoded while routing: by directDispatch on the standalone server
  // (mocks/handlers/route.ts, `decodeURIComponent(match[…])`) and by msw's matchRequestUrl
  // (`decode: decodeURIComponent`) behind api.handle(). A malformed escape throws a URIError
  // outside the pipeline; the server's catch-all in createRequestListener (mocks/server.ts)
  // answers 500 with request_id "mock", no X-Request-Id and no request-log entry, and
  // in-process api.handle() rejects.
  it('a malformed percent-escape in a path gets a 4xx envelope (bug: 500 without X-Request-Id, URIError from path matching)', async () => {
    for (const path of [
      '/v1/users/%E0%A4%A',
      '/v1/users/%ZZ',
      '/v1/webhooks/1%',
      '/v1/cases/%C3%28',
      '/v1/users/1/cases%',
    ]) {
      expectEnvelope(await get(path), path)
    }
  })

  it('api.handle() answers a malformed percent-escape in a path (bug: it rejected with a URIError)', async () => {
    const api = createMockApi({ apiKey: API_KEY })
    const request = new Request(`${api.baseUrl}/v1/users/%E0%A4%A`, { headers: { authorization: `Bearer ${API_KEY}` } })
    const response = await api.handle(request)
    expect(response?.status).toBeLessThan(500)
    expect(response?.headers.get('x-request-id')).toBeTruthy()
  })

  // mocks/server.ts sendNoRoute(): when no route matches (anything outside /v1/*), the server answers
  // 404 through sendJson with request_id `req.headers['x-request-id'] ?? 'req_none'` and sets no
  // X-Request-Id header, though every response is to carry one (DESIGN §1 Conventions).
  it('a request outside /v1/* gets a 404 envelope with X-Request-Id (bug: no header, request_id "req_none")', async () => {
    for (const path of ['/', '/v1', '/v2/users', '/users/1']) expectEnvelope(await get(path), path)
  })

  // src/resources/cases.ts create() and src/resources/check.ts status() read
  // `params.receipt_number` while building the call, before any input checking, so a JavaScript
  // caller passing null or undefined gets a TypeError thrown synchronously, where every other
  // method (users.create(null), webhooks.create(null), …) rejects with a ValidationError.
  it('cases.create(id, null) and check.status(undefined) reject with a ValidationError (bug: a synchronous TypeError)', async () => {
    const client = new ImmigraFlow({ apiKey: API_KEY, baseUrl: mock.url, logLevel: 'off', maxRetries: 0 })
    const calls = [
      () => client.cases.create(1, null as unknown as { receipt_number: string }),
      () => client.check.status(undefined as unknown as { receipt_number: string }),
    ]
    for (const start of calls) {
      let outcome: unknown
      try {
        outcome = await start().then(
          () => 'resolved',
          (error: unknown) => error,
        )
      } catch (error) {
        outcome = `threw synchronously: ${String(error)}`
      }
      expect(outcome).toBeInstanceOf(ValidationError)
      expect(ImmigraFlowError.isImmigraFlowError(outcome)).toBe(true)
    }
  })

  // Booleans in a query were read with z.stringbool(), which also takes 1/0, yes/no, on/off;
  // the spec's boolean means the words true and false, and Prism answers 422 to the others.
  it('a query boolean is only true or false (bug: active=yes and active=1 were accepted)', async () => {
    for (const value of ['yes', '1', 'on', 'TRUE']) {
      const answer = await get(`/v1/users/1/cases?active=${value}`)
      expect(answer.status, value).toBe(422)
      expectEnvelope(answer, value)
    }
    expect((await get('/v1/users/1/cases?active=false')).status).toBe(200)
  })

  // A decision, not a bug: MSW matches paths case-insensitively, and the standalone server does
  // the same so that every host behaves alike. The SDK always sends the spec's spelling.
  it('matches paths case-insensitively on every host, as MSW does', async () => {
    expect((await get('/V1/USERS')).status).toBe(200)
    const api = createMockApi({ apiKey: API_KEY })
    const request = new Request(`${api.baseUrl}/V1/USERS`, { headers: { authorization: `Bearer ${API_KEY}` } })
    expect((await api.handle(request))?.status).toBe(200)
  })
})
