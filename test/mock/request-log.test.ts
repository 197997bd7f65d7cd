import { afterEach, describe, expect, test } from 'vitest'
import { createMockApi } from '../../mocks/api'
import { loggedHeaders, redactAuthorization } from '../../mocks/request-log'
import { type RunningMockServer, startMockServer } from '../../mocks/server'

const KEY = 'sk_test_mock_key_9Qz'

function createUser(base: string, headers: Record<string, string> = {}) {
  return fetch(`${base}/v1/users`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${KEY}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': 'key-1',
      'X-Tenant': 'acme',
      ...headers,
    },
    body: JSON.stringify({ email: 'ana@example.com', name: 'Ana' }),
  })
}

describe('request log: headers and path parameters', () => {
  let server: RunningMockServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  test('api.fetch logs the request headers (authorization redacted, transport headers left out) and the path parameters', async () => {
    const api = createMockApi()
    const response = await api.fetch(`${api.baseUrl}/v1/users`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${KEY}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': 'key-1',
        'X-Tenant': 'acme',
        'Content-Length': '44',
      },
      body: JSON.stringify({ email: 'ana@example.com', name: 'Ana' }),
    })
    expect(response.status).toBe(201)
    await api.fetch(`${api.baseUrl}/v1/users/1`, { headers: { Authorization: `Bearer ${KEY}` } })
    const [created, read] = api.requests
    expect(created?.headers).toEqual({
      authorization: 'Bearer sk_…_9Qz',
      'content-type': 'application/json',
      'idempotency-key': 'key-1',
      'x-tenant': 'acme',
    })
    expect(created?.params).toEqual({})
    expect(read).toMatchObject({ operation: 'getUser', params: { user_id: '1' } })
  })

  test('the standalone server logs the same headers from a node request', async () => {
    server = await startMockServer({ port: 0 })
    expect((await createUser(server.url)).status).toBe(201)
    const entry = server.api.requests[0]
    expect(entry?.headers).toMatchObject({
      authorization: 'Bearer sk_…_9Qz',
      'content-type': 'application/json',
      'idempotency-key': 'key-1',
      'x-tenant': 'acme',
    })
    expect(entry?.headers).not.toHaveProperty('host')
    expect(entry?.headers).not.toHaveProperty('connection')
    expect(entry?.headers).not.toHaveProperty('content-length')
  })

  test('a credential is never logged whole; long values are cut; a host that cannot list headers logs the usual ones', () => {
    expect(redactAuthorization('Bearer sk_live_abcdefgh1234')).toBe('Bearer sk_…1234')
    expect(redactAuthorization('Bearer short')).toBe('Bearer [redacted]')
    expect(redactAuthorization('sk_live_abcdefgh1234')).toBe('[redacted]')
    const headers: Record<string, string> = { prefer: 'code=503', 'x-tenant': 'acme', 'user-agent': 'x'.repeat(300) }
    const logged = loggedHeaders((name) => headers[name] ?? null, undefined)
    expect(logged).toEqual({ prefer: 'code=503', 'user-agent': `${'x'.repeat(200)}…` })
  })
})
