import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_BASE_URL, ImmigraFlow, ImmigraFlowError, type Logger, NotFoundError } from '../../src'
import { apiError, json, stubFetch, USER } from '../helpers/stub-fetch'

afterEach(() => {
  vi.unstubAllEnvs()
})

function captureLogger() {
  const lines: string[] = []
  const record = (message: string, ...args: unknown[]) => {
    lines.push([message, ...args.map((arg) => JSON.stringify(arg))].join(' '))
  }
  const logger: Logger = { error: record, warn: record, info: record, debug: record }
  return { logger, lines }
}

describe('client options', () => {
  it('throws a clear error when there is no API key', () => {
    vi.stubEnv('IMMIGRAFLOW_API_KEY', '')
    expect(() => new ImmigraFlow()).toThrow(ImmigraFlowError)
    expect(() => new ImmigraFlow()).toThrow(/IMMIGRAFLOW_API_KEY/)
  })

  it('falls back to IMMIGRAFLOW_API_KEY and IMMIGRAFLOW_BASE_URL', async () => {
    vi.stubEnv('IMMIGRAFLOW_API_KEY', 'sk_from_env')
    vi.stubEnv('IMMIGRAFLOW_BASE_URL', 'http://127.0.0.1:4010/')
    const { fetch, requests } = stubFetch(json(USER))
    const client = new ImmigraFlow({ fetch, logLevel: 'off' })
    await client.users.retrieve(7)
    expect(client.baseUrl).toBe('http://127.0.0.1:4010')
    expect(requests[0]?.request.url).toBe('http://127.0.0.1:4010/v1/users/7')
    expect(requests[0]?.request.headers.get('authorization')).toBe('Bearer sk_from_env')
  })

  it('defaults to the production server', () => {
    vi.stubEnv('IMMIGRAFLOW_BASE_URL', '')
    expect(new ImmigraFlow({ apiKey: 'k' }).baseUrl).toBe(DEFAULT_BASE_URL)
  })

  it('rejects a base URL that is not absolute', () => {
    expect(() => new ImmigraFlow({ apiKey: 'k', baseUrl: 'api.immigraflow.com' })).toThrow(/not an absolute URL/)
  })

  it('rejects a negative timeout and a fractional maxRetries, naming the option', () => {
    expect(() => new ImmigraFlow({ apiKey: 'k', timeout: -1 })).toThrow(/"timeout"/)
    // Longer than a timer can wait: it would fire at once (bug: every request timed out in 1 ms).
    expect(() => new ImmigraFlow({ apiKey: 'k', timeout: 2 ** 31 })).toThrow(/"timeout"/)
    expect(() => new ImmigraFlow({ apiKey: 'k', maxRetries: 1.5 })).toThrow(/"maxRetries"/)
  })

  it('rejects an unusable per-request idempotency key without sending', async () => {
    const { fetch, requests } = stubFetch(json(USER))
    const client = new ImmigraFlow({ apiKey: 'k', fetch, logLevel: 'off' })
    await expect(
      client.users.create({ email: 'a@example.com', name: 'A' }, { idempotencyKey: 'two words' }),
    ).rejects.toThrow(/"idempotencyKey"/)
    expect(requests).toHaveLength(0)
  })

  it('sends the client headers and the per-request headers', async () => {
    const { fetch, requests } = stubFetch(json(USER))
    const client = new ImmigraFlow({ apiKey: 'k', fetch, headers: { 'X-App': 'crm' }, logLevel: 'off' })
    await client.users.retrieve(7, { headers: { 'X-Request-Id': 'req_abc' } })
    expect(requests[0]?.request.headers.get('x-app')).toBe('crm')
    expect(requests[0]?.request.headers.get('x-request-id')).toBe('req_abc')
  })
})

describe('logging', () => {
  it('logs requests at debug level and never prints the API key', async () => {
    const apiKey = 'sk_live_super_secret_123'
    const { logger, lines } = captureLogger()
    const { fetch } = stubFetch(json(USER), apiError(404, 'not_found'))
    const client = new ImmigraFlow({ apiKey, fetch, logger, logLevel: 'debug', maxRetries: 0 })
    await client.users.retrieve(7)
    await expect(client.users.retrieve(8)).rejects.toBeInstanceOf(NotFoundError)
    expect(lines.some((line) => line.includes('GET /v1/users/7'))).toBe(true)
    expect(lines.some((line) => line.includes('getUser failed'))).toBe(true)
    expect(lines.join('\n')).not.toContain(apiKey)
  })

  it('redacts the API key even when it appears in a logged message', async () => {
    const apiKey = 'sk_live_leaky_456'
    const { logger, lines } = captureLogger()
    const fetch = async () =>
      json({ error: { code: 'unauthorized', message: `Key ${apiKey} is revoked`, request_id: 'r' } }, 401)
    const client = new ImmigraFlow({ apiKey, fetch, logger, logLevel: 'info' })
    await expect(client.users.retrieve(7)).rejects.toThrow()
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('Key *** is revoked')
  })

  it('leaves ordinary words alone with a short key, but still hides any Bearer token (bug: key "k" garbled "checkCaseStatus")', async () => {
    const { logger, lines } = captureLogger()
    const fetch = async () =>
      json({ error: { code: 'unauthorized', message: 'Bearer k is not a key', request_id: 'r' } }, 401)
    const client = new ImmigraFlow({ apiKey: 'k', fetch, logger, logLevel: 'info', maxRetries: 0 })
    await expect(client.check.status({ receipt_number: 'EAC2190012345' })).rejects.toThrow()
    expect(lines[0]).toContain('checkCaseStatus failed')
    expect(lines[0]).toContain('Bearer *** is not a key')
  })

  it('stays quiet at the default level: a failed call is thrown to the caller, not also logged', async () => {
    vi.stubEnv('IMMIGRAFLOW_LOG', '')
    const { logger, lines } = captureLogger()
    const { fetch } = stubFetch(apiError(404, 'not_found'), apiError(404, 'not_found'))
    const quiet = new ImmigraFlow({ apiKey: 'k', fetch, logger, maxRetries: 0 })
    await expect(quiet.users.retrieve(7)).rejects.toBeInstanceOf(NotFoundError)
    expect(lines).toEqual([])
    const told = new ImmigraFlow({ apiKey: 'k', fetch, logger, maxRetries: 0, logLevel: 'info' })
    await expect(told.users.retrieve(7)).rejects.toBeInstanceOf(NotFoundError)
    expect(lines).toEqual([expect.stringContaining('getUser failed')])
  })

  it('takes the level from IMMIGRAFLOW_LOG and logs nothing below it', async () => {
    vi.stubEnv('IMMIGRAFLOW_LOG', 'error')
    const { logger, lines } = captureLogger()
    const { fetch } = stubFetch(apiError(404, 'not_found'))
    const client = new ImmigraFlow({ apiKey: 'k', fetch, logger, maxRetries: 0 })
    await expect(client.users.retrieve(7)).rejects.toThrow()
    expect(lines).toEqual([])
  })

  it('rejects an unknown log level, naming where it came from', () => {
    vi.stubEnv('IMMIGRAFLOW_LOG', 'verbose')
    expect(() => new ImmigraFlow({ apiKey: 'k' })).toThrow(/IMMIGRAFLOW_LOG must be one of/)
  })
})

describe('response validation (opt-in)', () => {
  it('throws ResponseValidationError naming the field when a response breaks the spec', async () => {
    const fetch = async () => json({ ...USER, status: 'sleeping' })
    const client = new ImmigraFlow({ apiKey: 'k', fetch, validateResponses: true, logLevel: 'off' })
    await expect(client.users.retrieve(7)).rejects.toThrow(/status/)
    const lenient = new ImmigraFlow({ apiKey: 'k', fetch, logLevel: 'off' })
    await expect(lenient.users.retrieve(7)).resolves.toMatchObject({ status: 'sleeping' })
  })
})
