/**
 * `fetchOptions` reach fetch as its second argument; over real sockets, undici's `dispatcher`
 * sends calls through a forward proxy on loopback.
 */
import { createServer, type Server } from 'node:http'
import { type AddressInfo, connect, type Socket } from 'node:net'
import { ProxyAgent } from 'undici'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nodeClient } from '../../examples/proxy'
import { type RunningMockServer, startMockServer } from '../../mocks/server'
import { ImmigraFlow } from '../../src'
import { json, stubFetch, USER } from '../helpers/stub-fetch'

/**
 * A forward proxy that tunnels HTTP CONNECT (what undici's ProxyAgent sends) and records each
 * tunnel's target. Small enough to read; a proxy package would add nothing the test needs.
 */
async function tunnellingProxy() {
  const tunnels: string[] = []
  const sockets = new Set<Socket>()
  const server: Server = createServer((_req, res) => res.writeHead(405).end())
  server.on('connect', (req, client: Socket, head: Buffer) => {
    tunnels.push(req.url ?? '')
    const [host, port] = (req.url ?? '').split(':')
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
    }
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

let cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  vi.unstubAllEnvs()
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups = []
})

describe('fetchOptions', () => {
  it('hands the client fetchOptions to fetch beside the attempt signal, on every attempt', async () => {
    const seen: Array<RequestInit | undefined> = []
    const { fetch } = stubFetch(json(USER), json(USER))
    const sdk = new ImmigraFlow({
      apiKey: 'k',
      logLevel: 'off',
      fetchOptions: { keepalive: true, cache: 'no-store' },
      fetch: (request, init) => {
        seen.push(init)
        return fetch(request)
      },
    })
    await sdk.users.retrieve(7)
    await sdk.http.GET('/v1/users/{user_id}', { params: { path: { user_id: 7 } } })
    expect(seen).toHaveLength(2)
    for (const init of seen) {
      expect(init).toMatchObject({ keepalive: true, cache: 'no-store' })
      expect(init?.signal).toBeInstanceOf(AbortSignal)
      // A wrapper that spreads init passes the signal on.
      expect({ ...init }.signal).toBe(init?.signal)
    }
  })

  it('lets a call replace the client fetchOptions', async () => {
    const seen: Array<RequestInit | undefined> = []
    const { fetch } = stubFetch(json(USER))
    const sdk = new ImmigraFlow({
      apiKey: 'k',
      logLevel: 'off',
      fetchOptions: { keepalive: true },
      fetch: (request, init) => {
        seen.push(init)
        return fetch(request)
      },
    })
    await sdk.users.retrieve(7, { fetchOptions: { cache: 'reload' } })
    expect(seen[0]?.cache).toBe('reload')
    expect(seen[0]?.keepalive).toBeUndefined()
  })

  it('aborts the signal it handed fetch when the attempt times out', async () => {
    const signals: AbortSignal[] = []
    const sdk = new ImmigraFlow({
      apiKey: 'k',
      logLevel: 'off',
      timeout: 20,
      maxRetries: 0,
      fetch: (_request, init) =>
        new Promise<Response>((_resolve, reject) => {
          const signal = init?.signal as AbortSignal
          signals.push(signal)
          signal.addEventListener('abort', () => reject(signal.reason))
        }),
    })
    await expect(sdk.users.retrieve(7)).rejects.toThrow(/timed out after 20 ms/)
    expect(signals[0]?.aborted).toBe(true)
  })

  it('sends real calls through a forward proxy given as an undici dispatcher', async () => {
    const mock: RunningMockServer = await startMockServer({ apiKey: 'sk_test_proxy' })
    cleanups.push(() => mock.close())
    const proxy = await tunnellingProxy()
    cleanups.push(() => proxy.close())
    const dispatcher = new ProxyAgent(proxy.url)
    cleanups.push(() => dispatcher.close())

    const sdk = new ImmigraFlow({
      apiKey: 'sk_test_proxy',
      baseUrl: mock.url,
      logLevel: 'off',
      fetchOptions: { dispatcher },
    })
    const user = await sdk.users.create({ email: 'maria@example.com', name: 'María' })
    expect(await sdk.users.retrieve(user.id)).toEqual(user)
    const { host } = new URL(mock.url)
    expect(proxy.tunnels.length).toBeGreaterThanOrEqual(1)
    expect(new Set(proxy.tunnels)).toEqual(new Set([host]))

    // The same client without the dispatcher goes direct: the proxy sees nothing more.
    const tunnelsSoFar = proxy.tunnels.length
    await sdk.withOptions({ fetchOptions: {} }).users.retrieve(user.id)
    expect(proxy.tunnels).toHaveLength(tunnelsSoFar)
  })

  it("works as the README's Node recipe shows it", async () => {
    const mock = await startMockServer({ apiKey: 'sk_test_recipe' })
    cleanups.push(() => mock.close())
    const proxy = await tunnellingProxy()
    cleanups.push(() => proxy.close())
    vi.stubEnv('IMMIGRAFLOW_API_KEY', 'sk_test_recipe')
    vi.stubEnv('IMMIGRAFLOW_BASE_URL', mock.url)
    const page = await nodeClient(proxy.url).users.list()
    expect(page.total).toBe(0)
    expect(proxy.tunnels).toEqual([new URL(mock.url).host])
  })
})
