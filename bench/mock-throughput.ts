import autocannon from 'autocannon'
import { interleaved, type Row, ratioRow, row } from './lib'
import { type ChildServer, startBenchServers } from './servers'

export const API_KEY = 'sk_bench_throughput'
export const HEADERS = { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' }

export type Route = { name: string; method: 'GET' | 'POST'; path: string; body?: string }

export const ROUTES: Route[] = [
  { name: 'GET /v1/users/{id}', method: 'GET', path: '/v1/users/1' },
  {
    name: 'POST /v1/check',
    method: 'POST',
    path: '/v1/check',
    body: JSON.stringify({ receipt_number: 'EAC2190012345' }),
  },
]

/** What went wrong in a load run, if anything: a throughput figure only counts when every answer was a 2xx. */
type Failures = { non2xx: number; errors: number; timeouts: number }

/** One autocannon run of `seconds` against `server` on `route`, with the benchmark's headers. */
export function load(
  server: ChildServer,
  route: Route,
  seconds: number,
  connections = 32,
): ReturnType<typeof autocannon> {
  return autocannon({
    url: `${server.url}${route.path}`,
    method: route.method,
    headers: HEADERS,
    body: route.body,
    connections,
    duration: seconds,
  })
}

/** Requests per second one autocannon run gets from `server` on `route`. */
async function requestsPerSecond(
  server: ChildServer,
  route: Route,
  seconds: number,
  connections: number,
  failures: Failures,
): Promise<number> {
  const result = await load(server, route, seconds, connections)
  failures.non2xx += result.non2xx
  failures.errors += result.errors
  failures.timeouts += result.timeouts
  return result.requests.total / result.duration
}

/** Makes user 1 exist in the mock, so `GET /v1/users/1` answers 200 as it does on Prism and the bare server. */
export async function seedMock(mock: ChildServer): Promise<void> {
  const response = await fetch(`${mock.url}/v1/users`, {
    method: 'POST',
    headers: HEADERS,
    body: JSON.stringify({ email: 'maria.lopez@example.com', name: 'María López', phone: '+14155550123' }),
  })
  if (response.status !== 201) throw new Error(`seeding the mock failed: ${response.status} ${await response.text()}`)
}

/**
 * Mock throughput: the standalone mock (the built CLI) vs `prism mock openapi.yaml` vs a bare
 * node:http server answering a fixed JSON body, each in its own child process, loaded by
 * autocannon from this process; runs interleaved per route.
 */
export async function mockThroughput({
  runs = 9,
  seconds = 2,
  warmupSeconds = 1,
  connections = 32,
} = {}): Promise<Row[]> {
  const servers = await startBenchServers(API_KEY)
  const [mock, prism, bare] = servers
  try {
    await seedMock(mock)
    const rows: Row[] = []
    for (const route of ROUTES) {
      const failures = { mock: zero(), prism: zero(), bare: zero() }
      const subjects = {
        mock: () => requestsPerSecond(mock, route, seconds, connections, failures.mock),
        prism: () => requestsPerSecond(prism, route, seconds, connections, failures.prism),
        bare: () => requestsPerSecond(bare, route, seconds, connections, failures.bare),
      }
      // Warm-up: JIT in every server, keep-alive sockets, Prism's first-request compilation.
      for (const server of servers) await requestsPerSecond(server, route, warmupSeconds, connections, zero())
      const results = await interleaved(subjects, runs)
      const bench = `mock throughput ${route.name}`
      const failed = (name: keyof typeof failures) => describeFailures(failures[name])
      rows.push(
        note(row(bench, 'bare node:http, fixed body', results.bare, 'req/s'), failed('bare')),
        note(row(bench, 'prism mock', results.prism, 'req/s'), failed('prism')),
        note(
          ratioRow(
            bench,
            'immigraflow-mock',
            results.mock,
            'req/s',
            { name: 'prism', runs: results.prism },
            { min: 25 },
          ),
          failed('mock'),
        ),
        note(
          ratioRow(
            bench,
            'immigraflow-mock',
            results.mock,
            'req/s',
            { name: 'bare node', runs: results.bare },
            { min: 0.4 },
          ),
          failed('mock'),
        ),
      )
    }
    return rows
  } finally {
    await Promise.all(servers.map((server) => server.close()))
  }
}

const zero = (): Failures => ({ non2xx: 0, errors: 0, timeouts: 0 })

function describeFailures({ non2xx, errors, timeouts }: Failures): string | undefined {
  if (non2xx + errors + timeouts === 0) return undefined
  return `not all answers were 2xx: ${non2xx} non-2xx, ${errors} errors, ${timeouts} timeouts`
}

/** Attaches a warning to a row; a comparison built on failed answers does not count as met. */
function note(target: Row, text: string | undefined): Row {
  if (!text) return target
  target.notes = [...(target.notes ?? []), text]
  if (target.ratio?.met) target.ratio.met = false
  return target
}
