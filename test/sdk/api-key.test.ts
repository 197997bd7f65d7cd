import { describe, expect, it } from 'vitest'
import { AuthenticationError, ImmigraFlow, ImmigraFlowError, type Logger } from '../../src'
import { apiError, json, stubFetch, USER } from '../helpers/stub-fetch'
import { inProcessMock, MOCK_KEY } from './in-process-mock'

function captureLogger() {
  const lines: string[] = []
  const record = (...parts: unknown[]) => void lines.push(parts.map((part) => JSON.stringify(part)).join(' '))
  const logger: Logger = { error: record, warn: record, info: record, debug: record }
  return { logger, lines }
}

describe('apiKey as a function', () => {
  it('is called before every attempt, so a retry sends the key of that moment', async () => {
    const { fetch, requests } = stubFetch(apiError(503, 'service_unavailable', { 'Retry-After': '0' }), json(USER))
    let calls = 0
    const sdk = new ImmigraFlow({
      apiKey: async () => `sk_rotating_${++calls}`,
      fetch,
      logLevel: 'off',
    })
    await sdk.users.retrieve(7)
    expect(calls).toBe(2)
    expect(requests.map(({ request }) => request.headers.get('authorization'))).toEqual([
      'Bearer sk_rotating_1',
      'Bearer sk_rotating_2',
    ])
  })

  it('authenticates against the mock, through resources and client.http', async () => {
    const { client } = inProcessMock()
    const sdk = client({ apiKey: () => MOCK_KEY })
    const user = await sdk.users.create({ email: 'maria@example.com', name: 'María' })
    const { response } = await sdk.http.GET('/v1/users/{user_id}', { params: { path: { user_id: user.id } } })
    expect(response.status).toBe(200)
    await expect(client({ apiKey: async () => 'sk_wrong_key' }).users.list()).rejects.toBeInstanceOf(
      AuthenticationError,
    )
  })

  it('turns a failing key function into an ImmigraFlowError naming the cause, sending nothing', async () => {
    const { fetch, requests } = stubFetch(json(USER))
    const cause = new Error('vault unreachable')
    const sdk = new ImmigraFlow({
      apiKey: async () => {
        throw cause
      },
      fetch,
      logLevel: 'off',
    })
    const error = await sdk.users.retrieve(7).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ImmigraFlowError)
    expect((error as Error).message).toBe('The apiKey function failed, so nothing was sent: vault unreachable')
    expect((error as Error).cause).toBe(cause)
    expect(requests).toHaveLength(0)
  })

  it('rejects a key function that resolves to something other than a non-empty string', async () => {
    const { fetch, requests } = stubFetch(json(USER))
    const sdk = new ImmigraFlow({ apiKey: async () => '', fetch, logLevel: 'off' })
    await expect(sdk.users.retrieve(7)).rejects.toThrow(
      /must resolve to a non-empty string; it resolved to an empty string/,
    )
    expect(requests).toHaveLength(0)
  })

  it("never logs the function's keys, even inside an error message the SDK logs", async () => {
    const { logger, lines } = captureLogger()
    const key = 'sk_live_from_the_vault_0001'
    const { fetch } = stubFetch(
      apiError(503, 'service_unavailable', { 'Retry-After': '0' }),
      new TypeError(`proxy refused the request with ${key}`),
    )
    const sdk = new ImmigraFlow({ apiKey: async () => key, fetch, logger, logLevel: 'debug', maxRetries: 1 })
    await expect(sdk.users.retrieve(7)).rejects.toThrow(/proxy refused/)
    expect(lines.some((line) => line.includes('proxy refused the request with ***'))).toBe(true)
    expect(lines.join('\n')).not.toContain(key)
  })

  it('rejects an apiKey option that is neither a string nor a function', () => {
    expect(() => new ImmigraFlow({ apiKey: 42 as unknown as string })).toThrow(
      /must be a string or a function; got number/,
    )
  })
})
