import { describe, expect, it } from 'vitest'
import { ConflictError, ImmigraFlow, InternalServerError } from '../../src'
import { apiError, json, stubFetch, USER } from '../helpers/stub-fetch'

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
