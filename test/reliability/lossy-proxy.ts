/**
 * An HTTP proxy that loses answers. For a seeded share of requests it forwards the request,
 * waits for the upstream's complete answer (so the upstream has done the work), then destroys
 * the client's socket instead of answering: to the client, a connection reset after the fact.
 * A reset by the upstream is passed on as a reset. It records every exchange, with the time the
 * request arrived, so tests can see retries from the server's side.
 *
 * The mock's own `fault=reset` drops the connection before any handler runs (mocks/faults.ts),
 * so it never shows whether a retried POST whose first answer was lost is replayed or executed
 * twice; this proxy does.
 */
import { Agent, createServer, request as sendUpstream } from 'node:http'
import type { AddressInfo } from 'node:net'
import { nextRandom, seedState } from '../../mocks/random'

export interface ProxiedExchange {
  method: string
  path: string
  /** `performance.now()` when the request had fully arrived. */
  arrivedAt: number
  /** The upstream's status, or null when the upstream reset the connection. */
  status: number | null
  /** Whether the upstream's answer was thrown away and the client's connection destroyed. */
  dropped: boolean
}

export interface LossyProxy {
  url: string
  exchanges: ProxiedExchange[]
  close(): Promise<void>
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length'])

export async function startLossyProxy(options: {
  upstream: string
  /** Share (0–1) of the droppable answers that are dropped. */
  dropRate?: number
  /** Which upstream statuses may be dropped; all by default. */
  droppable?: (status: number) => boolean
  seed?: number
}): Promise<LossyProxy> {
  const droppable = options.droppable ?? (() => true)
  const random = seedState(options.seed ?? 1, 'lossy-proxy')
  const dropRate = options.dropRate ?? 0
  const exchanges: ProxiedExchange[] = []
  // A fresh upstream connection per request: a reused idle socket the upstream just closed would
  // look like a reset the upstream never made.
  const agent = new Agent({ keepAlive: false })
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const exchange: ProxiedExchange = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        arrivedAt: performance.now(),
        status: null,
        dropped: false,
      }
      exchanges.push(exchange)
      const headers = { ...req.headers }
      delete headers.host
      delete headers.connection
      const upstream = sendUpstream(
        `${options.upstream}${exchange.path}`,
        { method: exchange.method, headers, agent },
        (answer) => {
          const body: Buffer[] = []
          answer.on('data', (chunk: Buffer) => body.push(chunk))
          answer.on('error', () => req.socket.destroy())
          answer.on('end', () => {
            exchange.status = answer.statusCode ?? 0
            if (droppable(exchange.status) && nextRandom(random) < dropRate) {
              exchange.dropped = true
              req.socket.destroy()
              return
            }
            const payload = Buffer.concat(body)
            const outgoing: Record<string, string | string[]> = { 'content-length': String(payload.length) }
            for (const [name, value] of Object.entries(answer.headers)) {
              if (value !== undefined && !HOP_BY_HOP.has(name)) outgoing[name] = value
            }
            res.writeHead(exchange.status, outgoing)
            res.end(payload)
          })
        },
      )
      upstream.on('error', () => req.socket.destroy())
      upstream.end(Buffer.concat(chunks))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
        agent.destroy()
      }),
  }
}
