import { Agent, type IncomingMessage, request } from 'node:http'
import { Readable } from 'node:stream'
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { createMockApi } from '../../mocks/api'
import { call } from '../helpers/mock'

const DAY = 86_400_000

describe('mock robustness', () => {
  it('refuses to move the clock past the last valid date and keeps answering (bug: every request then failed with 500)', async () => {
    const api = createMockApi()
    await expect(api.clock.advance(1e20)).rejects.toThrow(RangeError)
    expect(api.clock.iso()).toBe('2026-01-05T09:00:00.000Z')
    const listed = await call(api, 'listUsers')
    expect(listed.status).toBe(200)
  })

  it('forgets idempotency records once they expire, so memory stays bounded (bug: they were kept forever)', async () => {
    const api = createMockApi()
    for (let i = 0; i < 50; i++) {
      const body = { email: `user${i}@example.com`, name: `User ${i}` }
      expect((await call(api, 'createUser', { body, headers: { 'Idempotency-Key': `key-${i}` } })).status).toBe(201)
    }
    await api.clock.advance(DAY + 1)
    const body = { email: 'late@example.com', name: 'Late' }
    await call(api, 'createUser', { body, headers: { 'Idempotency-Key': 'key-late' } })
    expect(api.snapshot().state.idempotency.size).toBe(1)
  })

  it('still replays an unexpired key after older ones were pruned', async () => {
    const api = createMockApi()
    const body = { email: 'kept@example.com', name: 'Kept' }
    const first = await call(api, 'createUser', { body, headers: { 'Idempotency-Key': 'kept' } })
    await api.clock.advance(DAY - 1)
    const again = await call(api, 'createUser', { body, headers: { 'Idempotency-Key': 'kept' } })
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.body).toEqual(first.body)
  })

  it.each([
    [{ status: 503 as const, times: 0 }, /times/],
    [{ status: 429 as const, retryAfter: -5 }, /retryAfter/],
    [{ status: 429 as const, retryAfter: 1.5 }, /retryAfter/],
  ])('rejects a USCIS outage that could not behave as asked: %j', (options, message) => {
    const api = createMockApi()
    expect(() => api.uscis.fail(options)).toThrow(message)
    expect(api.uscis.outage()).toBeNull()
  })
})

describe('standalone control routes', () => {
  it('answer bad input with 400 and an X-Request-Id (bug: a huge clock advance or a broken escape gave 500)', async () => {
    const { startMockServer } = await import('../../mocks/server')
    const mock = await startMockServer({ port: 0 })
    try {
      const post = (path: string, body: unknown) =>
        fetch(`${mock.url}/__mock/${path}`, { method: 'POST', body: JSON.stringify(body) })
      for (const response of [
        await post('clock', { advance_ms: 1e20 }),
        await post('uscis/%E0', { advance: true }),
        await post('uscis', { outage: { status: 503, times: 0 } }),
      ]) {
        expect(response.status).toBe(400)
        expect(response.headers.get('x-request-id')).toMatch(/^srv_\d{6}$/)
      }
      const health = await fetch(`${mock.url}/__mock/health`)
      expect(((await health.json()) as { now: string }).now).toBe('2026-01-05T09:00:00.000Z')
    } finally {
      await mock.close()
    }
  })
})

describe('standalone CORS', () => {
  it('answers OPTIONS with 204, the CORS headers and an X-Request-Id, like every other response', async () => {
    const { startMockServer } = await import('../../mocks/server')
    const mock = await startMockServer({ port: 0 })
    try {
      const response = await fetch(`${mock.url}/v1/users`, {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
      })
      expect(response.status).toBe(204)
      expect(response.headers.get('access-control-allow-origin')).toBe('*')
      expect(response.headers.get('x-request-id')).toMatch(/^srv_\d{6}$/)
    } finally {
      await mock.close()
    }
  })

  it('lets a page of another origin read every header of a replay, an injected fault, a 405 and a snapshot (bug: the Allow of a 405 was hidden)', async () => {
    const { startMockServer } = await import('../../mocks/server')
    // With a key the control routes answer pages of other origins too.
    const mock = await startMockServer({ port: 0, apiKey: 'sk_cors' })
    const origin = 'http://localhost:5173'
    const ask = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
      fetch(`${mock.url}${path}`, {
        method: init.method,
        headers: { Origin: origin, Authorization: 'Bearer sk_cors', ...init.headers },
        body: init.body,
      })
    try {
      const user = JSON.stringify({ email: 'cors@example.com', name: 'Cors' })
      const json = { 'Content-Type': 'application/json', 'Idempotency-Key': 'cors-key' }
      await (await ask('/v1/users', { method: 'POST', headers: json, body: user })).arrayBuffer()
      const responses = {
        replay: await ask('/v1/users', { method: 'POST', headers: json, body: user }),
        fault: await ask('/v1/users', { headers: { Prefer: 'code=503, retry-after=2, should-retry=false' } }),
        methodNotAllowed: await ask('/__mock/faults', { method: 'PUT' }),
        snapshot: await ask('/__mock/snapshot'),
      }
      expect(responses.replay.headers.get('idempotent-replayed')).toBe('true')
      expect(responses.fault.headers.get('retry-after')).toBe('2')
      expect(responses.fault.headers.get('x-should-retry')).toBe('false')
      expect(responses.methodNotAllowed.status).toBe(405)
      expect(responses.methodNotAllowed.headers.get('allow')).toBe('GET, POST, DELETE')
      expect(responses.snapshot.headers.get('content-disposition')).toMatch(/^attachment; filename=/)
      // What a browser shows a script of another origin without Access-Control-Expose-Headers
      // (Fetch's CORS-safelisted response headers), what node:http adds to every response, and the
      // CORS headers themselves.
      const readable = new Set([
        ...['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified'],
        ...['pragma', 'connection', 'date', 'keep-alive', 'transfer-encoding'],
      ])
      for (const [name, response] of Object.entries(responses)) {
        await response.arrayBuffer()
        expect(response.headers.get('access-control-allow-origin'), name).toBe('*')
        const exposed = (response.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(/,\s*/)
        const hidden = [...response.headers.keys()].filter(
          (header) => !header.startsWith('access-control-') && !readable.has(header) && !exposed.includes(header),
        )
        expect(hidden, name).toEqual([])
      }
    } finally {
      await mock.close()
    }
  })
})

describe('idempotency under concurrency', () => {
  it('creates once when two requests with the same key arrive together (bug: both created)', async () => {
    const api = createMockApi()
    const body = { url: 'https://hooks.example.com/x', events: ['*'] }
    const headers = { 'Idempotency-Key': 'same-key' }
    const [first, second] = await Promise.all([
      call(api, 'createWebhook', { body, headers }),
      call(api, 'createWebhook', { body, headers }),
    ])
    expect([first.status, second.status]).toEqual([201, 201])
    expect(second.body).toEqual(first.body)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect((await call(api, 'listWebhooks')).body).toMatchObject({ total: 1 })
  })
})

describe('standalone server, bodies over 1 MiB', () => {
  const MiB = 1_048_576

  /** POSTs `size` bytes in 64 KiB chunks (chunked encoding: the server learns the size only by reading). */
  function postStreamed(agent: Agent, url: string, size: number, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; body: string; reusedSocket: boolean }>((resolve, reject) => {
      const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } })
      req.on('error', reject)
      req.on('response', (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          body += chunk
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, reusedSocket: req.reusedSocket }))
      })
      const chunk = Buffer.alloc(64 * 1024, 0x20)
      for (let sent = 0; sent < size; sent += chunk.length)
        req.write(chunk.subarray(0, Math.min(chunk.length, size - sent)))
      req.end()
    })
  }

  it('keeps no byte of a body once it passes 1 MiB, and counts all of it', async () => {
    const { readBody } = await import('../../mocks/server')
    const chunk = Buffer.alloc(256 * 1024, 0x61)
    const stream = (count: number) => Readable.from(Array.from({ length: count }, () => chunk)) as IncomingMessage
    expect(await readBody(stream(40))).toMatchObject({ size: 40 * chunk.length, cut: true, raw: Buffer.alloc(0) })
    const atLimit = await readBody(stream(4))
    expect(atLimit).toMatchObject({ size: MiB, cut: false })
    expect(atLimit.raw.equals(Buffer.concat([chunk, chunk, chunk, chunk]))).toBe(true)
  })

  it('answers 413 with the full size, leaves the store alone and keeps the connection usable', async () => {
    const { startMockServer } = await import('../../mocks/server')
    const mock = await startMockServer({ port: 0 })
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const auth = { authorization: 'Bearer sk_test_robust' }
      const size = 3 * MiB + 123
      const tooLarge = await postStreamed(agent, `${mock.url}/v1/users`, size, auth)
      expect(tooLarge.status).toBe(413)
      expect(JSON.parse(tooLarge.body).error).toMatchObject({
        code: 'payload_too_large',
        message: `The request body is ${size} bytes; the limit is ${MiB} bytes (1 MiB).`,
      })
      // A body of exactly 1 MiB is kept whole and reaches the handlers (spaces only: not JSON, 400).
      const atLimit = await postStreamed(agent, `${mock.url}/v1/users`, MiB, auth)
      expect(JSON.parse(atLimit.body).error.code).toBe('bad_request')
      // The pipeline's order is kept: authentication is checked before the size.
      expect((await postStreamed(agent, `${mock.url}/v1/users`, 2 * MiB)).status).toBe(401)
      // The control routes refuse it too, rather than failing to parse a body they did not keep.
      const control = await postStreamed(agent, `${mock.url}/__mock/clock`, 2 * MiB)
      expect(control.status).toBe(413)
      expect(JSON.parse(control.body).error.code).toBe('payload_too_large')

      const health = await new Promise<{ reusedSocket: boolean; status: number }>((resolve, reject) => {
        const req = request(`${mock.url}/__mock/health`, { agent }, (res) => {
          res.resume()
          res.on('end', () => resolve({ reusedSocket: req.reusedSocket, status: res.statusCode ?? 0 }))
        })
        req.on('error', reject)
        req.end()
      })
      expect(health).toEqual({ reusedSocket: true, status: 200 })
      expect(mock.api.snapshot().state.users.size).toBe(0)
    } finally {
      agent.destroy()
      await mock.close()
    }
  })

  it("hands MSW the whole body when the handler list holds one of the user's own (the bridge)", async () => {
    const { createMockApi: createMswMockApi, startMockServer } = await import('../../mocks/node')
    const api = createMswMockApi()
    api.handlers.push(
      http.post('https://api.immigraflow.com/upload', async ({ request }) =>
        HttpResponse.json({ bytes: (await request.arrayBuffer()).byteLength }),
      ),
    )
    const mock = await startMockServer({ port: 0, api })
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const size = 2 * MiB + 7
      const upload = await postStreamed(agent, `${mock.url}/upload`, size)
      expect(upload).toMatchObject({ status: 200, body: JSON.stringify({ bytes: size }) })
      // The mock's routes answer as on the direct path: authentication first, then the size.
      expect((await postStreamed(agent, `${mock.url}/v1/users`, size)).status).toBe(401)
      const tooLarge = await postStreamed(agent, `${mock.url}/v1/users`, size, { authorization: 'Bearer k' })
      expect(tooLarge.status).toBe(413)
      expect(JSON.parse(tooLarge.body).error).toMatchObject({
        code: 'payload_too_large',
        message: `The request body is ${size} bytes; the limit is ${MiB} bytes (1 MiB).`,
        request_id: expect.stringMatching(/^req_/),
      })
      const atLimit = await postStreamed(agent, `${mock.url}/v1/users`, MiB, { authorization: 'Bearer k' })
      expect(JSON.parse(atLimit.body).error.code).toBe('bad_request')
    } finally {
      agent.destroy()
      await mock.close()
    }
  })
})
