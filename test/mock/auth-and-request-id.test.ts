import { describe, expect, test } from 'vitest'
import { createMockApi } from '../../mocks/api'
import { call } from '../helpers/mock'

describe('auth', () => {
  test('a request without an API key gets a 401 unauthorized envelope', async () => {
    const res = await call(createMockApi(), 'listUsers', { key: null })
    expect(res.status).toBe(401)
    expect(res.error.code).toBe('unauthorized')
    expect(res.error.message).toMatch(/Bearer/)
  })

  test('without an apiKey option any non-empty bearer key is accepted', async () => {
    const res = await call(createMockApi(), 'listUsers', { key: 'anything-at-all' })
    expect(res.status).toBe(200)
  })

  test('with an apiKey option only that key is accepted', async () => {
    const api = createMockApi({ apiKey: 'sk_right' })
    expect((await call(api, 'listUsers', { key: 'sk_wrong' })).status).toBe(401)
    expect((await call(api, 'listUsers', { key: 'sk_right' })).status).toBe(200)
  })

  test('a non-bearer Authorization header is rejected', async () => {
    const res = await call(createMockApi(), 'listUsers', { headers: { authorization: 'Basic dXNlcjpwYXNz' } })
    expect(res.status).toBe(401)
  })
})

describe('X-Request-Id', () => {
  test("the caller's X-Request-Id is echoed on the response and in error envelopes", async () => {
    const api = createMockApi()
    const ok = await call(api, 'listUsers', { headers: { 'x-request-id': 'my-trace-1' } })
    expect(ok.headers.get('x-request-id')).toBe('my-trace-1')
    const failed = await call(api, 'getUser', { params: { user_id: 5 }, headers: { 'x-request-id': 'my-trace-2' } })
    expect(failed.headers.get('x-request-id')).toBe('my-trace-2')
    expect(failed.error.request_id).toBe('my-trace-2')
  })

  test('without one, ids are generated per instance in sequence: req_000001, req_000002', async () => {
    const api = createMockApi()
    expect((await call(api, 'listUsers')).headers.get('x-request-id')).toBe('req_000001')
    expect((await call(api, 'listUsers', { key: null })).headers.get('x-request-id')).toBe('req_000002')
  })

  test('an unknown /v1 path gets a 404 envelope with a request id instead of leaking to the network', async () => {
    const api = createMockApi()
    const response = await api.handle(
      new Request(`${api.baseUrl}/v1/nothing-here`, { headers: { authorization: 'Bearer k' } }),
    )
    expect(response?.status).toBe(404)
    const body = (await response?.json()) as { error: { code: string; request_id: string } }
    expect(body.error.code).toBe('not_found')
    expect(body.error.request_id).toBe(response?.headers.get('x-request-id'))
  })
})
