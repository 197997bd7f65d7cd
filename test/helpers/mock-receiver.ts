/** Webhook receivers for mock tests: a fetch stub (in-process) and a real node:http server (port 0). */
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Received {
  url: string
  headers: Record<string, string>
  body: string
}

/** A `fetch` for the mock's `fetch` option that records each delivery and answers with `respond(n)` (n from 1). */
export function stubFetch(respond: (attempt: number, received: Received) => number | Error = () => 200) {
  const received: Received[] = []
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {}
    new Headers(init?.headers).forEach((value, name) => {
      headers[name] = value
    })
    const item = { url: String(input), headers, body: String(init?.body) }
    received.push(item)
    const answer = respond(received.length, item)
    if (answer instanceof Error) throw answer
    return new Response(null, { status: answer })
  }
  return { fetch: fetch as typeof globalThis.fetch, received }
}

/** A real HTTP receiver on 127.0.0.1:0 recording raw bodies and headers. */
export async function startReceiver(status = 200) {
  const received: Array<{ headers: IncomingHttpHeaders; raw: Buffer }> = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      received.push({ headers: req.headers, raw: Buffer.concat(chunks) })
      res.writeHead(status).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/**
 * A webhook receiver (a `fetch` for `createMockApi({ fetch })`) that holds every delivery until
 * `release()` and then answers `status`. `delivering` resolves when the first attempt arrives;
 * `sent` lists the URL of each attempt.
 */
export function heldReceiverFetch(status: number) {
  let release!: () => void
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  let arrived!: () => void
  const delivering = new Promise<void>((resolve) => {
    arrived = resolve
  })
  const sent: string[] = []
  const fetch = async (input: string | URL | Request): Promise<Response> => {
    sent.push(String(input))
    arrived()
    await gate
    return new Response(null, { status })
  }
  return { fetch: fetch as typeof globalThis.fetch, release, delivering, sent }
}
