import { existsSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** One measured figure of the benchmark table. */
export type Row = {
  bench: string
  subject: string
  /** The median of the runs, in `unit`. */
  median: number
  unit: string
  /** Each run's figure, in run order. */
  runs: number[]
  /**
   * The comparison this row is judged by, e.g. "1.04× raw fetch": the median of the per-round
   * ratios when both sides ran in the same rounds (see `ratioOf`).
   */
  ratio?: { value: number; against: string; target?: string; met?: boolean }
  /** An absolute target for a row without a comparison, e.g. "0 importKey calls". */
  goal?: { target: string; met: boolean }
  /** Warnings about how the figure was obtained (e.g. non-2xx answers under load). */
  notes?: string[]
}

/**
 * Imports a file of the built package (`dist/…`), as users run it: `npm run bench` builds first.
 * Typed by the caller with the matching source module, so type-checking never needs `dist/`.
 */
export async function importBuilt<T>(file: string): Promise<T> {
  const path = fileURLToPath(new URL(`../dist/${file}`, import.meta.url))
  if (!existsSync(path)) throw new Error(`${path} does not exist: run \`npm run build\` first (npm run bench does).`)
  return (await import(pathToFileURL(path).href)) as T
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/**
 * Runs each subject `runs` times, interleaved, so that a noisy moment of the shared machine hurts
 * every subject alike, and returns each subject's per-run figures (index = round). The order of
 * each round comes from a balanced Latin square (`balancedOrders`): over a cycle of rounds every
 * subject runs in every position and right after every other subject equally often. In one fixed
 * order, a subject would always follow the same other one and pay for what it left behind (its
 * garbage and finalizers, a server's log still draining).
 */
export async function interleaved<K extends string>(
  subjects: Record<K, () => Promise<number>>,
  runs: number,
): Promise<Record<K, number[]>> {
  const keys = Object.keys(subjects) as K[]
  const orders = balancedOrders(keys.length)
  const results = Object.fromEntries(keys.map((key) => [key, [] as number[]])) as Record<K, number[]>
  for (let run = 0; run < runs; run++) {
    for (const index of orders[run % orders.length] as number[]) {
      const key = keys[index] as K
      results[key].push(await subjects[key]())
    }
  }
  return results
}

/**
 * The orders of a balanced Latin square (Williams' design) for `n` subjects: `n` orders when `n`
 * is even, `2n` when it is odd (each order then also run backwards). Across them every subject
 * takes every position, and every subject runs directly after every other one, equally often.
 */
export function balancedOrders(n: number): number[][] {
  if (n <= 1) return [[0].slice(0, n)]
  // 0, 1, n−1, 2, n−2, …: the differences between neighbours are all distinct modulo n.
  const first = [0]
  for (let low = 1, high = n - 1, k = 1; k < n; k++) first.push(k % 2 === 1 ? low++ : high--)
  const orders = first.map((_, shift) => first.map((index) => (index + shift) % n))
  return n % 2 === 0 ? orders : [...orders, ...orders.map((order) => [...order].reverse())]
}

/** Mean microseconds per call of `n` sequential calls. */
export async function microsPerCall(n: number, call: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint()
  for (let i = 0; i < n; i++) await call()
  return Number(process.hrtime.bigint() - start) / 1_000 / n
}

/** Starts a node:http server on a loopback port 0; `close()` stops it. */
export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const server = createServer(handler)
  server.keepAliveTimeout = 60_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A plain row: the median of `runs`. */
export function row(bench: string, subject: string, runs: number[], unit: string): Row {
  return { bench, subject, median: median(runs), unit, runs }
}

/**
 * The ratio of `runs` to `against`: with as many runs on each side (runs of one `interleaved`
 * call), the median of the per-round ratios, so that the machine's drift between rounds cancels
 * out; otherwise the ratio of the two medians.
 */
export function ratioOf(runs: number[], against: number[]): number {
  if (runs.length === against.length && runs.length > 0) {
    return median(runs.map((value, round) => value / (against[round] as number)))
  }
  return median(runs) / median(against)
}

/**
 * A row comparing `subject` with `against` (lower is better for times). The ratio is `ratioOf`;
 * when the ratio of the two medians falls on the other side of the target, a note says so.
 */
export function ratioRow(
  bench: string,
  subject: string,
  runs: number[],
  unit: string,
  against: { name: string; runs: number[] },
  target?: { max?: number; min?: number },
): Row {
  const value = ratioOf(runs, against.runs)
  const row: Row = { bench, subject, median: median(runs), unit, runs, ratio: { value, against: against.name } }
  if (target && row.ratio) {
    const meets = (ratio: number) => (target.max !== undefined ? ratio <= target.max : ratio >= (target.min ?? 0))
    row.ratio.target = target.max !== undefined ? `≤ ${target.max}×` : `≥ ${target.min}×`
    row.ratio.met = meets(value)
    const ofMedians = median(runs) / median(against.runs)
    if (meets(ofMedians) !== row.ratio.met) {
      row.notes = [
        `the ratio of the two medians, ${ofMedians.toFixed(3)}×, would ${meets(ofMedians) ? 'meet' : 'miss'} the target`,
      ]
    }
  }
  return row
}

/** A User as the API answers it: the fixed body of every benchmark's stand-in server. */
export const USER_JSON = JSON.stringify({
  id: 1,
  email: 'maria.lopez@example.com',
  name: 'María López',
  phone: '+14155550123',
  notify_by_email: true,
  notify_by_whatsapp: true,
  status: 'active',
  created_at: '2026-03-01T09:30:00.000Z',
  updated_at: '2026-03-01T09:41:12.345Z',
})

/** The body of the `users.create` calls the SDK CPU benchmarks make. */
export const NEW_USER = { email: 'maria.lopez@example.com', name: 'María López', notify_by_email: true }

/** The headers the stand-ins answer `USER_JSON` with. */
export const USER_HEADERS = { 'Content-Type': 'application/json', 'X-Request-Id': 'req_bench' }

/** A fetch with no network: it answers every request with the same User at once (201 to a POST). */
export const constantFetch = async (request: Request, _init?: RequestInit): Promise<Response> =>
  new Response(USER_JSON, { status: request.method === 'POST' ? 201 : 200, headers: USER_HEADERS })

/** CPU microseconds (user + system) per call of `n` sequential calls. */
export async function cpuMicrosPerCall(n: number, call: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage()
  for (let i = 0; i < n; i++) await call()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / n
}
