/** Runs the `immigraflow-mock` CLI for tests; `afterEach(killAll)` ends what is left. */
import { type ChildProcess, spawn } from 'node:child_process'

const children: ChildProcess[] = []

/**
 * Starts the CLI in one Node process with tsx as a loader. The `tsx` binary would run it in a
 * child process of its own: a SIGKILL would then end only the wrapper and leave the server
 * running, and under load the wrapper answered SIGTERM with exit 143 before the CLI's handler ran.
 */
export function runCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'mocks/cli.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const url = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', () => {
      const match = /ImmigraFlow mock listening on (http:\/\/\S+)/.exec(stdout)
      if (match) resolve(match[1] as string)
    })
    void exited.then((code) => reject(new Error(`exited ${code} before listening: ${stderr}`)))
  })
  // Tests that expect an early exit never await the URL.
  url.catch(() => undefined)
  return { child, url, exited, output: () => ({ stdout, stderr }) }
}

/** Kills every CLI still running. */
export function killAll(): void {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
}
