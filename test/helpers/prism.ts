import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { specPath } from './spec'

const require = createRequire(import.meta.url)
const PRISM_CLI = require.resolve('@stoplight/prism-cli/dist/index.js')

/** A free loopback port, found by letting the OS pick one for a moment. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

/** A running Prism process. */
export type PrismServer = { url: string; pid: number | undefined; output: () => string; close: () => Promise<void> }

/**
 * Starts Prism (the pinned dev dependency) on a free port: `mock` serves openapi.yaml's
 * examples, `proxy` forwards to `upstream` and validates both directions. Resolves once Prism
 * says it is listening; `close()` stops it and waits for it to exit.
 */
export async function startPrism(
  mode: 'mock' | 'proxy',
  options: { upstream?: string; extraArgs?: string[] } = {},
): Promise<PrismServer> {
  const port = await freePort()
  const args = [PRISM_CLI, mode, specPath]
  if (mode === 'proxy') {
    if (!options.upstream) throw new Error('proxy mode needs an upstream URL')
    args.push(options.upstream, '--errors')
  }
  args.push('--host', '127.0.0.1', '--port', String(port), ...(options.extraArgs ?? []))
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Prism did not start within 60 s:\n${output}`)), 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Prism is listening')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Prism exited with ${code} before listening:\n${output}`))
    })
  })
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    output: () => output,
    close: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}
