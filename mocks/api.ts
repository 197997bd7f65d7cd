/**
 * `createMockApi()`: one self-contained, stateful ImmigraFlow mock (store, clock, USCIS, routes,
 * controls). Platform-neutral: nothing here imports msw or a `node:` module, so it loads wherever
 * fetch exists; the MSW hosts (`mocks/msw.ts`) and the standalone server put it behind theirs.
 */
import { encodeBase64 } from '../src/webhooks/encoding'
import { ChangeFeed, type MockChange } from './changes'
import { type MockClock, Scheduler, Tracker } from './clock'
import type { MockContext } from './context'
import type { MockControl } from './control-client'
import { createLocalControl } from './control-local'
import { CoverageCounter } from './coverage'
import { emitEvent, redeliverEvent, runDelivery } from './delivery'
import { createFaultController, type FaultController, NO_FAULTS, validateGlobalFaults } from './faults'
import { caseHandlers } from './handlers/cases'
import { checkHandlers } from './handlers/check'
import {
  createRouter,
  fallbackRoute,
  fromFetchRequest,
  type MockReply,
  malformedPathGuard,
  type Router,
} from './handlers/route'
import { userHandlers } from './handlers/users'
import { webhookHandlers } from './handlers/webhooks'
import { runNotification } from './notify'
import { applyPreload, type PreloadInput, parsePreload } from './preload'
import { nextRandom, randomBytes, randomToken } from './random'
import { snapshotProblem } from './snapshot-json'
import {
  createState,
  type DeliveryAttempt,
  isoTime,
  type Job,
  type MockState,
  MockStore,
  type OutboxMessage,
  type RequestLogEntry,
  upgradeState,
  type WebhookChaos,
  type WebhookEvent,
} from './store'
import { createUscis, type UscisSimulator } from './uscis'

export interface MockApiOptions {
  /** The API origin the mock answers; default `https://api.immigraflow.com`. */
  baseUrl?: string
  /** When set, only `Authorization: Bearer <apiKey>` is accepted; otherwise any non-empty key is. */
  apiKey?: string
  /** Seed for tokens, secrets, ids of events and fault draws; the same seed gives the same bytes. Default 1. */
  seed?: number | string
  /** Where the mock clock starts; default 2026-01-05T09:00:00.000Z. */
  startTime?: string | number | Date
  /** Latency added to every response, in real milliseconds. */
  latencyMs?: number
  /** Share (0–1) of requests that fail with 503. */
  failRate?: number
  /**
   * Webhook chaos from the start: `duplicate` (share 0–1 of deliveries sent twice), `reorder`
   * (hold events back behind later ones), `delayMs` (some deliveries arrive that much later on
   * the mock clock). Same as `faults.set({ webhooks })`; off by default.
   */
  webhookChaos?: Partial<WebhookChaos>
  /** The fetch used to deliver webhooks; default `globalThis.fetch` at call time. */
  fetch?: typeof fetch
  /** How long a webhook receiver may take before the attempt counts as a timeout (real ms); default 10 000. */
  deliveryTimeoutMs?: number
  /** Users, cases and webhooks to start with (see `PreloadInput`); `reset()` returns to them. */
  preload?: PreloadInput
}

/** An opaque copy of a mock's whole state. */
export interface MockSnapshot {
  readonly version: 1
  readonly state: MockState
}

export interface MockApi {
  /** The origin the mock answers. */
  readonly baseUrl: string
  /** The data, with index-keeping read/write methods. */
  readonly store: MockStore
  /** The mock clock: `advance(ms)` runs retries and deliveries that fall due. */
  readonly clock: MockClock
  /** The USCIS simulator and its controls. */
  readonly uscis: UscisSimulator
  /** Emails and WhatsApp messages sent (verification tokens included), oldest first. */
  readonly outbox: readonly OutboxMessage[]
  /** Webhook delivery attempts, in the order they finished. */
  readonly deliveries: readonly DeliveryAttempt[]
  /** Every webhook event emitted, oldest first. */
  readonly events: readonly WebhookEvent[]
  /** The request log (the last 10 000 requests). */
  readonly requests: readonly RequestLogEntry[]
  /** Global fault injection. */
  readonly faults: FaultController
  /**
   * The same controls as `MockControl`, the interface `createMockControl({ url })` gives for a
   * mock in another process: async methods, copies of the records, the clock's advance report,
   * `expectRequest` and `coverage()`. Code written against `MockControl` runs against either.
   */
  readonly control: MockControl
  /** Back to the initial state (preload included). Call `idle()` first if deliveries may be in flight. */
  reset(): void
  /** A deep copy of the whole state (data, clock, scheduled jobs and held-back deliveries, PRNG, faults). */
  snapshot(): MockSnapshot
  /**
   * Returns to a snapshot taken by `snapshot()`. A snapshot of another shape (a damaged one, or
   * one that went through `JSON.stringify`, which loses its Maps) is refused with a `TypeError`
   * saying what is wrong, and nothing changes.
   */
  restore(snapshot: MockSnapshot): void
  /** Resolves when webhook deliveries and notifications started so far (and those they start now) have settled. */
  idle(): Promise<void>
  /**
   * Answers a fetch `Request` through the mock's pipeline; undefined when no route matches (another
   * origin, or a path outside the API). A dropped connection (`Prefer: fault=reset`) is
   * `Response.error()`.
   */
  handle(request: Request): Promise<Response | undefined>
  /**
   * A fetch function the mock answers in process, with nothing global patched, so tests may run in
   * parallel: `new ImmigraFlow({ apiKey, baseUrl: api.baseUrl, fetch: api.fetch })`. Requests go
   * through the same pipeline as every other host's (auth, validation, faults, latency,
   * idempotency, request log). `Prefer: fault=reset` rejects with a `TypeError`, as a dropped
   * connection does; a URL the mock does not answer rejects with an error naming it and never
   * reaches the network. Honours the request's `signal`.
   */
  readonly fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>
}

/** The reason phrases of the statuses the mock answers with (those openapi.yaml declares). */
const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
}

/** A reply as a fetch `Response`; a dropped connection is `Response.error()`. */
function toResponse(reply: MockReply): Response {
  if (reply.reset) return Response.error()
  return new Response(reply.body, {
    status: reply.status,
    statusText: STATUS_TEXT[reply.status] ?? '',
    headers: reply.headers,
  })
}

const utf8 = new TextEncoder()

/**
 * The `Response` that `api.fetch` and `api.handle` resolve to: a real `Response` (status, headers, `instanceof`),
 * whose body is kept as the reply's text until someone reads it. `text()`, `json()`,
 * `arrayBuffer()`, `bytes()` and `blob()` answer from that text; `body`, `formData()` and a
 * clone after `body` was touched go through a `Response` built from it then. Measured here
 * (Node 20): `new Response(text, init)` then `text()` costs 25–36 µs, `new Response(null, init)`
 * 1–3 µs, which was about half of what an SDK call through `api.fetch` spent in the mock.
 */
class MockResponse extends Response {
  readonly #text: string
  #read = false
  #full: Response | undefined

  constructor(text: string, init: ResponseInit) {
    super(null, init)
    this.#text = text
  }

  /** The same response with its body as a stream, built once; after a read, its body is spent too. */
  #stream(): Response {
    if (this.#full === undefined) {
      const init = { status: this.status, statusText: this.statusText, headers: this.headers }
      this.#full = new Response(this.#text, init)
      if (this.#read) void this.#full.arrayBuffer()
    }
    return this.#full
  }

  #take(): Promise<string> {
    if (this.#full !== undefined) return this.#full.text()
    if (this.#read) return Promise.reject(new TypeError('Body is unusable: Body has already been read'))
    this.#read = true
    return Promise.resolve(this.#text)
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#stream().body
  }

  override get bodyUsed(): boolean {
    return this.#full === undefined ? this.#read : this.#full.bodyUsed
  }

  override text(): Promise<string> {
    return this.#take()
  }

  override async json(): Promise<unknown> {
    return JSON.parse(await this.#take())
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return utf8.encode(await this.#take()).buffer
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return utf8.encode(await this.#take())
  }

  override async blob(): Promise<Blob> {
    return new Blob([await this.#take()], { type: this.headers.get('content-type') ?? '' })
  }

  override formData(): Promise<FormData> {
    return this.#stream().formData()
  }

  override clone(): Response {
    if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.')
    if (this.#full !== undefined) return this.#full.clone()
    return new MockResponse(this.#text, { status: this.status, statusText: this.statusText, headers: this.headers })
  }
}

/** A reply as `fetch` and `handle` give it: a `MockResponse` when it has a body. */
function toLazyResponse(reply: MockReply): Response {
  if (reply.reset || reply.body === null) return toResponse(reply)
  return new MockResponse(reply.body, {
    status: reply.status,
    statusText: STATUS_TEXT[reply.status] ?? '',
    headers: reply.headers,
  })
}

/**
 * Answers `request` as `api.handle` does, but with a plain fetch `Response` (its body a stream
 * from the start): what MSW's interceptors are handed.
 */
export async function handleWithPlainResponse(api: MockApi, request: Request): Promise<Response | undefined> {
  const router = routers.get(api)
  if (router === undefined) return api.handle(request)
  const answer = router.dispatch(fromFetchRequest(request))
  return answer === undefined ? undefined : toResponse(await answer)
}

/** The router behind each mock, for the hosts that read requests their own way (the standalone server). */
const routers = new WeakMap<MockApi, Router>()

/** The router of a mock made by `createMockApi`; undefined for any other object. */
export function routerOf(api: MockApi): Router | undefined {
  return routers.get(api)
}

/** The change feed behind each mock (the control stream and the state file listen to it). */
const feeds = new WeakMap<MockApi, ChangeFeed>()

/** The change feed of a mock made by `createMockApi`; undefined for any other object. */
export function changesOf(api: MockApi): ChangeFeed | undefined {
  return feeds.get(api)
}

const contexts = new WeakMap<MockApi, MockContext>()

const coverages = new WeakMap<MockApi, CoverageCounter>()

const creationOptions = new WeakMap<MockApi, Readonly<MockApiOptions>>()

/** The options a mock made by `createMockApi` was made with; undefined for any other object. */
export function creationOptionsOf(api: MockApi): Readonly<MockApiOptions> | undefined {
  return creationOptions.get(api)
}

/** The contract coverage counters of a mock made by `createMockApi`; undefined for any other object. */
export function coverageOf(api: MockApi): CoverageCounter | undefined {
  return coverages.get(api)
}

/**
 * Schedules event `eventId` to be sent again, now, to every active endpoint subscribed to it
 * (one attempt each, never retried; `api.idle()` waits for them). Undefined when the mock has
 * no such event (or was not made by `createMockApi`), else how many endpoints it goes to.
 */
export function redeliverEventOf(api: MockApi, eventId: string): number | undefined {
  const ctx = contexts.get(api)
  return ctx ? redeliverEvent(ctx, eventId) : undefined
}

const isRequest = (input: unknown): input is Request => typeof Request !== 'undefined' && input instanceof Request

/** Settles as `answer` does, or rejects with the signal's reason when it aborts first. */
function untilAborted<T>(answer: Promise<T>, signal: AbortSignal | null): Promise<T> {
  if (signal === null) return answer
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    answer.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}

/** The origin the mock answers unless told otherwise: the production API's. */
export const DEFAULT_BASE_URL = 'https://api.immigraflow.com'
/** Where the mock clock starts unless told otherwise, so fresh mocks give identical bodies. */
export const DEFAULT_START_TIME = '2026-01-05T09:00:00.000Z'

function toTime(value: string | number | Date): number {
  const time = typeof value === 'number' ? value : new Date(value).getTime()
  if (!Number.isFinite(time)) throw new RangeError(`createMockApi: startTime is not a valid time: ${String(value)}`)
  return time
}

/** Creates an independent mock: nothing is shared between two instances. */
export function createMockApi(options: MockApiOptions = {}): MockApi {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '')
  const faultErrors = validateGlobalFaults(
    { failRate: options.failRate, latencyMs: options.latencyMs, webhooks: options.webhookChaos },
    {
      webhooks: 'webhookChaos',
      duplicate: 'webhookChaos.duplicate',
      reorder: 'webhookChaos.reorder',
      delayMs: 'webhookChaos.delayMs',
    },
  )
  if (faultErrors.length > 0) throw new RangeError(`createMockApi: ${faultErrors.join('; ')}`)
  const chaos = options.webhookChaos ?? {}
  let state = createState(options.seed ?? 1, toTime(options.startTime ?? DEFAULT_START_TIME), {
    ...NO_FAULTS,
    failRate: options.failRate ?? 0,
    latencyMs: options.latencyMs ?? 0,
    webhooks: {
      duplicate: chaos.duplicate ?? NO_FAULTS.webhooks.duplicate,
      reorder: chaos.reorder ?? NO_FAULTS.webhooks.reorder,
      delayMs: chaos.delayMs ?? NO_FAULTS.webhooks.delayMs,
    },
  })
  const current = () => state
  const tracker = new Tracker()
  const store = new MockStore(current)
  const uscis = createUscis(current)
  const faults = createFaultController(current)
  const feed = new ChangeFeed()
  const coverage = new CoverageCounter()
  // How many outbox messages and delivery attempts the listeners have been told about.
  let seen = { outbox: 0, deliveries: 0 }
  /** Announces `change` (if any), then every outbox message and delivery attempt not announced yet. */
  const announce = (change?: MockChange) => {
    const live = state
    const from = seen
    // Most requests neither send a message nor deliver an event: nothing to slice or count then.
    if (live.outbox.length !== from.outbox || live.deliveries.length !== from.deliveries)
      seen = { outbox: live.outbox.length, deliveries: live.deliveries.length }
    else if (!feed.active || !change) return
    for (const attempt of live.deliveries.slice(from.deliveries))
      coverage.delivery(attempt.event_type, attempt.outcome === 'delivered')
    if (!feed.active) return
    if (change) feed.publish(change)
    const now = isoTime(live.now)
    for (const message of live.outbox.slice(from.outbox)) feed.publish({ kind: 'outbox', now, message_id: message.id })
    for (const attempt of live.deliveries.slice(from.deliveries)) {
      feed.publish({
        kind: 'delivery',
        now,
        event_id: attempt.event_id,
        webhook_id: attempt.webhook_id,
        outcome: attempt.outcome,
        chaos: attempt.chaos,
      })
    }
  }
  const simple = (kind: 'clock' | 'reset' | 'restore' | 'faults' | 'uscis') =>
    announce({ kind, now: isoTime(state.now) })
  let ctx: MockContext
  const clock = new Scheduler({
    state: current,
    tracker,
    run: async (job: Job) => {
      if (job.kind === 'notify') {
        runNotification(ctx, job)
        announce({
          kind: 'notification',
          now: isoTime(state.now),
          status_update_id: job.status_update_id,
          channel: job.channel,
        })
      } else {
        await runDelivery(ctx, job)
        announce()
      }
    },
    moved: () => simple('clock'),
  })
  ctx = {
    keysInFlight: new Map(),
    baseUrl,
    apiKey: options.apiKey,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    deliveryTimeoutMs: options.deliveryTimeoutMs ?? 10_000,
    state: current,
    store,
    clock,
    uscis,
    now: () => isoTime(state.now),
    token: (length) => randomToken(state.random, length),
    random: () => nextRandom(state.random),
    secret: () => `whsec_${encodeBase64(randomBytes(state.random, 32))}`,
    coverage,
    changed: announce,
    emit: (type, data) =>
      emitEvent(ctx, {
        id: `evt_${randomToken(state.random, 20)}`,
        type,
        created_at: isoTime(state.now),
        data: structuredClone(data),
      } as WebhookEvent),
  }

  if (options.preload !== undefined) applyPreload(ctx, parsePreload(options.preload))
  const initial = structuredClone(state)

  // Compiled once, here: every request is then matched once, by method and path.
  const router = createRouter(baseUrl, [
    malformedPathGuard(ctx),
    ...checkHandlers(ctx),
    ...userHandlers(ctx),
    ...caseHandlers(ctx),
    ...webhookHandlers(ctx),
    fallbackRoute(ctx),
  ])

  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    // The SDK hands over a ready Request (perhaps with a signal beside it): no second one is built for it.
    const onlySignal = init === undefined || Object.keys(init).every((key) => key === 'signal')
    const request = isRequest(input) && onlySignal ? input : new Request(input, init)
    const signal = init?.signal ?? request.signal
    // An aborted request is never sent, as with fetch.
    if (signal?.aborted) throw signal.reason
    const answer = router.dispatch(fromFetchRequest(request))
    if (answer === undefined) {
      throw new TypeError(
        `api.fetch: the mock does not answer ${request.method} ${request.url}; it serves ${baseUrl}/v1/… (the request was not sent anywhere)`,
      )
    }
    const reply = await untilAborted(answer, signal)
    if (reply.reset) {
      throw new TypeError('fetch failed', {
        cause: new Error(`The mock dropped the connection on purpose (Prefer: fault=reset): ${request.url}`),
      })
    }
    return toLazyResponse(reply)
  }

  // The controls given out announce what they change; the handlers use the plain ones (a
  // request's changes are announced once, when it is answered).
  const steered = <T extends object>(target: T, methods: Array<keyof T>, kind: 'faults' | 'uscis'): T => {
    const copy = { ...target }
    for (const name of methods) {
      const method = target[name] as (...args: unknown[]) => unknown
      Object.assign(copy, {
        [name]: (...args: unknown[]) => {
          const result = method.apply(target, args)
          simple(kind)
          return result
        },
      })
    }
    return copy
  }

  let control: MockControl | undefined
  const api: MockApi = {
    baseUrl,
    store,
    clock,
    uscis: steered(uscis, ['advance', 'setStatus', 'fail', 'recover'], 'uscis'),
    faults: steered(faults, ['set', 'clear'], 'faults'),
    get outbox() {
      return state.outbox
    },
    get deliveries() {
      return state.deliveries
    },
    get events() {
      return state.events
    },
    get requests() {
      return state.requests
    },
    reset() {
      state = structuredClone(initial)
      seen = { outbox: state.outbox.length, deliveries: state.deliveries.length }
      simple('reset')
    },
    snapshot() {
      return { version: 1, state: structuredClone(state) }
    },
    restore(snapshot) {
      // Checked before anything changes: a damaged snapshot would break every later call.
      const problem = snapshotProblem(snapshot)
      if (problem) throw new TypeError(`restore() needs a snapshot taken by snapshot(): ${problem}`)
      // A snapshot saved before webhook chaos existed gets its defaults.
      state = upgradeState(structuredClone(snapshot.state))
      seen = { outbox: state.outbox.length, deliveries: state.deliveries.length }
      simple('restore')
    },
    idle: () => clock.idle(),
    get control() {
      control ??= createLocalControl(api, coverage)
      return control
    },
    async handle(request) {
      const answer = router.dispatch(fromFetchRequest(request))
      return answer === undefined ? undefined : toLazyResponse(await answer)
    },
    fetch,
  }
  routers.set(api, router)
  feeds.set(api, feed)
  coverages.set(api, coverage)
  creationOptions.set(api, { ...options })
  contexts.set(api, ctx)
  return api
}
