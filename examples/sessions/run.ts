/**
 * Two test workers, two processes, one standalone mock: each works in its own session.
 *
 *   npx tsx examples/sessions/run.ts                       # starts a mock on a free port
 *   npx tsx examples/sessions/run.ts --base-url http://127.0.0.1:4010   # an immigraflow-mock
 *
 * Starts both workers (examples/sessions/worker.ts) at the same time, each with its own
 * `MOCK_SESSION`; both create users, verify them, track the same receipt and move their clock a
 * week, and each asserts exact totals on its own data. Exits 0 when both pass.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startMockServer } from 'immigraflow/mock/node'

const worker = fileURLToPath(new URL('./worker.ts', import.meta.url))

/** Runs one worker in its own Node process; resolves to its exit code and output. */
function runWorker(baseUrl: string, session: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker], {
      env: { ...process.env, IMMIGRAFLOW_BASE_URL: baseUrl, MOCK_SESSION: session },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

const { values } = parseArgs({ options: { 'base-url': { type: 'string' } } })
const mock = values['base-url'] === undefined ? await startMockServer({ port: 0 }) : undefined
const baseUrl = values['base-url'] ?? (mock?.url as string)
try {
  const results = await Promise.all(['worker-1', 'worker-2'].map((session) => runWorker(baseUrl, session)))
  for (const result of results) {
    process.stdout.write(result.stdout)
    process.stderr.write(result.stderr)
  }
  const failed = results.filter((result) => result.code !== 0).length
  console.log(failed === 0 ? 'Both workers passed, each on its own session.' : `${failed} worker(s) failed.`)
  process.exitCode = failed === 0 ? 0 : 1
} finally {
  await mock?.close()
}
