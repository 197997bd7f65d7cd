/**
 * `npm run bench:server-cpu`: the CPU time each server process spends per request, at the same
 * fixed request rate for the mock and the bare server and a lower one for Prism (which cannot
 * keep up with more), for the routes of the throughput benchmark. Throughput under full load also
 * depends on how the load generator shares the machine's cores with the server; CPU per request
 * does not, so it shows what each server's own work costs. Reads the child's CPU time from
 * /proc/<pid>/stat, so it runs on Linux only. Not part of `npm run bench`; see bench/README.md.
 */
import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'
import { median } from './lib'
import { API_KEY, HEADERS, ROUTES, seedMock } from './mock-throughput'
import { type ChildServer, startBareServer, startMockCli, startPrismMock } from './servers'

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100
const RUNS = 5
const SECONDS = 4

function cpuSeconds(pid: number): number {
  // Fields after the command name (which may hold spaces, hence the split on ") "): utime and stime are 14 and 15.
  const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] as string).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
}

async function microsPerRequest(server: ChildServer, route: (typeof ROUTES)[number], rate: number): Promise<number> {
  if (server.pid === undefined) throw new Error(`${server.name} has no process id`)
  const load = (seconds: number) =>
    autocannon({
      url: `${server.url}${route.path}`,
      method: route.method,
      headers: HEADERS,
      body: route.body,
      connections: 8,
      duration: seconds,
      overallRate: rate,
    })
  const before = cpuSeconds(server.pid)
  const result = await load(SECONDS)
  const used = cpuSeconds(server.pid) - before
  if (result.non2xx + result.errors + result.timeouts > 0) {
    throw new Error(`${server.name} ${route.name}: not every answer was a 2xx`)
  }
  return (used * 1e6) / result.requests.total
}

if (process.platform !== 'linux') throw new Error('bench/server-cpu.ts reads /proc and runs on Linux only.')
const servers = await Promise.all([startMockCli(API_KEY), startPrismMock(), startBareServer()])
const [mock, prism, bare] = servers
try {
  await seedMock(mock)
  for (const route of ROUTES) {
    const rates = new Map([
      [mock, 4000],
      [prism, 300],
      [bare, 4000],
    ])
    const figures = new Map<ChildServer, number[]>(servers.map((server) => [server, []]))
    // Warm-up, then rounds with the servers in turn.
    for (const server of servers) await microsPerRequest(server, route, rates.get(server) as number)
    for (let run = 0; run < RUNS; run++) {
      for (const server of servers)
        figures.get(server)?.push(await microsPerRequest(server, route, rates.get(server) as number))
    }
    const cpu = (server: ChildServer) => median(figures.get(server) as number[])
    console.log(`${route.name}: server CPU per request, medians of ${RUNS} runs of ${SECONDS} s`)
    for (const server of servers) {
      console.log(`  ${server.name.padEnd(18)} ${cpu(server).toFixed(1).padStart(7)} µs at ${rates.get(server)} req/s`)
    }
    console.log(
      `  prism ÷ mock ${(cpu(prism) / cpu(mock)).toFixed(1)}×, mock ÷ bare ${(cpu(mock) / cpu(bare)).toFixed(2)}×`,
    )
  }
} finally {
  await Promise.all(servers.map((server) => server.close()))
}
