import type { Middleware } from 'openapi-fetch'
import { describe, expect, it } from 'vitest'
import { APIConnectionTimeoutError, ImmigraFlow, type Logger } from '../../src'
import { apiError, json, stubFetch, USER } from '../helpers/stub-fetch'

const tagging = (tag: string, seen: string[]): Middleware => ({ onRequest: () => void seen.push(tag) })

describe('client.withOptions()', () => {
  it('returns a new client with the options given changed and the others kept', async () => {
    const first = stubFetch(json(USER))
    const second = stubFetch(json(USER))
    const parent = new ImmigraFlow({
      apiKey: 'k',
      baseUrl: 'https://one.example',
      fetch: first.fetch,
      headers: { 'X-App': 'crm' },
      logLevel: 'off',
    })
    const child = parent.withOptions({
      baseUrl: 'https://two.example',
      fetch: second.fetch,
      headers: { 'X-App': 'etl' },
    })
    expect(child).toBeInstanceOf(ImmigraFlow)
    expect(child).not.toBe(parent)
    await child.users.retrieve(7)
    expect(second.requests[0]?.request.url).toBe('https://two.example/v1/users/7')
    expect(second.requests[0]?.request.headers.get('x-app')).toBe('etl')
    expect(second.requests[0]?.request.headers.get('authorization')).toBe('Bearer k')
    await parent.users.retrieve(7)
    expect(first.requests[0]?.request.url).toBe('https://one.example/v1/users/7')
    expect(first.requests[0]?.request.headers.get('x-app')).toBe('crm')
  })

  it('overrides timeout and maxRetries for the derived client only', async () => {
    const { fetch, requests } = stubFetch('hang', apiError(500, 'internal_error'), apiError(500, 'internal_error'))
    const parent = new ImmigraFlow({ apiKey: 'k', fetch, logLevel: 'off', maxRetries: 2 })
    const child = parent.withOptions({ timeout: 5, maxRetries: 0 })
    await expect(child.users.retrieve(7)).rejects.toBeInstanceOf(APIConnectionTimeoutError)
    expect(requests).toHaveLength(1)
    const error = await parent
      .withOptions({ maxRetries: 1 })
      .users.retrieve(7, { maxRetries: 1 })
      .catch((caught: unknown) => caught)
    expect((error as { status?: number }).status).toBe(500)
    expect(requests).toHaveLength(3)
  })

  it('overrides logLevel without touching the parent', async () => {
    const lines: string[] = []
    const record = (message: string) => void lines.push(message)
    const logger: Logger = { error: record, warn: record, info: record, debug: record }
    const { fetch } = stubFetch(json(USER), json(USER))
    const parent = new ImmigraFlow({ apiKey: 'k', fetch, logger, logLevel: 'off' })
    await parent.withOptions({ logLevel: 'debug' }).users.retrieve(7)
    const logged = lines.length
    expect(logged).toBeGreaterThan(0)
    await parent.users.retrieve(7)
    expect(lines).toHaveLength(logged)
  })

  it("keeps the parent's middleware, including what http.use() added, and shares no list with it", async () => {
    const seen: string[] = []
    const { fetch } = stubFetch(json(USER), json(USER), json(USER), json(USER))
    const parent = new ImmigraFlow({ apiKey: 'k', fetch, logLevel: 'off', middleware: [tagging('option', seen)] })
    parent.http.use(tagging('used', seen))
    const child = parent.withOptions({ timeout: 1_000 })
    child.http.use(tagging('child only', seen))
    await child.users.retrieve(7)
    expect(seen).toEqual(['option', 'used', 'child only'])
    seen.length = 0
    await parent.users.retrieve(7)
    expect(seen).toEqual(['option', 'used'])
    seen.length = 0
    await parent.withOptions({ middleware: [tagging('replaced', seen)] }).users.retrieve(7)
    expect(seen).toEqual(['replaced'])
  })

  it('copies the headers it was given, so changing that object later changes neither client', async () => {
    const headers: Record<string, string> = { 'X-App': 'crm' }
    const { fetch, requests } = stubFetch(json(USER), json(USER))
    const parent = new ImmigraFlow({ apiKey: 'k', fetch, logLevel: 'off', headers })
    const child = parent.withOptions({})
    headers['X-App'] = 'changed'
    await parent.users.retrieve(7)
    await child.users.retrieve(7)
    expect(requests.map(({ request }) => request.headers.get('x-app'))).toEqual(['crm', 'crm'])
  })
})
