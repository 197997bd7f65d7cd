import { afterEach, describe, expect, it, vi } from 'vitest'
import { startMockServer } from '../../mocks/server'
import { ConflictError, ImmigraFlow, InternalServerError, ValidationError } from '../../src'
import { apiError, json, stubFetch, USER } from '../helpers/stub-fetch'
import { inProcessMock } from './in-process-mock'

afterEach(() => {
  vi.restoreAllMocks()
})

const client = (fetch: (request: Request) => Promise<Response>) =>
  new ImmigraFlow({ apiKey: 'k', fetch, logLevel: 'off', maxRetries: 2 })

describe('the x-should-retry hint', () => {
  it('x-should-retry: false stops the retries of a status that is normally retried', async () => {
    const { fetch, requests } = stubFetch(apiError(500, 'internal_error', { 'x-should-retry': 'false' }), json(USER))
    await expect(client(fetch).users.retrieve(7)).rejects.toBeInstanceOf(InternalServerError)
    expect(requests).toHaveLength(1)
  })

  it('x-should-retry: true retries a status that is normally final', async () => {
    const { fetch, requests } = stubFetch(
      apiError(409, 'conflict', { 'x-should-retry': 'true', 'Retry-After': '0' }),
      json(USER, 201),
    )
    expect(await client(fetch).users.create({ email: 'a@example.com', name: 'A' })).toEqual(USER)
    expect(requests).toHaveLength(2)
    // The retry is the same call: same idempotency key.
    const keys = requests.map(({ request }) => request.headers.get('idempotency-key'))
    expect(keys[0]).toBe(keys[1])
  })

  it('still stops after maxRetries when the server keeps asking for a retry', async () => {
    const conflict = () => apiError(409, 'conflict', { 'x-should-retry': 'true', 'Retry-After': '0' })
    const { fetch, requests } = stubFetch(conflict(), conflict(), conflict())
    await expect(client(fetch).users.retrieve(7)).rejects.toBeInstanceOf(ConflictError)
    expect(requests).toHaveLength(3)
  })

  it('falls back to the status for any other value', async () => {
    const { fetch, requests } = stubFetch(
      apiError(503, 'service_unavailable', { 'x-should-retry': 'maybe', 'Retry-After': '0' }),
      json(USER),
    )
    expect(await client(fetch).users.retrieve(7)).toEqual(USER)
    expect(requests).toHaveLength(2)
  })

  it('applies to client.http calls too', async () => {
    const { fetch, requests } = stubFetch(apiError(503, 'service_unavailable', { 'x-should-retry': 'false' }))
    const { response } = await client(fetch).http.GET('/v1/users/{user_id}', { params: { path: { user_id: 7 } } })
    expect(response.status).toBe(503)
    expect(requests).toHaveLength(1)
  })
})

describe('the mock sending the hint (Prefer: should-retry=…)', () => {
  it('should-retry=false on an injected 503 stops the SDK from retrying', async () => {
    const { api, client } = inProcessMock()
    const error = await client({ maxRetries: 2 })
      .users.list({}, { headers: { Prefer: 'code=503, retry-after=0, should-retry=false' } })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InternalServerError)
    expect((error as InternalServerError).headers.get('x-should-retry')).toBe('false')
    expect(api.requests).toHaveLength(1)
  })

  it('should-retry=true on an injected 409 makes the SDK retry it, and the retry succeeds', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1)
    const { api, client } = inProcessMock()
    const user = await client({ maxRetries: 1 }).users.create(
      { email: 'maria@example.com', name: 'María' },
      { headers: { Prefer: 'fail-times=1, code=409, should-retry=true' } },
    )
    expect(user.email).toBe('maria@example.com')
    expect(api.requests.map((entry) => entry.status)).toEqual([409, 201])
  })

  it('refuses a should-retry value other than true or false', async () => {
    const { client } = inProcessMock()
    const error = await client()
      .users.list({}, { headers: { Prefer: 'code=503, should-retry=maybe' } })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).details).toEqual([
      { field: 'Prefer', message: 'should-retry=maybe must be true or false' },
    ])
  })

  it('lets browsers send X-ImmigraFlow-Client and read x-should-retry (CORS of the standalone mock)', async () => {
    const mock = await startMockServer()
    try {
      const preflight = await fetch(`${mock.url}/v1/users`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'http://localhost:5173',
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization, x-immigraflow-client',
        },
      })
      const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/,\s*/)
      expect(allowed).toContain('x-immigraflow-client')
      const fault = await fetch(`${mock.url}/v1/users`, {
        headers: { Authorization: 'Bearer k', Prefer: 'code=503, retry-after=0, should-retry=false' },
      })
      expect(fault.headers.get('x-should-retry')).toBe('false')
      const exposed = (fault.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(/,\s*/)
      expect(exposed).toContain('x-should-retry')
      await fault.body?.cancel()
    } finally {
      await mock.close()
    }
  })
})
