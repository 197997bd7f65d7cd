/**
 * `MockControl`: one typed interface to steer and inspect an ImmigraFlow mock, with two
 * transports. `api.control` drives the mock in this process; `createMockControl({ url })` drives
 * a standalone mock (`immigraflow-mock`, `startMockServer`) in another process over its control
 * routes (`/__mock/…`). Same methods, same results, same errors. Platform-neutral: no `node:`
 * module, no msw; the client needs only fetch.
 */
import { ImmigraFlowError } from '../src/core/base-error'
import type { MockSnapshot } from './api'
import type { AdvanceReport } from './clock'
import {
  checkAdvance,
  checkExpectation,
  checkOutage,
  checkReceipt,
  checkRequestFilter,
  checkTitle,
} from './control-args'
import type { MockCoverage } from './coverage'
import type { ExpectationResult, NearMiss, RequestExpectation, RequestFilter } from './expect'
import { type FaultSettings, validateGlobalFaults } from './faults'
import { isSessionName, SESSION_NAME_RULE } from './sessions'
import { SnapshotError, snapshotFromJson, snapshotProblem, snapshotToJson } from './snapshot-json'
import type {
  DeliveryAttempt,
  GlobalFaults,
  OutboxMessage,
  RequestLogEntry,
  UscisOutage,
  UscisStatus,
  WebhookEvent,
} from './store'

/** `expectRequest`'s argument: an expectation, and how long to keep checking. */
export interface RequestExpectationOptions extends RequestExpectation {
  /**
   * Keep checking for this many real milliseconds until the log matches (for an app that calls
   * the mock on its own time); default 0, one check. A count already above `times` fails at once.
   * With `times: 0` it checks for the whole time and passes only if no matching request came.
   */
  timeoutMs?: number
}

/** A USCIS throttling or outage, as `uscis.fail` takes it. */
export interface UscisFailOptions {
  status: 429 | 502 | 503
  /** `Retry-After` in seconds; default 30 for 429, else 60. */
  retryAfter?: number
  /** How many checks fail; default: every one until `recover()`. */
  times?: number
}

/** Steers and inspects one mock, in process (`api.control`) or over HTTP (`createMockControl`). */
export interface MockControl {
  /**
   * Headers the app's requests to this mock should carry: `{ 'X-Mock-Session': name }` for a
   * control made with a `session`, else `{}`. Pass them to the SDK's `headers` option.
   */
  readonly headers: Readonly<Record<string, string>>
  /** Emails and WhatsApp messages sent (verification tokens included), oldest first. */
  outbox(): Promise<OutboxMessage[]>
  /** Webhook delivery attempts, in the order they finished. */
  deliveries(): Promise<DeliveryAttempt[]>
  /** Every webhook event emitted, oldest first. */
  events(): Promise<WebhookEvent[]>
  /** The request log (the last 10 000 requests), oldest first; with a filter, the entries matching every field given. */
  requests(filter?: RequestFilter): Promise<RequestLogEntry[]>
  readonly clock: {
    /** Moves mock time forward, running what falls due; resolves to what the advance set off. */
    advance(ms: number): Promise<AdvanceReport>
    /** Mock time, RFC 3339 with milliseconds. */
    now(): Promise<string>
  }
  readonly uscis: {
    /** Moves the receipt one step along its script; resolves to its new status. */
    advance(receipt: string): Promise<UscisStatus>
    /** Forces a status title; resolves to the new status. */
    setStatus(receipt: string, title: string): Promise<UscisStatus>
    /** Makes `POST /v1/check` fail with 429, 502 or 503; resolves to the outage. */
    fail(options: UscisFailOptions): Promise<UscisOutage>
    /** Ends a simulated outage. */
    recover(): Promise<void>
  }
  readonly faults: {
    /**
     * Sets global faults and webhook chaos (`webhooks: { duplicate, reorder, delayMs }`); fields
     * not given keep their value, inside `webhooks` too. Resolves to all of them.
     */
    set(settings: FaultSettings): Promise<GlobalFaults>
    /** Turns global faults off and forgets pending `Prefer: fail-times` counters. */
    clear(): Promise<GlobalFaults>
    /** The global fault settings. */
    get(): Promise<GlobalFaults>
  }
  /** Waits for deliveries in flight, then returns to the initial state (preload included). Coverage counters are kept. */
  reset(): Promise<void>
  /** A copy of the whole state, to `restore` later (over either transport). */
  snapshot(): Promise<MockSnapshot>
  /** Waits for deliveries in flight, then returns to a snapshot. Coverage counters are kept. */
  restore(snapshot: MockSnapshot): Promise<void>
  /** Resolves when webhook deliveries and notifications started so far have settled. */
  idle(): Promise<void>
  /** Contract coverage since the mock started (not cleared by `reset` or `restore`). */
  coverage(): Promise<MockCoverage>
  /**
   * Resolves with the matching request log entries when the log matches the expectation;
   * otherwise rejects with a `RequestExpectationError` listing the closest misses.
   */
  expectRequest(expectation: RequestExpectationOptions): Promise<RequestLogEntry[]>
}

/** What a `MockControlError` carries besides its message. */
export interface MockControlErrorDetails {
  /** The HTTP status the control route answered; 0 when no answer came (network failure). */
  status: number
  /**
   * The error code (`bad_request`, `not_found`, `method_not_allowed`, `unauthorized`, …); without
   * an answer `network_error`, or `timeout` after `timeoutMs`; `not_a_mock` when the URL answered
   * but not as an ImmigraFlow mock (an app's HTML page, say).
   */
  code: string
  /** The control route, e.g. `POST /__mock/clock`. */
  route: string
  /** The `X-Request-Id` of the answer; null in process or without an answer. */
  requestId: string | null
  cause?: unknown
}

/**
 * A control call the mock refused, or that got no answer. The message names the route and the
 * status: `POST /__mock/clock answered 400 bad_request: …`.
 */
export class MockControlError extends ImmigraFlowError {
  override name = 'MockControlError'
  readonly status: number
  readonly code: string
  readonly route: string
  readonly requestId: string | null

  constructor(message: string, details: MockControlErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.status = details.status
    this.code = details.code
    this.route = details.route
    this.requestId = details.requestId
  }
}

/** A refusal of a control route: `<route> answered <status> <code>: <message>`. */
export function controlError(route: string, status: number, code: string, message: string, requestId: string | null) {
  return new MockControlError(`${route} answered ${status} ${code}: ${message}`, { status, code, route, requestId })
}

/** The request log did not match an expectation. The message lists the closest misses and why. */
export class RequestExpectationError extends ImmigraFlowError {
  override name = 'RequestExpectationError'
  /** The expectation, as given. */
  readonly expectation: RequestExpectationOptions
  /** The entries that matched (too few, or too many for `times`). */
  readonly matches: RequestLogEntry[]
  /** The closest entries that did not match, closest first, each with what differed. */
  readonly nearMisses: NearMiss[]

  constructor(result: ExpectationResult, expectation: RequestExpectationOptions) {
    const waited = expectation.timeoutMs ? `\n(The log was checked for ${expectation.timeoutMs} ms.)` : ''
    super(`${result.message ?? 'The request log does not match the expectation.'}${waited}`)
    this.expectation = expectation
    this.matches = result.data
    this.nearMisses = result.near_misses
  }
}

/** How often `expectRequest` with a `timeoutMs` checks again (real milliseconds). */
export const EXPECT_POLL_MS = 25

/**
 * Checks an expectation, again every `EXPECT_POLL_MS` until `timeoutMs` when it does not match
 * yet. Both transports share it; `check` evaluates once (in process, or on the server).
 */
export async function awaitExpectation(
  options: RequestExpectationOptions,
  check: (expectation: RequestExpectation) => Promise<ExpectationResult>,
): Promise<RequestLogEntry[]> {
  const { expectation, timeoutMs } = checkExpectation(options)
  // `times: 0` with a `timeoutMs` asserts that none came within that time: it keeps checking to the end.
  const none = expectation.times === 0
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const result = await check(expectation)
    const left = deadline - Date.now()
    if (result.matched && (!none || left <= 0)) return result.data
    const tooMany = expectation.times !== undefined && result.data.length > expectation.times
    if (tooMany || (!result.matched && left <= 0)) throw new RequestExpectationError(result, options)
    await new Promise((resolve) => setTimeout(resolve, Math.min(EXPECT_POLL_MS, left)))
  }
}

/** `createMockControl`'s options. */
export interface MockControlOptions {
  /** The mock's URL, as `immigraflow-mock` prints it (`http://127.0.0.1:4010`); control routes are under `<url>/__mock/`. */
  url: string
  /** Sends `X-Mock-Session: <session>` on every call, so the control steers that session of a mock serving several. */
  session?: string
  /** The mock's `--api-key`, sent as `Authorization: Bearer <apiKey>`. */
  apiKey?: string
  /** The fetch to call the mock with; default `globalThis.fetch` at call time. */
  fetch?: typeof fetch
  /**
   * How long each call waits for the mock's answer, in real milliseconds; default 30 000. A call
   * that gets no answer in time fails with a `MockControlError` whose code is `timeout`.
   */
  timeoutMs?: number
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** `failRate` → `fail_rate`, nested objects too (`webhooks.delayMs` → `delay_ms`). */
function toWire(value: unknown): unknown {
  if (!isRecord(value)) return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => [key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`), toWire(item)]),
  )
}

/** `fail_rate` → `failRate`, nested objects too. */
function fromWire(value: unknown): unknown {
  if (!isRecord(value)) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()),
      fromWire(item),
    ]),
  )
}

const FAULT_SETTINGS = ['failRate', 'code', 'latencyMs', 'reset', 'webhooks']

/**
 * Checks `faults.set` settings before anything is sent or changed, in both transports, so a
 * refusal names the fields as the caller wrote them (`failRate`, `webhooks.delayMs`).
 */
export function checkFaultSettings(settings: FaultSettings): void {
  const unknown = isRecord(settings) ? Object.keys(settings).filter((name) => !FAULT_SETTINGS.includes(name)) : []
  const errors = isRecord(settings)
    ? unknown.length > 0
      ? [`unknown field ${unknown.join(', ')}; use ${FAULT_SETTINGS.join(', ')}`]
      : validateGlobalFaults(settings)
    : ['the settings must be an object']
  if (errors.length > 0)
    throw controlError('POST /__mock/faults', 400, 'bad_request', `faults.set: ${errors.join('; ')}`, null)
}

/** Checks a snapshot before it is sent or restored; the same refusal in both transports. */
export function checkSnapshot(snapshot: MockSnapshot): void {
  const problem = snapshotProblem(snapshot)
  if (problem) throw controlError('POST /__mock/restore', 400, 'bad_request', problem, null)
}

/** How long `createMockControl` waits for an answer unless told otherwise (real milliseconds). */
export const DEFAULT_CONTROL_TIMEOUT_MS = 30_000

/** What an answer of each kind must look like to come from an ImmigraFlow mock. */
type Shape = (body: Record<string, unknown>) => boolean
const hasData: Shape = (body) => Array.isArray(body.data)
const hasStatus =
  (status: string): Shape =>
  (body) =>
    body.status === status

/** Checks `createMockControl`'s options; a bad one is a `TypeError` naming it and what it takes. */
function checkOptions(options: MockControlOptions): URL {
  const fail = (message: string) => new TypeError(`createMockControl: ${message}`)
  if (!isRecord(options)) throw fail('options must be an object such as { url: "http://127.0.0.1:4010" }')
  const { url, session, apiKey, timeoutMs } = options
  let base: URL | undefined
  try {
    base = typeof url === 'string' ? new URL(url.endsWith('/') ? url : `${url}/`) : undefined
  } catch {
    base = undefined
  }
  if (base === undefined || (base.protocol !== 'http:' && base.protocol !== 'https:'))
    throw fail(`url must be an absolute http(s) URL such as http://127.0.0.1:4010, got ${JSON.stringify(url)}`)
  if (session !== undefined && !isSessionName(session))
    throw fail(`session must be ${SESSION_NAME_RULE} (as the mock takes it), got ${JSON.stringify(session)}`)
  if (apiKey !== undefined && (typeof apiKey !== 'string' || apiKey.trim() === '' || /[\r\n]/.test(apiKey)))
    throw fail("apiKey must be a non-empty string without line breaks (the mock's --api-key)")
  if (timeoutMs !== undefined && !(typeof timeoutMs === 'number' && Number.isFinite(timeoutMs) && timeoutMs > 0))
    throw fail(`timeoutMs must be a number of milliseconds > 0, got ${String(timeoutMs)}`)
  return base
}

/**
 * A `MockControl` for a mock in another process, over its control routes. Every call is one
 * HTTP request; a refusal, an answer that does not come from an ImmigraFlow mock, a timeout or
 * a network failure is a `MockControlError` naming the route.
 */
export function createMockControl(options: MockControlOptions): MockControl {
  const base = checkOptions(options)
  const timeoutMs = options.timeoutMs ?? DEFAULT_CONTROL_TIMEOUT_MS
  const headers: Record<string, string> = options.session === undefined ? {} : { 'X-Mock-Session': options.session }
  const callHeaders: Record<string, string> = {
    Accept: 'application/json',
    ...headers,
    ...(options.apiKey === undefined ? {} : { Authorization: `Bearer ${options.apiKey}` }),
  }
  /**
   * The answer's text, once it is a 2xx JSON answer of the mock: `shape` checks its JSON (null:
   * the content type only, for a snapshot, which `snapshotFromJson` reads and checks itself).
   */
  const call = async (method: string, path: string, body: unknown, shape: Shape | null): Promise<string> => {
    const route = `${method} /__mock/${path.split('?')[0]}`
    const url = new URL(`__mock/${path}`, base)
    const fetcher = options.fetch ?? globalThis.fetch
    const abort = new AbortController()
    const timer = setTimeout(() => abort.abort(), timeoutMs)
    let response: Response
    let text: string
    try {
      response = await fetcher(url, {
        method,
        headers: body === undefined ? callHeaders : { ...callHeaders, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        signal: abort.signal,
      })
      text = await response.text()
    } catch (cause) {
      if (abort.signal.aborted)
        throw new MockControlError(`${route} got no answer from ${base.origin} within ${timeoutMs} ms (timeoutMs).`, {
          status: 0,
          code: 'timeout',
          route,
          requestId: null,
          cause,
        })
      throw new MockControlError(`${route} got no answer from ${base.origin}: ${(cause as Error)?.message ?? cause}`, {
        status: 0,
        code: 'network_error',
        route,
        requestId: null,
        cause,
      })
    } finally {
      clearTimeout(timer)
    }
    if (response.ok) {
      const type = response.headers.get('content-type') ?? ''
      const isJson = /^application\/json\b/i.test(type)
      let parsed: unknown
      try {
        parsed = isJson && shape !== null ? JSON.parse(text) : undefined
      } catch {
        parsed = undefined
      }
      if (!isJson || (shape !== null && !(isRecord(parsed) && shape(parsed)))) {
        const sample = text.length > 80 ? `${text.slice(0, 80)}…` : text
        throw new MockControlError(
          `${route}: ${url.href} does not answer as an ImmigraFlow mock: it answered ${response.status} ${type || 'without a content type'} ${JSON.stringify(sample)}. Give createMockControl the URL immigraflow-mock prints.`,
          { status: response.status, code: 'not_a_mock', route, requestId: response.headers.get('x-request-id') },
        )
      }
      return text
    }
    let code = 'http_error'
    let message = text.slice(0, 500) || response.statusText
    let requestId = response.headers.get('x-request-id')
    try {
      const { error } = JSON.parse(text) as { error?: { code?: string; message?: string; request_id?: string } }
      if (error?.code) code = error.code
      if (error?.message) message = error.message
      if (error?.request_id) requestId = error.request_id
    } catch {
      // Not an error envelope (a proxy's page, say): the text itself is the message.
    }
    throw controlError(route, response.status, code, message, requestId)
  }
  const json = async <T>(method: string, path: string, body: unknown, shape: Shape): Promise<T> =>
    JSON.parse(await call(method, path, body, shape)) as T
  const data = async <T>(path: string): Promise<T> => (await json<{ data: T }>('GET', path, undefined, hasData)).data
  const isUscisStatus: Shape = (body) => isRecord(body.status)
  const isOutage: Shape = (body) => body.outage === null || isRecord(body.outage)
  const isFaults: Shape = (body) => typeof body.fail_rate === 'number' && isRecord(body.webhooks)
  const receipt = (value: string) => `uscis/${encodeURIComponent(value)}`

  return {
    headers,
    outbox: () => data('outbox'),
    deliveries: () => data('deliveries'),
    events: () => data('events'),
    async requests(filter = {}) {
      const query = new URLSearchParams()
      for (const [name, value] of Object.entries(checkRequestFilter(filter)))
        if (value !== undefined) query.set(name, String(value))
      const search = query.toString()
      return data(search ? `requests?${search}` : 'requests')
    },
    clock: {
      async advance(ms) {
        const {
          now: _now,
          pending_jobs: _pending,
          ...report
        } = await json<AdvanceReport & { now: string; pending_jobs: number }>(
          'POST',
          'clock',
          { advance_ms: checkAdvance(ms) },
          (body) => typeof body.now === 'string' && typeof body.pending_jobs === 'number',
        )
        return report
      },
      now: async () =>
        (await json<{ now: string }>('GET', 'health', undefined, (body) => typeof body.now === 'string')).now,
    },
    uscis: {
      advance: async (value) =>
        (await json<{ status: UscisStatus }>('POST', receipt(checkReceipt(value)), { advance: true }, isUscisStatus))
          .status,
      async setStatus(value, title) {
        const status = checkTitle(checkReceipt(value), title)
        return (await json<{ status: UscisStatus }>('POST', receipt(value), { status }, isUscisStatus)).status
      },
      async fail(options) {
        const { status, retryAfter, times } = checkOutage(options)
        const outage = { status, retry_after: retryAfter, times }
        return (await json<{ outage: UscisOutage }>('POST', 'uscis', { outage }, isOutage)).outage
      },
      async recover() {
        await call('POST', 'uscis', { outage: null }, isOutage)
      },
    },
    faults: {
      async set(settings) {
        checkFaultSettings(settings)
        return fromWire(await json('POST', 'faults', toWire(settings), isFaults)) as GlobalFaults
      },
      clear: async () => fromWire(await json('DELETE', 'faults', undefined, isFaults)) as GlobalFaults,
      get: async () => fromWire(await json('GET', 'faults', undefined, isFaults)) as GlobalFaults,
    },
    async reset() {
      await call('POST', 'reset', undefined, hasStatus('reset'))
    },
    async snapshot() {
      const text = await call('GET', 'snapshot', undefined, null)
      try {
        return snapshotFromJson(text)
      } catch (error) {
        if (!(error instanceof SnapshotError)) throw error
        throw new MockControlError(
          `GET /__mock/snapshot answered a snapshot this client cannot read: ${error.message}`,
          {
            status: 200,
            code: 'unreadable_snapshot',
            route: 'GET /__mock/snapshot',
            requestId: null,
            cause: error,
          },
        )
      }
    },
    async restore(snapshot) {
      checkSnapshot(snapshot)
      await call(
        'POST',
        'restore',
        snapshotToJson(snapshot, new Date(snapshot.state.now).toISOString()),
        hasStatus('restored'),
      )
    },
    async idle() {
      await call('POST', 'idle', undefined, hasStatus('idle'))
    },
    coverage: () =>
      json(
        'GET',
        'coverage',
        undefined,
        (body) => typeof body.documented === 'number' && Array.isArray(body.operations),
      ),
    expectRequest: (expectation) =>
      awaitExpectation(expectation, (body) =>
        json<ExpectationResult>(
          'POST',
          'expect',
          body,
          (answer) => typeof answer.matched === 'boolean' && Array.isArray(answer.data),
        ),
      ),
  }
}
