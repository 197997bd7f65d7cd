/**
 * The client without a `fetch` option sends through `globalThis.fetch`, looked up per call, with
 * the call's signal inside the Request. These tests run that path over real sockets: the signal
 * must reach the connection for timeouts and aborts, also through a wrapper of the global fetch
 * that forwards only the Request.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { APIConnectionTimeoutError, APIUserAbortError, ImmigraFlow } from '../../src'
import { USER } from '../helpers/stub-fetch'

type Held = { req: IncomingMessage; res: ServerResponse; closed: Promise<void> }

/** A server that holds every request until the test answers it, and tells when one arrives. */
async function holdingServer() {
  const held: Held[] = []
  const waiters: Array<{ count: number; resolve: () => void }> = []
  const server = createServer((req, res) => {
    const closed = new Promise<void>((resolve) => res.once('close', resolve))
    held.push({ req, res, closed })
    for (const waiter of waiters.filter((w) => held.length >= w.count)) waiter.resolve()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held,
    /** Resolves once `count` requests have arrived. */
    received: (count: number) =>
      held.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** What a call rejects with, or 'answered'; awaited later, so the test can move the clock meanwhile. */
const rejection = (call: PromiseLike<unknown>) =>
  Promise.resolve(call).then(
    () => 'answered',
    (error: unknown) => error,
  )

let server: Awaited<ReturnType<typeof holdingServer>> | undefined

beforeAll(async () => {
  // Input checking loads the zod schemas lazily; load them before the clock is faked.
  await import('../../src/generated/sdk-operations')
})
afterEach(async () => {
  vi.useRealTimers()
  await server?.close()
  server = undefined
})

const clientOf = (baseUrl: string, options = {}) =>
  new ImmigraFlow({ apiKey: 'sk_test_default_fetch', baseUrl, logLevel: 'off', ...options })

describe('the default fetch over real sockets', () => {
  it('answers a call, sending the key and the call headers', async () => {
    server = await holdingServer()
    const call = clientOf(server.url).users.retrieve(7, { headers: { 'X-Trace': 'abc' } })
    await server.received(1)
    const { req, res } = server.held[0] as Held
    expect(req.headers).toMatchObject({ authorization: 'Bearer sk_test_default_fetch', 'x-trace': 'abc' })
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(USER))
    expect(await call).toEqual(USER)
  })

  it('closes the connection of an attempt that timed out, retries it, and reports the timeout', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    server = await holdingServer()
    const call = clientOf(server.url, { timeout: 1_000, maxRetries: 1 }).users.retrieve(7)
    const outcome = rejection(call)
    await server.received(1)
    await vi.advanceTimersByTimeAsync(1_000)
    await server.held[0]?.closed
    // The retry waits its backoff (at most 0.5 s), then goes out on a new attempt.
    await vi.advanceTimersByTimeAsync(500)
    await server.received(2)
    await vi.advanceTimersByTimeAsync(1_000)
    await server.held[1]?.closed
    const error = await outcome
    expect(error).toBeInstanceOf(APIConnectionTimeoutError)
    expect((error as Error).message).toContain('timed out after 1000 ms (2 attempts)')
    expect(server.held).toHaveLength(2)
  })

  it('closes the connection when the caller aborts a call in flight, and does not retry', async () => {
    server = await holdingServer()
    const controller = new AbortController()
    const call = clientOf(server.url).users.create(
      { email: 'maria@example.com', name: 'María' },
      { signal: controller.signal },
    )
    const outcome = rejection(call)
    await server.received(1)
    controller.abort()
    await server.held[0]?.closed
    expect(await outcome).toBeInstanceOf(APIUserAbortError)
    expect(server.held).toHaveLength(1)
  })

  it('keeps timeouts working through a wrapper of the global fetch that forwards only the Request', async () => {
    server = await holdingServer()
    const platformFetch = globalThis.fetch
    const seen: Request[] = []
    vi.stubGlobal('fetch', (request: Request) => {
      seen.push(request)
      return platformFetch(request)
    })
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const call = clientOf(server.url, { timeout: 1_000, maxRetries: 0 }).users.retrieve(7)
      const outcome = rejection(call)
      await server.received(1)
      await vi.advanceTimersByTimeAsync(1_000)
      await server.held[0]?.closed
      expect(await outcome).toBeInstanceOf(APIConnectionTimeoutError)
      expect(seen).toHaveLength(1)
      expect(seen[0]?.signal.aborted).toBe(true)
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
