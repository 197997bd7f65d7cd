import { afterEach, describe, expect, test } from 'vitest'
import { createMockApi } from '../../mocks/api'
import { handleControl } from '../../mocks/control'
import { type RunningMockServer, startMockServer } from '../../mocks/server'
import { buildRequest, call } from '../helpers/mock'

const user = { email: 'a@example.com', name: 'A' }

describe('faults via Prefer', () => {
  test('Prefer: code=503 answers a valid service_unavailable envelope with Retry-After', async () => {
    const res = await call(createMockApi(), 'listUsers', { headers: { prefer: 'code=503' } })
    expect(res.status).toBe(503)
    expect(res.error.code).toBe('service_unavailable')
    expect(res.headers.get('retry-after')).toBe('1')
  })

  test('Prefer: retry-after=N sets the Retry-After of an injected 429 or 503 (0 lets retries in tests go at once)', async () => {
    const api = createMockApi()
    const quick = await call(api, 'listUsers', { headers: { prefer: 'code=503, retry-after=0' } })
    expect(quick.headers.get('retry-after')).toBe('0')
    const slow = await call(api, 'createUser', { body: user, headers: { prefer: 'code=429; retry-after=30' } })
    expect(slow.headers.get('retry-after')).toBe('30')
    // Only where the spec has the header: a 500 carries none.
    const other = await call(api, 'listUsers', { headers: { prefer: 'code=500, retry-after=0' } })
    expect(other.headers.get('retry-after')).toBeNull()
    const bad = await call(api, 'listUsers', { headers: { prefer: 'code=503, retry-after=soon' } })
    expect(bad.status).toBe(422)
    expect(bad.error.details).toEqual([
      { field: 'Prefer', message: 'retry-after=soon must be a whole number of seconds up to 3600' },
    ])
  })

  test('Prefer: code=429 answers rate_limited with Retry-After', async () => {
    const res = await call(createMockApi(), 'createUser', { body: user, headers: { prefer: 'code=429' } })
    expect(res.status).toBe(429)
    expect(res.error.code).toBe('rate_limited')
  })

  test('a faulted request does not change the store', async () => {
    const api = createMockApi()
    const res = await call(api, 'createUser', { body: user, headers: { prefer: 'code=500' } })
    expect(res.status).toBe(500)
    expect(api.store.state.users.size).toBe(0)
    expect(api.outbox).toHaveLength(0)
  })

  test('a code the operation does not declare is refused with a 422 on Prefer', async () => {
    const res = await call(createMockApi(), 'getUser', { params: { user_id: 1 }, headers: { prefer: 'code=502' } })
    expect(res.status).toBe(422)
    expect(res.error.details?.[0]?.field).toBe('Prefer')
  })

  test('Prefer: fail-times=2 fails the next 2 identical calls, then succeeds', async () => {
    const api = createMockApi()
    const statuses: number[] = []
    for (let i = 0; i < 3; i++)
      statuses.push((await call(api, 'createUser', { body: user, headers: { prefer: 'fail-times=2' } })).status)
    expect(statuses).toEqual([503, 503, 201])
  })

  test('fail-times counts identical calls only (method, path and body) and combines with code=', async () => {
    const api = createMockApi()
    const a = { body: user, headers: { prefer: 'fail-times=1, code=500' } }
    const b = { body: { ...user, email: 'b@example.com' }, headers: { prefer: 'fail-times=1, code=500' } }
    expect((await call(api, 'createUser', a)).status).toBe(500)
    expect((await call(api, 'createUser', b)).status).toBe(500)
    expect((await call(api, 'createUser', a)).status).toBe(201)
    expect((await call(api, 'createUser', b)).status).toBe(201)
  })

  test('Prefer: fault=reset makes the MSW response a network error', async () => {
    const api = createMockApi()
    const response = await api.handle(buildRequest(api, 'listUsers', { headers: { prefer: 'fault=reset' } }))
    expect(response?.type).toBe('error')
    expect(api.requests.at(-1)).toMatchObject({ status: 0, fault: 'fault=reset' })
  })

  test('Prefer: latency=150 delays the answer by about that long', async () => {
    const api = createMockApi()
    const started = performance.now()
    const res = await call(api, 'listUsers', { headers: { prefer: 'latency=150' } })
    expect(res.status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
    expect(api.requests.at(-1)?.fault).toBe('latency=150')
  })
})

describe('global faults', () => {
  test('faults.set({ failRate: 1 }) fails every request with 503; clear() stops it', async () => {
    const api = createMockApi()
    api.faults.set({ failRate: 1 })
    expect((await call(api, 'listUsers')).status).toBe(503)
    api.faults.clear()
    expect((await call(api, 'listUsers')).status).toBe(200)
  })

  test('failRate draws from the seed: the same seed fails the same requests', async () => {
    const run = async () => {
      const api = createMockApi({ failRate: 0.5, seed: 7 })
      const statuses: number[] = []
      for (let i = 0; i < 20; i++) statuses.push((await call(api, 'listUsers')).status)
      return statuses
    }
    const first = await run()
    expect(first).toContain(503)
    expect(first).toContain(200)
    expect(await run()).toEqual(first)
  })

  test('faults.set({ failRate: 1, code: 500 }) uses that status; { reset: true } drops connections', async () => {
    const api = createMockApi()
    api.faults.set({ failRate: 1, code: 500 })
    expect((await call(api, 'listUsers')).status).toBe(500)
    api.faults.set({ reset: true })
    expect((await api.handle(buildRequest(api, 'listUsers')))?.type).toBe('error')
  })

  test('a global fault code an operation does not declare falls back to 503', async () => {
    const api = createMockApi()
    api.faults.set({ failRate: 1, code: 502 })
    expect((await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })).status).toBe(502)
    expect((await call(api, 'listUsers')).status).toBe(503)
  })

  test('faults.set rejects a failRate outside 0–1', () => {
    expect(() => createMockApi().faults.set({ failRate: 2 })).toThrow(/failRate/)
  })
})

describe('faults on the standalone server', () => {
  let server: RunningMockServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  test('Prefer: fault=reset destroys the socket: fetch rejects', async () => {
    server = await startMockServer()
    const request = buildRequest({ url: server.url }, 'listUsers', { headers: { prefer: 'fault=reset' } })
    await expect(fetch(request)).rejects.toThrow()
    expect((await call({ url: server.url }, 'listUsers')).status).toBe(200)
  })

  test('POST /__mock/faults sets global faults over HTTP', async () => {
    server = await startMockServer()
    const set = await fetch(`${server.url}/__mock/faults`, {
      method: 'POST',
      body: JSON.stringify({ fail_rate: 1, code: 503 }),
    })
    expect(await set.json()).toEqual({
      fail_rate: 1,
      code: 503,
      latency_ms: 0,
      reset: false,
      webhooks: { duplicate: 0, reorder: false, delay_ms: 0 },
    })
    expect((await call({ url: server.url }, 'listUsers')).status).toBe(503)
    const bad = await fetch(`${server.url}/__mock/faults`, { method: 'POST', body: JSON.stringify({ fail_rate: 3 }) })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe(
      'fail_rate must be between 0 and 1.',
    )
  })

  test('POST /__mock/faults refuses what it does not know, keeping the settings; DELETE clears them', async () => {
    server = await startMockServer()
    const post = async (body: unknown) => {
      const response = await fetch(`${server?.url}/__mock/faults`, { method: 'POST', body: JSON.stringify(body) })
      return {
        status: response.status,
        body: (await response.json()) as { error?: { message: string } } & Record<string, unknown>,
      }
    }
    expect((await post({ fail_rate: 1, code: 500 })).status).toBe(200)
    const unknown = await post({ failRate: 0 })
    expect(unknown).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringContaining('Unknown field failRate') } },
    })
    expect((await post({ reset: 'yes' })).body.error?.message).toBe('reset must be true or false.')
    // Settings merge: a later POST changes only the fields it names.
    expect((await post({ latency_ms: 5 })).body).toEqual({
      fail_rate: 1,
      code: 500,
      latency_ms: 5,
      reset: false,
      webhooks: { duplicate: 0, reorder: false, delay_ms: 0 },
    })
    expect((await call({ url: server.url }, 'listUsers')).status).toBe(500)

    const cleared = await fetch(`${server.url}/__mock/faults`, { method: 'DELETE' })
    expect(await cleared.json()).toEqual({
      fail_rate: 0,
      code: 503,
      latency_ms: 0,
      reset: false,
      webhooks: { duplicate: 0, reorder: false, delay_ms: 0 },
    })
    expect((await call({ url: server.url }, 'listUsers')).status).toBe(200)
  })
})

describe('faults.set and createMockApi check types strictly', () => {
  const refused = (settings: unknown) => () => {
    const api = createMockApi()
    api.faults.set(settings as Parameters<typeof api.faults.set>[0])
  }

  test.each([
    [{ failRate: null }, 'faults.set: failRate must be a number'],
    [{ failRate: true }, 'faults.set: failRate must be a number'],
    [{ failRate: '0.5' }, 'faults.set: failRate must be a number'],
    [{ reset: 'yes' }, 'faults.set: reset must be true or false'],
    [{ reset: 1 }, 'faults.set: reset must be true or false'],
    [{ code: '503' }, 'faults.set: code must be a number'],
    [{ latencyMs: '5' }, 'faults.set: latencyMs must be a number'],
    [{ latencyMs: 60_001 }, 'faults.set: latencyMs must be at most 60000 ms (as Prefer: latency=)'],
    [{ fail_rate: 0.1 }, 'faults.set: unknown field fail_rate; use failRate, code, latencyMs, reset, webhooks'],
    [null, 'faults.set: the settings must be an object'],
  ])('faults.set(%j) is refused naming the field', (settings, message) => {
    expect(refused(settings)).toThrow(RangeError)
    expect(refused(settings)).toThrow(message)
  })

  test('a refused setting changes nothing; the limits themselves are accepted', () => {
    const api = createMockApi()
    api.faults.set({ failRate: 0.5, reset: true, latencyMs: 60_000 })
    expect(() => api.faults.set({ failRate: 0.1, reset: 'no' as unknown as boolean })).toThrow('reset')
    expect(api.faults.get()).toMatchObject({ failRate: 0.5, reset: true, latencyMs: 60_000 })
  })

  test('createMockApi refuses the same, naming the option', () => {
    expect(() => createMockApi({ failRate: null as unknown as number })).toThrow(
      'createMockApi: failRate must be a number',
    )
    expect(() => createMockApi({ failRate: '0.5' as unknown as number })).toThrow('failRate must be a number')
    expect(() => createMockApi({ latencyMs: 1e10 })).toThrow('createMockApi: latencyMs must be at most 60000 ms')
  })

  test('POST /__mock/faults refuses a latency_ms past 60000, as Prefer: latency= does', async () => {
    const api = createMockApi()
    const response = await handleControl(
      api,
      new Request(`${api.baseUrl}/__mock/faults`, { method: 'POST', body: JSON.stringify({ latency_ms: 2 ** 31 }) }),
    )
    if (!response) throw new Error('not a control route')
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      'latency_ms must be at most 60000 ms (as Prefer: latency=).',
    )
    expect(api.faults.get().latencyMs).toBe(0)
  })
})
