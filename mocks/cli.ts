#!/usr/bin/env node
/** `immigraflow-mock`: the standalone ImmigraFlow mock server. */
import { accessSync, constants, readFileSync, statSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { dirname } from 'node:path'
import { parseArgs } from 'node:util'
import { formatCoverage, type MockCoverage } from './coverage'
import { MAX_LATENCY_MS, MAX_WEBHOOK_DELAY_MS } from './faults'
import { type PreloadData, PreloadError, parsePreload } from './preload'
import { startMockServer } from './server'
import { coverageOfEverySession } from './sessions'
import { StateFileError } from './state-file'

const USAGE = `Usage: immigraflow-mock [options]

Serves the stateful ImmigraFlow mock over HTTP, with control routes under /__mock/.

Options:
  --port PORT        port to listen on (default 4010; 0 picks a free one)
  --host HOST        interface to listen on (default 127.0.0.1)
  --seed FILE        JSON file of users, cases and webhooks to preload
  --state FILE       keep the mock's state in FILE: loaded at start if it exists, written
                     atomically after every change (survives restarts, even kill -9);
                     fault flags given with it replace the saved settings they name
  --random-seed S    seed for tokens and secrets (default 1)
  --api-key KEY      accept only "Authorization: Bearer KEY" (default: any key); the
                     control routes under /__mock/ then require it too
  --latency MS       add MS milliseconds of latency to every response (at most 60000)
  --fail-rate R      fail a share R (0–1) of requests with 503 (or the code a --state
                     file saved)
  --webhook-duplicate R
                     webhook chaos: send a share R (0–1) of deliveries twice (same webhook-id)
  --webhook-reorder  webhook chaos: hold some events back until the endpoint's next event
                     has been sent (at most 30 s of mock time)
  --webhook-delay MS webhook chaos: deliver half of the events MS milliseconds of mock time late
                     (at most 2592000000, 30 days)
  --base-url URL     origin shown in the handlers (default https://api.immigraflow.com)
  --coverage-report FILE
                     on exit (Ctrl-C, SIGTERM), write the contract coverage as JSON to FILE
                     and as text to FILE.txt ("createCase 409: never"), and print a summary
  --max-sessions N   how many named sessions may exist at once (default 100); a request
                     with "X-Mock-Session: NAME" is served by that session's own mock,
                     created on first use (names: 1-64 of A-Z a-z 0-9 . _ -); past the
                     limit a new one gets 429. Sessions live in memory (--state keeps
                     the default session only)
  -h, --help         show this help

Control routes (under /__mock/): health, state, outbox, deliveries, events, requests, expect,
  coverage, clock, faults, uscis, events/{id}/redeliver, snapshot, restore, stream, reset, idle;
  each acts on the session X-Mock-Session names (stream and snapshot also take ?session=).
  GET sessions lists the sessions; DELETE sessions/{name} drops one.

Seed file format:
  { "users": [{ "email", "name", "phone"?, "notify_by_email"?, "notify_by_whatsapp"?,
                "status"?: "active" | "pending_verification" | "disabled",
                "cases"?: [{ "receipt_number", "user_case_id"?, "description"?, "active"? }] }],
    "webhooks": [{ "url", "events", "description"?, "active"?, "secret"? }] }
`

class UsageError extends Error {}

/** Whether the server listens on a loopback address only (127.0.0.0/8, ::1). */
function isLoopback(address: AddressInfo | string | null): boolean {
  if (address === null || typeof address === 'string') return true
  const ip = address.address.replace(/^::ffff:/, '')
  return ip === '::1' || /^127\./.test(ip)
}

function number(
  name: string,
  value: string | undefined,
  check: (n: number) => boolean,
  rule: string,
  /** Only decimal digits: `Number` alone would read `0x10` and `1e3` as well. */
  { digits = false }: { digits?: boolean } = {},
): number | undefined {
  if (value === undefined) return undefined
  const parsed = Number(value)
  if (value.trim() === '' || !Number.isFinite(parsed) || !check(parsed) || (digits && !/^[0-9]+$/.test(value)))
    throw new UsageError(`--${name} must be ${rule}, got "${value}"`)
  return parsed
}

/** The `--base-url` origin, refused unless it is an http or https URL. */
function baseUrlOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {
    url = undefined
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    throw new UsageError(`--base-url must be an http or https URL such as https://api.immigraflow.com, got "${value}"`)
  return value
}

/** Throws a usage error unless `file` can be written: an existing file open to writing, or a new one in a writable directory. */
function checkWritable(file: string): void {
  try {
    let exists = true
    try {
      if (statSync(file).isDirectory()) throw new Error('it is a directory')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      exists = false
    }
    if (exists) accessSync(file, constants.W_OK)
    else {
      const directory = dirname(file)
      if (!statSync(directory).isDirectory()) throw new Error(`${directory} is not a directory`)
      accessSync(directory, constants.W_OK)
    }
  } catch (error) {
    throw new UsageError(`--coverage-report: cannot write ${file}: ${(error as Error).message}`)
  }
}

function readSeed(file: string): PreloadData {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new UsageError(`--seed: cannot read ${file}: ${(error as Error).message}`)
  }
  try {
    return parsePreload(JSON.parse(text))
  } catch (error) {
    if (error instanceof SyntaxError) throw new UsageError(`--seed: ${file} is not valid JSON: ${error.message}`)
    if (error instanceof PreloadError) throw new UsageError(`--seed: ${file}: ${error.message}`)
    throw error
  }
}

async function main(): Promise<void> {
  const parse = () =>
    parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        state: { type: 'string' },
        'random-seed': { type: 'string' },
        'api-key': { type: 'string' },
        latency: { type: 'string' },
        'fail-rate': { type: 'string' },
        'webhook-duplicate': { type: 'string' },
        'webhook-reorder': { type: 'boolean' },
        'webhook-delay': { type: 'string' },
        'base-url': { type: 'string' },
        'coverage-report': { type: 'string' },
        'max-sessions': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    })
  let values: ReturnType<typeof parse>['values']
  try {
    values = parse().values
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  if (values.help) {
    process.stdout.write(USAGE)
    return
  }
  const port = number(
    'port',
    values.port ?? '4010',
    (n) => Number.isInteger(n) && n >= 0 && n <= 65535,
    'a port number (0–65535) in decimal digits',
    { digits: true },
  ) as number
  const latencyMs = number('latency', values.latency, (n) => n >= 0, 'a number of milliseconds ≥ 0')
  if (latencyMs !== undefined && latencyMs > MAX_LATENCY_MS)
    throw new UsageError(`--latency must be at most ${MAX_LATENCY_MS} ms, got "${values.latency}"`)
  const maxSessions = number(
    'max-sessions',
    values['max-sessions'],
    (n) => Number.isInteger(n) && n >= 1,
    'a positive integer',
    { digits: true },
  )
  const failRate = number('fail-rate', values['fail-rate'], (n) => n >= 0 && n <= 1, 'a number between 0 and 1')
  const webhookChaos = {
    duplicate: number(
      'webhook-duplicate',
      values['webhook-duplicate'],
      (n) => n >= 0 && n <= 1,
      'a number between 0 and 1',
    ),
    reorder: values['webhook-reorder'],
    delayMs: number('webhook-delay', values['webhook-delay'], (n) => n >= 0, 'a number of milliseconds ≥ 0'),
  }
  if (webhookChaos.delayMs !== undefined && webhookChaos.delayMs > MAX_WEBHOOK_DELAY_MS) {
    throw new UsageError(
      `--webhook-delay must be at most ${MAX_WEBHOOK_DELAY_MS} ms (30 days of mock time), got "${values['webhook-delay']}"`,
    )
  }
  if (values['api-key'] !== undefined && values['api-key'].trim() === '')
    throw new UsageError('--api-key must not be empty')
  const preload = values.seed === undefined ? undefined : readSeed(values.seed)
  if (values.state !== undefined && values.state.trim() === '') throw new UsageError('--state must name a file')
  const coverageFile = values['coverage-report']
  if (coverageFile !== undefined && coverageFile.trim() === '')
    throw new UsageError('--coverage-report must name a file')
  // Checked before listening, so a bad path ends the start before the mock says it listens.
  if (coverageFile !== undefined) for (const file of [coverageFile, `${coverageFile}.txt`]) checkWritable(file)
  const host = values.host ?? '127.0.0.1'
  const baseUrl = baseUrlOf(values['base-url'])

  const running = await startMockServer({
    port,
    host,
    stateFile: values.state,
    apiKey: values['api-key'],
    latencyMs,
    failRate,
    webhookChaos,
    baseUrl,
    seed: values['random-seed'],
    preload,
    maxSessions,
  }).catch((error: NodeJS.ErrnoException) => {
    if (error instanceof StateFileError) throw error
    // An error with a system code (EADDRINUSE, EACCES, ENOTFOUND …) is the listener's; any other is not.
    if (typeof error.code === 'string') throw new UsageError(`cannot listen on ${host}:${port}: ${error.message}`)
    throw new UsageError(`cannot start the mock: ${error.message}`)
  })
  if (coverageFile !== undefined) {
    const coverage = coverageOfEverySession(running.sessions)
    const report = () => coverage.report()
    // Written once at start too: a path that cannot be written is refused now, not at exit.
    try {
      writeFileSync(coverageFile, `${JSON.stringify(report(), null, 2)}\n`)
    } catch (error) {
      await running.close()
      throw new UsageError(`--coverage-report: cannot write ${coverageFile}: ${(error as Error).message}`)
    }
    let written = false
    // 'exit' runs on every way out but SIGKILL (the signal handlers below end in process.exit), and
    // lets only synchronous work finish: hence writeFileSync.
    process.on('exit', () => {
      if (written) return
      written = true
      writeCoverage(coverageFile, report())
    })
  }
  // The API shows a secret only when it is created or rotated: a seed without one would
  // otherwise leave its receiver no way to verify deliveries.
  for (const webhook of running.api.store.state.webhooks.values()) {
    process.stdout.write(`Preloaded webhook ${webhook.id} → ${webhook.url}, signing secret ${webhook.secret}\n`)
  }
  process.stdout.write(`ImmigraFlow mock listening on ${running.url}\n`)
  if (values.state !== undefined) process.stdout.write(`State kept in ${values.state}\n`)
  if (values['api-key'] === undefined && !isLoopback(running.server.address())) {
    process.stderr.write(
      `Warning: the mock listens on ${running.url} without --api-key: anyone who can reach it can read and reset its data (/__mock/). Pass --api-key KEY, or --host 127.0.0.1.\n`,
    )
  }
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    process.stderr.write(`Received ${signal}; stopping the mock.\n`)
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

/** Writes the coverage report as JSON to `file` and as text to `file.txt`; prints a summary line. */
function writeCoverage(file: string, report: MockCoverage): void {
  try {
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)
    writeFileSync(`${file}.txt`, formatCoverage(report))
    process.stderr.write(
      `Coverage: ${report.covered} of ${report.documented} documented responses served; written to ${file} and ${file}.txt\n`,
    )
  } catch (error) {
    process.stderr.write(`immigraflow-mock: cannot write the coverage report ${file}: ${(error as Error).message}\n`)
    process.exitCode = 1
  }
}

main().catch((error: unknown) => {
  if (error instanceof StateFileError) {
    process.stderr.write(`immigraflow-mock: ${error.message}\n`)
    process.exit(1)
  }
  if (error instanceof UsageError) {
    process.stderr.write(`immigraflow-mock: ${error.message}\nRun immigraflow-mock --help for usage.\n`)
    process.exit(2)
  }
  process.stderr.write(`immigraflow-mock: ${(error as Error).stack ?? String(error)}\n`)
  process.exit(1)
})
