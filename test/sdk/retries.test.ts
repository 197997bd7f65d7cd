import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  BadRequestError,
  ImmigraFlow,
  InternalServerError,
  RateLimitError,
} from '../../src'
import { apiError, json, stubFetch, USER } from '../helpers/stub-fetch'

const clientWith = (fetch: (request: Request) => Promise<Response>, options = {}) =>
  new ImmigraFlow({
    apiKey: 'sk_test_retries',
    baseUrl: 'https://api.immigraflow.test',
    fetch,
    logLevel: 'off',
    ...options,
  })

/** Settles a promise-like into a value or a rejection reason, so a test can advance timers meanwhile. */
function settle<T>(promise: PromiseLike<T>) {
  const state: { value?: T; error?: unknown; done: boolean } = { done: false }
  Promise.resolve(promise).then(
    (value) => Object.assign(state, { value, done: true }),
    (error: unknown) => Object.assign(state, { error, done: true }),
  )
  return state
}

beforeAll(async () => {
  // Input checking loads the zod schemas lazily; load them before the clock is faked.
  await import('../../src/generated/sdk-operations')
})
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('retries', () => {
  it('succeeds on the third attempt after two 503s', async () => {
    const { fetch, requests } = stubFetch(
      apiError(503, 'service_unavailable'),
      apiError(503, 'service_unavailable'),
      json(USER),
    )
    const call = settle(clientWith(fetch).users.retrieve(7))
    await vi.runAllTimersAsync()
    expect(call.value).toEqual(USER)
    expect(requests).toHaveLength(3)
  })

  it('waits as long as Retry-After says (2 s) before retrying', async () => {
    const { fetch, requests } = stubFetch(apiError(429, 'rate_limited', { 'Retry-After': '2' }), json(USER))
    const call = settle(clientWith(fetch).users.retrieve(7))
    await vi.advanceTimersByTimeAsync(1_999)
    expect(requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(requests).toHaveLength(2)
    await vi.runAllTimersAsync()
    expect(call.value).toEqual(USER)
  })

  it('honours retry-after-ms over Retry-After', async () => {
    const { fetch, requests } = stubFetch(
      apiError(503, 'service_unavailable', { 'retry-after-ms': '150', 'Retry-After': '30' }),
      json(USER),
    )
    settle(clientWith(fetch).users.retrieve(7))
    await vi.advanceTimersByTimeAsync(149)
    expect(requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(requests).toHaveLength(2)
  })

  it('honours a Retry-After given as an HTTP date', async () => {
    vi.setSystemTime(new Date('2026-03-01T12:00:00.000Z'))
    const inThreeSeconds = new Date(Date.now() + 3_000).toUTCString()
    const { fetch, requests } = stubFetch(
      apiError(503, 'service_unavailable', { 'Retry-After': inThreeSeconds }),
      json(USER),
    )
    settle(clientWith(fetch).users.retrieve(7))
    await vi.advanceTimersByTimeAsync(2_990)
    expect(requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(10)
    expect(requests).toHaveLength(2)
  })

  it('does not retry when Retry-After asks for more than 60 s, hands the error back with it, and warns', async () => {
    const { fetch, requests } = stubFetch(apiError(429, 'rate_limited', { 'Retry-After': '3600' }), json(USER))
    const warnings: string[] = []
    const logger = { error() {}, warn: (line: string) => warnings.push(line), info() {}, debug() {} }
    const call = settle(clientWith(fetch, { logger, logLevel: 'warn' }).users.retrieve(7))
    await vi.runAllTimersAsync()
    expect(call.error).toBeInstanceOf(RateLimitError)
    expect((call.error as RateLimitError).headers.get('retry-after')).toBe('3600')
    expect(requests).toHaveLength(1)
    expect(warnings).toEqual([
      '[immigraflow] Not retrying GET /v1/users/7 after status 429: the server asks to wait more than 60 s (Retry-After: 3600); the error carries its headers',
    ])
  })

  it('honours a Retry-After of exactly 60 s', async () => {
    const { fetch, requests } = stubFetch(apiError(503, 'service_unavailable', { 'Retry-After': '60' }), json(USER))
    settle(clientWith(fetch).users.retrieve(7))
    await vi.advanceTimersByTimeAsync(59_999)
    expect(requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(requests).toHaveLength(2)
  })

  it.each([
    { random: 0, first: 500, second: 1_000 },
    { random: 1, first: 375, second: 750 },
  ])('backs off 0.5 s × 2^retry minus up to 25 % jitter (random = $random → $first ms, $second ms)', async (row) => {
    vi.spyOn(Math, 'random').mockReturnValue(row.random)
    const { fetch, requests } = stubFetch(apiError(500, 'internal_error'), apiError(500, 'internal_error'), json(USER))
    settle(clientWith(fetch).users.retrieve(7))
    await vi.advanceTimersByTimeAsync(row.first - 1)
    expect(requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(requests).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(row.second - 1)
    expect(requests).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(requests).toHaveLength(3)
  })

  it('retries even when cancelling the failed response body never settles (bug: retries hung under MSW)', async () => {
    const stuckBody = new ReadableStream({ cancel: () => new Promise<void>(() => {}) })
    const stuck = new Response(stuckBody, { status: 503, headers: { 'Retry-After': '1' } })
    const { fetch, requests } = stubFetch(stuck, json(USER))
    const call = settle(clientWith(fetch).users.retrieve(7))
    await vi.runAllTimersAsync()
    expect(call.value).toEqual(USER)
    expect(requests).toHaveLength(2)
  })

  it('does not retry a 400', async () => {
    const { fetch, requests } = stubFetch(apiError(400, 'bad_request'))
    const call = settle(clientWith(fetch).users.retrieve(7))
    await vi.runAllTimersAsync()
    expect(call.error).toBeInstanceOf(BadRequestError)
    expect(requests).toHaveLength(1)
  })

  it('gives up after maxRetries and throws the last error', async () => {
    const { fetch, requests } = stubFetch(apiError(503, 'a'), apiError(503, 'b'), apiError(429, 'rate_limited'))
    const call = settle(clientWith(fetch).users.retrieve(7))
    await vi.runAllTimersAsync()
    expect(call.error).toBeInstanceOf(RateLimitError)
    expect(requests).toHaveLength(3)
  })

  it('does not retry at all with maxRetries: 0', async () => {
    const { fetch, requests } = stubFetch(apiError(503, 'service_unavailable'))
    const call = settle(clientWith(fetch, { maxRetries: 0 }).users.retrieve(7))
    await vi.runAllTimersAsync()
    expect(call.error).toBeInstanceOf(InternalServerError)
    expect(requests).toHaveLength(1)
  })

  it('lets a call override maxRetries', async () => {
    const { fetch, requests } = stubFetch(
      apiError(503, 'a'),
      apiError(503, 'b'),
      apiError(503, 'c'),
      apiError(503, 'd'),
      json(USER),
    )
    const call = settle(clientWith(fetch, { maxRetries: 0 }).users.retrieve(7, { maxRetries: 4 }))
    await vi.runAllTimersAsync()
    expect(call.value).toEqual(USER)
    expect(requests).toHaveLength(5)
  })

  it('retries connection errors and reports the last one as APIConnectionError with its cause', async () => {
    const reset = new TypeError('fetch failed', { cause: new Error('ECONNRESET') })
    const { fetch, requests } = stubFetch(reset, reset, reset)
    const call = settle(clientWith(fetch).users.retrieve(7))
    await vi.runAllTimersAsync()
    expect(call.error).toBeInstanceOf(APIConnectionError)
    expect((call.error as Error).cause).toBe(reset)
    expect((call.error as Error).message).toContain('ECONNRESET')
    expect(requests).toHaveLength(3)
  })

  it('reuses the idempotency key of a retried POST, so the server creates exactly one user', async () => {
    // A server that honours Idempotency-Key, whose first answer is lost on the way back.
    const created: unknown[] = []
    const answers = new Map<string, string>()
    let firstAnswerLost = true
    const requests: Request[] = []
    const fetch = async (request: Request) => {
      requests.push(request)
      const key = request.headers.get('idempotency-key') as string
      const stored = answers.get(key)
      if (stored) return json(JSON.parse(stored), 201)
      created.push(await request.json())
      answers.set(key, JSON.stringify({ ...USER, id: created.length }))
      if (firstAnswerLost) {
        firstAnswerLost = false
        throw new TypeError('fetch failed', { cause: new Error('socket hang up') })
      }
      return json({ ...USER, id: created.length }, 201)
    }
    const call = settle(clientWith(fetch).users.create({ email: 'maria.lopez@example.com', name: 'María López' }))
    await vi.runAllTimersAsync()
    expect(call.error).toBeUndefined()
    expect(created).toHaveLength(1)
    expect(requests).toHaveLength(2)
    expect(requests[1]?.headers.get('idempotency-key')).toBe(requests[0]?.headers.get('idempotency-key'))
  })

  it('sends the same body on every retry', async () => {
    const { fetch, requests } = stubFetch(apiError(503, 'a'), json(USER, 201))
    settle(clientWith(fetch).users.create({ email: 'maria.lopez@example.com', name: 'María López' }))
    await vi.runAllTimersAsync()
    expect(requests.map((r) => r.body)).toEqual([
      '{"email":"maria.lopez@example.com","name":"María López"}',
      '{"email":"maria.lopez@example.com","name":"María López"}',
    ])
  })
})

describe('timeouts and aborts', () => {
  it('throws APIConnectionTimeoutError when no attempt answers within the timeout', async () => {
    const { fetch, requests } = stubFetch('hang', 'hang', 'hang')
    const call = settle(clientWith(fetch, { timeout: 1_000 }).users.retrieve(7))
    await vi.runAllTimersAsync()
    expect(call.error).toBeInstanceOf(APIConnectionTimeoutError)
    expect((call.error as Error).message).toContain('timed out after 1000 ms (3 attempts)')
    expect(requests).toHaveLength(3)
  })

  it('applies the timeout per attempt, so a slow first attempt is retried', async () => {
    const { fetch, requests } = stubFetch('hang', json(USER))
    const call = settle(clientWith(fetch).users.retrieve(7, { timeout: 5_000 }))
    await vi.advanceTimersByTimeAsync(4_999)
    expect(requests).toHaveLength(1)
    await vi.runAllTimersAsync()
    expect(call.value).toEqual(USER)
    expect(requests).toHaveLength(2)
  })

  it('throws APIUserAbortError when the caller aborts a request in flight, without retrying', async () => {
    const { fetch, requests } = stubFetch('hang')
    const controller = new AbortController()
    const call = settle(clientWith(fetch).users.retrieve(7, { signal: controller.signal }))
    await vi.advanceTimersByTimeAsync(10)
    controller.abort()
    await vi.runAllTimersAsync()
    expect(call.error).toBeInstanceOf(APIUserAbortError)
    expect(requests).toHaveLength(1)
  })

  it('stops a pending retry when the caller aborts during the wait', async () => {
    const { fetch, requests } = stubFetch(apiError(503, 'service_unavailable', { 'Retry-After': '30' }), json(USER))
    const controller = new AbortController()
    const call = settle(clientWith(fetch).users.retrieve(7, { signal: controller.signal }))
    await vi.advanceTimersByTimeAsync(1_000)
    controller.abort()
    await vi.runAllTimersAsync()
    expect(call.error).toBeInstanceOf(APIUserAbortError)
    expect(requests).toHaveLength(1)
  })

  it('throws APIUserAbortError without sending when the signal is already aborted', async () => {
    const { fetch, requests } = stubFetch(json(USER))
    const call = settle(clientWith(fetch).users.retrieve(7, { signal: AbortSignal.abort() }))
    await vi.runAllTimersAsync()
    expect(call.error).toBeInstanceOf(APIUserAbortError)
    expect(requests).toHaveLength(0)
  })
})
