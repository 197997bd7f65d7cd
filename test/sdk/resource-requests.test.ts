/**
 * What a resource call sends and how it reads the answer, on each of its two routes: without
 * middleware the SDK builds the request itself with openapi-fetch's serializers; with middleware
 * (or a Content-Type of the caller's own) it is a complete openapi-fetch call.
 */
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { ImmigraFlow, type Middleware } from '../../src'
import { json, USER } from '../helpers/stub-fetch'

/** What a fetch was given: the request's method, URL, headers (in order) and body text. */
type Seen = { method: string; url: string; headers: Array<[string, string]>; body: string }

function recordingFetch(answer: () => Response = () => json(USER)) {
  const seen: Seen[] = []
  const fetch = async (request: Request): Promise<Response> => {
    seen.push({ method: request.method, url: request.url, headers: [...request.headers], body: await request.text() })
    return answer()
  }
  return { seen, fetch }
}

const NEW_USER = { email: 'maria@example.com', name: 'María', metadata: { crm: 'a b&c' } }

describe('resource requests', () => {
  it('without middleware, sends what openapi-fetch sends: URL, query, headers and body', async () => {
    const direct = recordingFetch()
    const viaMiddleware = recordingFetch()
    const options = { apiKey: 'sk_test_key', baseUrl: 'https://api.example.com/', idempotencyKey: 'same' }
    const plain = new ImmigraFlow({ apiKey: options.apiKey, baseUrl: options.baseUrl, fetch: direct.fetch })
    const noop: Middleware = { onRequest: () => undefined }
    const withMiddleware = new ImmigraFlow({
      apiKey: options.apiKey,
      baseUrl: options.baseUrl,
      fetch: viaMiddleware.fetch,
      middleware: [noop],
    })
    for (const client of [plain, withMiddleware]) {
      await client.users.create(NEW_USER, { idempotencyKey: 'same' })
      await client.users.retrieve(7)
      await client.users.list({ limit: 5, metadata: { crm: 'a b&c' } }).asResponse()
      await client.cases.update(3, { description: 'x/y?' }).asResponse()
    }
    expect(direct.seen).toHaveLength(4)
    expect(direct.seen).toEqual(viaMiddleware.seen)
    expect(direct.seen[2]?.url).toBe('https://api.example.com/v1/users?limit=5&metadata[crm]=a%20b%26c')
    expect(direct.seen[0]?.headers.find(([name]) => name === 'content-type')).toEqual([
      'content-type',
      'application/json',
    ])
  })

  it('a Content-Type of the caller’s own is sent once, as openapi-fetch merges it', async () => {
    const { seen, fetch } = recordingFetch()
    const client = new ImmigraFlow({ apiKey: 'sk_test_key', fetch, headers: { 'content-type': 'application/json' } })
    await client.users.create(NEW_USER)
    await client.users.retrieve(7, { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
    expect(seen.map((request) => request.headers.filter(([name]) => name === 'content-type'))).toEqual([
      [['content-type', 'application/json']],
      [['content-type', 'application/json; charset=utf-8']],
    ])
  })

  it('leaves a successful response’s body alone until the data is read', async () => {
    let bodyReads = 0
    class CountingResponse extends Response {
      override get body() {
        bodyReads++
        return super.body
      }
    }
    const fetch = async () =>
      new CountingResponse(JSON.stringify(USER), { status: 200, headers: { 'Content-Type': 'application/json' } })
    const client = new ImmigraFlow({ apiKey: 'sk_test_key', fetch })
    expect(await client.users.retrieve(7)).toEqual(USER)
    expect(bodyReads).toBe(0)
  })

  it('reads an error response’s body into the error, JSON or text', async () => {
    const answers = [
      json({ error: { code: 'not_found', message: 'No user 7', request_id: 'req_1' } }, 404),
      new Response('upstream went away', { status: 404 }),
    ]
    const client = new ImmigraFlow({ apiKey: 'sk_test_key', fetch: async () => answers.shift() as Response })
    await expect(client.users.retrieve(7)).rejects.toMatchObject({ code: 'not_found', message: '404 No user 7' })
    await expect(client.users.retrieve(7)).rejects.toMatchObject({ message: '404 upstream went away' })
  })

  it('gives middleware a Request that carries nothing of the SDK’s own, with the platform fetch too', async () => {
    const seen: string[][] = []
    // Answers in place of the server, so the platform fetch (no `fetch` option) is never reached.
    const answer: Middleware = {
      onRequest: ({ request }) => {
        seen.push(Object.keys(request))
        return json(USER)
      },
    }
    const client = new ImmigraFlow({ apiKey: 'sk_test_key', middleware: [answer] })
    expect(await client.users.retrieve(7)).toEqual(USER)
    await client.http.GET('/v1/users/{user_id}', { params: { path: { user_id: 7 } } })
    expect(seen).toEqual([[], []])
  })
})

describe('resource requests with the platform fetch', () => {
  let close: (() => Promise<void>) | undefined
  afterEach(async () => {
    await close?.()
    close = undefined
  })

  it('sends method, path, headers and body over the wire as openapi-fetch would', async () => {
    const received: Array<{ method?: string; url?: string; headers: IncomingMessage['headers']; body: string }> = []
    const server = createServer(async (req, res) => {
      let body = ''
      for await (const chunk of req) body += chunk
      received.push({ method: req.method, url: req.url, headers: req.headers, body })
      res.writeHead(req.method === 'POST' ? 201 : 200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(USER))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    close = () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const client = new ImmigraFlow({ apiKey: 'sk_test_key', baseUrl, telemetry: false })
    expect(await client.users.create(NEW_USER, { idempotencyKey: 'key-1' })).toEqual(USER)
    expect(await client.users.retrieve(7)).toEqual(USER)
    expect(received.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      { method: 'POST', url: '/v1/users', body: JSON.stringify(NEW_USER) },
      { method: 'GET', url: '/v1/users/7', body: '' },
    ])
    expect(received[0]?.headers).toMatchObject({
      'content-type': 'application/json',
      authorization: 'Bearer sk_test_key',
      'idempotency-key': 'key-1',
    })
  })
})
