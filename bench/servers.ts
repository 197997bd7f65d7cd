/**
 * Servers under test, each in its own child process so that the load generator (autocannon, in
 * the bench process) never shares a thread with the server it measures.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { startPrism } from '../test/helpers/prism'
import { USER_JSON } from './lib'

/** A server running in a child process; `close()` stops it and waits for it to exit. */
export type ChildServer = { name: string; url: string; pid: number | undefined; close: () => Promise<void> }

/** The fixed body the bare server answers: a User, as the mock and Prism answer for `GET /v1/users/{id}`. */

// The floor: node:http answering every request with the same JSON, after reading the request body.
const BARE_SERVER = `
const { createServer } = require('node:http')
const body = Buffer.from(${JSON.stringify(USER_JSON)})
const headers = { 'Content-Type': 'application/json', 'Content-Length': String(body.length), 'X-Request-Id': 'req_bare' }
const server = createServer((req, res) => {
  req.resume()
  req.on('end', () => { res.writeHead(200, headers); res.end(body) })
})
server.keepAliveTimeout = 60000
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port))
`

const MOCK_CLI = fileURLToPath(new URL('../dist/bin/immigraflow-mock.js', import.meta.url))

/** Spawns `node ...args` and resolves once its output contains a URL matched by `ready`. */
function spawnServer(name: string, args: string[], ready: RegExp): Promise<ChildServer> {
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let output = ''
  return new Promise<ChildServer>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${name} did not start within 30 s:\n${output}`))
    }, 30_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = ready.exec(output)
      if (!match) return
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      child.stderr?.off('data', onData)
      // Keep draining the pipes so a chatty child never blocks on a full pipe.
      child.stdout?.resume()
      child.stderr?.resume()
      resolve({
        name,
        url: match[1] as string,
        pid: child.pid,
        close: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
          await exited
        },
      })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${name} exited with ${code} before listening:\n${output}`))
    })
  })
}

/** node:http answering a fixed JSON body. */
export function startBareServer(): Promise<ChildServer> {
  return spawnServer('bare node:http', ['-e', BARE_SERVER], /listening on (http:\/\/\S+)/)
}

/** The standalone mock as users run it: the built `immigraflow-mock` CLI (run `npm run build` first). */
export function startMockCli(apiKey: string): Promise<ChildServer> {
  return spawnServer(
    'immigraflow-mock',
    [MOCK_CLI, '--port', '0', '--host', '127.0.0.1', '--api-key', apiKey],
    /listening on (http:\/\/\S+)/,
  )
}

/** `prism mock openapi.yaml` (the pinned dev dependency). */
export async function startPrismMock(): Promise<ChildServer> {
  // One process, as the mock and the bare server: Prism forks its HTTP server into a second
  // process by default when NODE_ENV is "production", whose CPU time this process would not show.
  const prism = await startPrism('mock', { extraArgs: ['--no-multiprocess'] })
  return { name: 'prism mock', url: prism.url, pid: prism.pid, close: prism.close }
}

/**
 * The three servers of the throughput benchmarks: the mock (its API key `apiKey`), Prism and the
 * bare server. If one fails to start, those that did are stopped before the error is thrown.
 */
export async function startBenchServers(apiKey: string): Promise<[ChildServer, ChildServer, ChildServer]> {
  const started = await Promise.allSettled([startMockCli(apiKey), startPrismMock(), startBareServer()])
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
  const failed = started.find((result) => result.status === 'rejected')
  if (failed) {
    await Promise.all(servers.map((server) => server.close()))
    throw failed.reason
  }
  return servers as [ChildServer, ChildServer, ChildServer]
}
