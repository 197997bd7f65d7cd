/**
 * `npm run bench:server-cpu`: the CPU time each server process spends per request (the mock, Prism
 * and the bare node:http server of the throughput benchmark, each one process) for the routes of
 * that benchmark, under the same full load as the throughput benchmark (32 keep-alive
 * connections). Throughput also depends on how the load generator and the server share the
 * machine's cores (a server waiting for the load generator is idle, not slow); the CPU time it
 * spent per request shows what its own work costs. At a low fixed rate the figure would mostly be
 * what a server does between requests (timers, idle-time garbage collection), spread over few
 * requests. Reads the CPU time from /proc/<pid>/stat, so it runs on Linux only. Not part of
 * `npm run bench`; see bench/README.md.
 */
import { readFileSync } from 'node:fs'
import { interleaved, median, ratioOf } from './lib'
import { API_KEY, load, ROUTES, type Route, seedMock } from './mock-throughput'
import { type ChildServer, startBenchServers } from './servers'

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100
const RUNS = 6
const SECONDS = 4

function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // After the command name, which may hold anything (so split after its last ")"): the state is
  // field 3, utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
}

/** One run: µs of the server's CPU per request; the rate the run reached goes to `rates`. */
async function microsPerRequest(server: ChildServer, route: Route, rates: number[]): Promise<number> {
  if (server.pid === undefined) throw new Error(`${server.name} has no process id`)
  const before = cpuSeconds(server.pid)
  const result = await load(server, route, SECONDS)
  const used = cpuSeconds(server.pid) - before
  if (result.non2xx + result.errors + result.timeouts > 0) {
    throw new Error(`${server.name} ${route.name}: not every answer was a 2xx`)
  }
  rates.push(result.requests.total / result.duration)
  return (used * 1e6) / result.requests.total
}

if (process.platform !== 'linux') throw new Error('bench/server-cpu.ts reads /proc and runs on Linux only.')
const [mock, prism, bare] = await startBenchServers(API_KEY)
const servers = { mock, prism, bare }
try {
  await seedMock(mock)
  for (const route of ROUTES) {
    let rates = { mock: [] as number[], prism: [] as number[], bare: [] as number[] }
    const subjects = {
      mock: () => microsPerRequest(mock, route, rates.mock),
      prism: () => microsPerRequest(prism, route, rates.prism),
      bare: () => microsPerRequest(bare, route, rates.bare),
    }
    await interleaved(subjects, 1)
    rates = { mock: [], prism: [], bare: [] }
    const cpu = await interleaved(subjects, RUNS)
    console.log(`${route.name}: server CPU per request, medians of ${RUNS} runs of ${SECONDS} s`)
    for (const name of ['mock', 'prism', 'bare'] as const) {
      const figure = `${median(cpu[name]).toFixed(1).padStart(7)} µs at ${median(rates[name]).toFixed(0)} req/s`
      console.log(`  ${servers[name].name.padEnd(18)} ${figure}`)
    }
    console.log(
      `  prism ÷ mock ${ratioOf(cpu.prism, cpu.mock).toFixed(1)}×, mock ÷ bare ${ratioOf(cpu.mock, cpu.bare).toFixed(2)}× (medians of per-round ratios)`,
    )
  }
} finally {
  await Promise.all(Object.values(servers).map((server) => server.close()))
}
