/**
 * The standalone server's bytes on the wire, read off a raw socket: what a fetch client would
 * smooth over (how a request body is framed, how a header's bytes come back).
 */
import { connect, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { type RunningMockServer, startMockServer } from '../../mocks/server'

/** Sends `requests` (raw bytes) on one connection and resolves with every byte answered, once `count` responses came. */
function exchange(url: string, requests: Buffer, count: number): Promise<Buffer> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(Number(port), hostname)
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      const text = Buffer.concat(chunks).toString('latin1')
      if (responses(text).length >= count) {
        socket.end()
        resolve(Buffer.concat(chunks))
      }
    })
    socket.on('error', reject)
    socket.on('close', () =>
      reject(new Error(`the connection closed after: ${Buffer.concat(chunks).toString('latin1')}`)),
    )
    socket.write(requests)
  })
}

/** The complete responses in `text` (heads with a Content-Length, and their bodies; a chunked body reads as more responses). */
function responses(text: string): Array<{ head: string; body: string }> {
  const found: Array<{ head: string; body: string }> = []
  let rest = text
  for (;;) {
    const end = rest.indexOf('\r\n\r\n')
    if (end === -1) return found
    const head = rest.slice(0, end)
    const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0)
    if (rest.length < end + 4 + length) return found
    found.push({ head, body: rest.slice(end + 4, end + 4 + length) })
    rest = rest.slice(end + 4 + length)
  }
}

const AUTH = 'Authorization: Bearer sk_test_wire\r\n'

describe('standalone server on the wire', () => {
  let server: RunningMockServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  it('reads a body sent with a GET (Content-Length or chunked) off the connection, so the next request on it is answered', async () => {
    server = await startMockServer({ port: 0 })
    const requests = Buffer.from(
      `GET /v1/users?limit=1 HTTP/1.1\r\nHost: x\r\n${AUTH}Content-Length: 5\r\n\r\nhello` +
        `GET /v1/users?limit=2 HTTP/1.1\r\nHost: x\r\n${AUTH}Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n` +
        `GET /v1/users?limit=3 HTTP/1.1\r\nHost: x\r\n${AUTH}\r\n`,
      'latin1',
    )
    const answered = responses((await exchange(server.url, requests, 3)).toString('latin1'))
    expect(answered.map(({ head }) => head.split('\r\n')[0])).toEqual([
      'HTTP/1.1 200 OK',
      'HTTP/1.1 200 OK',
      'HTTP/1.1 200 OK',
    ])
    expect(server.api.requests.map((entry) => entry.query)).toEqual(['?limit=1', '?limit=2', '?limit=3'])
  })

  it.each([
    ['a path outside the API', 'GET /nope HTTP/1.1\r\n', 404],
    ['an invalid session name', 'GET /v1/users HTTP/1.1\r\nX-Mock-Session: bad name\r\n', 422],
    ['a control route', 'GET /__mock/health HTTP/1.1\r\n', 200],
  ])('sends back a caller X-Request-Id byte for byte on %s', async (_, start, status) => {
    server = await startMockServer({ port: 0 })
    const request = Buffer.from(`${start}Host: x\r\n${AUTH}X-Request-Id: req-caf\xe9\r\n\r\n`, 'latin1')
    const head = (await exchange(server.url, request, 1)).toString('latin1').split('\r\n\r\n')[0] as string
    expect(head.split('\r\n')[0]).toContain(` ${status} `)
    expect(head).toMatch(/\r\nx-request-id: req-caf\xe9\r\n/i)
  })

  it('sends back a caller X-Request-Id byte for byte, and counts a UTF-8 body in bytes', async () => {
    server = await startMockServer({ port: 0 })
    const body = JSON.stringify({ email: 'maria@example.com', name: 'María López' })
    const create = Buffer.concat([
      Buffer.from(
        `POST /v1/users HTTP/1.1\r\nHost: x\r\n${AUTH}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: req-caf\xe9\r\n\r\n`,
        'latin1',
      ),
      Buffer.from(body),
    ])
    const raw = await exchange(server.url, create, 1)
    const end = raw.indexOf('\r\n\r\n')
    const head = raw.subarray(0, end).toString('latin1')
    // One byte 0xE9, as it came: not the two bytes of its UTF-8 form.
    expect(head).toMatch(/\r\nx-request-id: req-caf\xe9\r\n/i)
    const answer = raw.subarray(end + 4)
    expect(Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1])).toBe(answer.length)
    expect(JSON.parse(answer.toString('utf8'))).toMatchObject({ name: 'María López' })
  })
})
