import type { Middleware } from 'openapi-fetch'
import { describe, expect, it, vi } from 'vitest'
import { ImmigraFlow, ImmigraFlowError, type Logger } from '../../src'
import { apiError, json, stubFetch, USER } from '../helpers/stub-fetch'
import { inProcessMock, MOCK_KEY } from './in-process-mock'

const NEW_USER = { email: 'maria@example.com', name: 'María' }

/** A middleware that records what it sees, tagged with its name. */
function recorder(name: string, seen: string[]): Middleware {
  return {
    onRequest({ request }) {
      seen.push(`${name} request ${request.method} ${new URL(request.url).pathname}`)
    },
    onResponse({ response }) {
      seen.push(`${name} response ${response.status}`)
    },
    onError({ error }) {
      seen.push(`${name} error ${(error as Error).message}`)
    },
  }
}

describe('middleware', () => {
  it('runs for resource calls and client.http calls alike, with the SDK headers already set', async () => {
    const { client } = inProcessMock()
    const seen: Array<Record<string, string | null>> = []
    const sdk = client({
      middleware: [
        {
          onRequest({ request }) {
            seen.push({
              path: new URL(request.url).pathname,
              authorization: request.headers.get('authorization'),
              idempotencyKey: request.headers.get('idempotency-key'),
              client: request.headers.get('x-immigraflow-client'),
            })
          },
        },
      ],
    })
    const user = await sdk.users.create(NEW_USER)
    const { data } = await sdk.http.GET('/v1/users/{user_id}', { params: { path: { user_id: user.id } } })
    expect(data?.email).toBe(NEW_USER.email)
    expect(seen).toHaveLength(2)
    expect(seen[0]).toMatchObject({ path: '/v1/users', authorization: `Bearer ${MOCK_KEY}` })
    expect(seen[0]?.idempotencyKey).toMatch(/^ifw_/)
    expect(seen[0]?.client).toMatch(/^immigraflow-js\//)
    expect(seen[1]).toMatchObject({ path: `/v1/users/${user.id}`, authorization: `Bearer ${MOCK_KEY}` })
  })

  it('reaches resource calls when added with client.http.use() (bug: resources used a second openapi-fetch client)', async () => {
    const { client } = inProcessMock()
    const sdk = client()
    const seen: string[] = []
    const traced = recorder('traced', seen)
    sdk.http.use(traced)
    await sdk.users.create(NEW_USER)
    await sdk.users.list()
    expect(seen).toEqual([
      'traced request POST /v1/users',
      'traced response 201',
      'traced request GET /v1/users',
      'traced response 200',
    ])
    seen.length = 0
    sdk.http.eject(traced)
    await sdk.users.list()
    expect(seen).toEqual([])
  })

  it('runs once per attempt, so a retry is seen, with the same idempotency key', async () => {
    const { fetch } = stubFetch(apiError(503, 'service_unavailable', { 'Retry-After': '0' }), json(USER, 201))
    const keys: Array<string | null> = []
    const seen: string[] = []
    const sdk = new ImmigraFlow({
      apiKey: 'k',
      fetch,
      logLevel: 'off',
      middleware: [
        recorder('m', seen),
        { onRequest: ({ request }) => void keys.push(request.headers.get('idempotency-key')) },
      ],
    })
    expect(await sdk.users.create(NEW_USER)).toEqual(USER)
    expect(seen).toEqual(['m request POST /v1/users', 'm response 503', 'm request POST /v1/users', 'm response 201'])
    expect(keys).toHaveLength(2)
    expect(keys[0]).toBe(keys[1])
  })

  it('lets a token-refresh middleware replace the Authorization of each attempt', async () => {
    const { fetch, requests } = stubFetch(apiError(503, 'service_unavailable', { 'Retry-After': '0' }), json(USER))
    let token = 0
    const refresh: Middleware = {
      onRequest({ request }) {
        token += 1
        request.headers.set('Authorization', `Bearer short_lived_${token}`)
        return request
      },
    }
    const sdk = new ImmigraFlow({ apiKey: 'k', fetch, logLevel: 'off', middleware: [refresh] })
    await sdk.users.retrieve(7)
    expect(requests.map(({ request }) => request.headers.get('authorization'))).toEqual([
      'Bearer short_lived_1',
      'Bearer short_lived_2',
    ])
  })

  it('runs client middleware before per-request middleware on the way out, and after it on the way back', async () => {
    const { fetch } = stubFetch(json(USER), json(USER))
    const seen: string[] = []
    const sdk = new ImmigraFlow({ apiKey: 'k', fetch, logLevel: 'off', middleware: [recorder('client', seen)] })
    await sdk.users.retrieve(7, { middleware: [recorder('call', seen)] })
    expect(seen).toEqual([
      'client request GET /v1/users/7',
      'call request GET /v1/users/7',
      'call response 200',
      'client response 200',
    ])
    seen.length = 0
    await sdk.users.retrieve(7)
    expect(seen).toEqual(['client request GET /v1/users/7', 'client response 200'])
  })

  it('sees connection errors in onError, once per attempt', async () => {
    const { fetch } = stubFetch(new TypeError('fetch failed'), json(USER))
    const seen: string[] = []
    const sdk = new ImmigraFlow({ apiKey: 'k', fetch, logLevel: 'off', middleware: [recorder('m', seen)] })
    vi.spyOn(Math, 'random').mockReturnValue(1)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const call = sdk.users.retrieve(7)
      await vi.runAllTimersAsync()
      expect(await call).toEqual(USER)
    } finally {
      vi.useRealTimers()
      vi.restoreAllMocks()
    }
    expect(seen).toEqual([
      'm request GET /v1/users/7',
      'm error fetch failed',
      'm request GET /v1/users/7',
      'm response 200',
    ])
  })

  it('turns a middleware that throws before sending into an ImmigraFlowError, sending nothing and not retrying', async () => {
    const { fetch, requests } = stubFetch(json(USER))
    const failing: Middleware = {
      onRequest() {
        throw new Error('tracer not configured')
      },
    }
    const sdk = new ImmigraFlow({ apiKey: 'k', fetch, logLevel: 'off', middleware: [failing] })
    const error = await sdk.users.retrieve(7).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ImmigraFlowError)
    expect((error as Error).message).toBe('A middleware failed before sending: tracer not configured')
    expect(requests).toHaveLength(0)
  })

  it('never lets the API key reach the logs, whatever middleware adds', async () => {
    const apiKey = 'sk_live_middleware_secret_42'
    const lines: string[] = []
    const record = (...parts: unknown[]) => void lines.push(parts.map(String).join(' '))
    const logger: Logger = { error: record, warn: record, info: record, debug: record }
    const { fetch } = stubFetch(apiError(503, 'service_unavailable', { 'Retry-After': '0' }), json(USER))
    const echo: Middleware = {
      onRequest({ request }) {
        lines.push('middleware saw a request')
        return new Request(`${request.url}?key=${apiKey}`, request)
      },
    }
    const sdk = new ImmigraFlow({ apiKey, fetch, logger, logLevel: 'debug', middleware: [echo] })
    await sdk.users.retrieve(7)
    expect(lines.some((line) => line.includes('Retrying GET /v1/users/7'))).toBe(true)
    expect(lines.join('\n')).not.toContain(apiKey)
  })
})
