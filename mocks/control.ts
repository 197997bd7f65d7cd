/**
 * The control routes under `/__mock/`: read the mock's state, outbox, deliveries, events and
 * request log; move its clock; steer USCIS and faults; redeliver an event; reset; download and
 * restore snapshots; follow every change as server-sent events. One module for every host: the
 * standalone server serves it, the MSW hosts serve it when asked (`controls: true`), and any
 * other host can answer with `handleControl(api, request)`. Platform-neutral: no `node:`
 * module, no msw.
 *
 * With an `apiKey`, every control route needs `Authorization: Bearer <apiKey>`; the routes a
 * browser opens without script (the stream, the snapshot download) also take `?key=<apiKey>`.
 * The console page itself (`GET /__mock/`, `/__mock/console`) holds no data and needs no key: it
 * asks for one when the routes it reads answer 401.
 *
 * A host with sessions (`ControlOptions.sessions`) answers each route for the session the request
 * names with `X-Mock-Session` (or `?session=` on the stream and the snapshot download), after the
 * key is checked, and lists and drops sessions at `GET /__mock/sessions` and `DELETE
 * /__mock/sessions/{name}`.
 *
 * The routes are one table, `CONTROL_ROUTES`. A path not in it is a 404; a path in it asked with a
 * method it does not take is a 405 with `Allow`; neither reaches a session, so neither creates one.
 */

import type { Metadata } from '../src/types'
import { changesOf, coverageOf, type MockApi, redeliverEventOf } from './api'
import { CONSOLE_PATH } from './console/path'
import { evaluateExpectation, filterRequests, parseExpectation, parseRequestFilter } from './expect'
import { validateGlobalFaults } from './faults'
import { MAX_BODY_BYTES } from './handlers/route'
import { checkSessionName, type MockSessions, SESSION_HEADER, SessionError } from './sessions'
import { SnapshotError, snapshotFromJson, snapshotToJson } from './snapshot-json'
import type { GlobalFaults, NotifyStatus, StatusUpdate, User, UserStatus, WebhookChaos, WebhookRecord } from './store'
import { UnknownReceiptError } from './uscis'

/** What a notification channel did for one status update. */
export interface ChannelOutcome {
  status: NotifyStatus
  attempts: number
  last_error: string | null
  sent_at: string | null
}

/** One status of a case, in English and Spanish, with its notifications. */
export interface TimelineEntry {
  /** The status update's id. */
  id: number
  status_code: string
  status_code_es: string
  status_description: string
  status_description_es: string
  form_type: string
  detail_message: string
  modified_date: string
  recorded_at: string
  notifications: { email: ChannelOutcome; whatsapp: ChannelOutcome }
}

/** A case with its status timeline, oldest first. */
export interface CaseView {
  id: number
  receipt_number: string
  user_case_id: string | null
  description: string | null
  active: boolean
  created_at: string
  last_checked: string | null
  metadata: Metadata
  timeline: TimelineEntry[]
}

/** A user with their cases, oldest first. */
export interface UserView {
  id: number
  email: string
  name: string
  phone: string | null
  status: UserStatus
  notify_by_email: boolean
  notify_by_whatsapp: boolean
  metadata: Metadata
  created_at: string
  updated_at: string
  cases: CaseView[]
}

/** A webhook endpoint, without its secrets. */
export interface WebhookView {
  id: number
  url: string
  events: string[]
  description: string | null
  active: boolean
  disabled_reason: string | null
  created_at: string
  updated_at: string
}

/** Global faults and webhook chaos as the control routes show them (`POST`/`DELETE /__mock/faults`, `GET /__mock/state`). */
export interface FaultsView {
  fail_rate: number
  code: number
  latency_ms: number
  reset: boolean
  webhooks: { duplicate: number; reorder: boolean; delay_ms: number }
}

/** `GET /__mock/state` answers `{ data: MockStateView }`. */
export interface MockStateView {
  /** Mock time, RFC 3339. */
  now: string
  pending_jobs: number
  next_job_at: string | null
  faults: FaultsView
  uscis_outage: { status: 429 | 502 | 503; retry_after: number; remaining: number | null } | null
  /** Oldest first. */
  users: UserView[]
  /** Oldest first. */
  webhooks: WebhookView[]
}

export interface ControlOptions {
  /** When set, control routes need `Authorization: Bearer <apiKey>` (or `?key=` where a browser cannot send headers). */
  apiKey?: string
  /** The `X-Request-Id` of the answer; default the caller's, else one of the control routes' own. */
  requestId?: string
  /**
   * The console page to serve at `GET /__mock/` and `GET /__mock/console` (the standalone server
   * passes `mocks/console/page`). A host gives it rather than this module importing it, so the
   * neutral and browser entries do not carry its 9 kB gz.
   */
  console?: ConsolePage
  /**
   * The host's sessions (`X-Mock-Session`), for `GET /__mock/sessions` and `DELETE
   * /__mock/sessions/{name}`; `api` is then the session the request named. Without it those
   * routes answer 404.
   */
  sessions?: MockSessions
}

/** A console page: its HTML and the headers to serve it with. */
export interface ConsolePage {
  html(): string
  headers(): Record<string, string>
}

/** A control request as read by any host. `path` is what follows `/__mock/`, without the query. */
export interface ControlRequest {
  method: string
  path: string
  query: URLSearchParams
  header(name: string): string | null
  /** The body (at most `controlBodyLimit(path)` bytes are kept). */
  body: Uint8Array
  /** The body's full size when more than was kept arrived. */
  bodySize?: number
}

/** A control route's answer; the stream's body is a `ReadableStream`. */
export interface ControlReply {
  status: number
  headers: Record<string, string>
  body: string | ReadableStream<Uint8Array> | null
}

/** The prefix of every control route. */
export const CONTROL_PREFIX = '/__mock/'
/** A snapshot may be much larger than an API request: restore takes up to 256 MiB. */
export const RESTORE_MAX_BYTES = 256 * 1_048_576
/** How often the stream sends a keepalive comment (real ms). */
export const STREAM_KEEPALIVE_MS = 15_000
/** Messages a stream may hold for a client that does not read before it is closed (the client reconnects). */
const STREAM_MAX_QUEUED = 10_000

/** How many body bytes a host needs to keep for this control path. */
export function controlBodyLimit(path: string): number {
  return path === 'restore' ? RESTORE_MAX_BYTES : MAX_BODY_BYTES
}

class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const bad = (message: string) => new ControlError(400, 'bad_request', message)
const utf8 = new TextDecoder()

function parseObject(bytes: Uint8Array): Record<string, unknown> {
  if (bytes.length === 0) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(utf8.decode(bytes))
  } catch {
    throw bad('The body is not valid JSON.')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw bad('The body must be a JSON object.')
  return parsed as Record<string, unknown>
}

/** Refuses fields other than `allowed`, naming them and the accepted ones (`in` says where, for nested objects). */
function onlyFields(body: Record<string, unknown>, allowed: readonly string[], inside = ''): void {
  const unknown = Object.keys(body).filter((name) => !allowed.includes(name))
  if (unknown.length > 0)
    throw bad(
      `Unknown field ${unknown.map((name) => `${inside}${name}`).join(', ')}; send any of ${allowed.map((name) => `${inside}${name}`).join(', ')}.`,
    )
}

/** A percent-encoded path segment (`what` names it in the refusal). */
function pathSegment(segment: string, what: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw bad(`The ${what} in the path is not valid percent-encoding: ${segment}.`)
  }
}

function optionalNumber(body: Record<string, unknown>, name: string): number | undefined {
  const value = body[name]
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value)) throw bad(`${name} must be a number.`)
  return value
}

const FAULT_FIELDS = ['fail_rate', 'code', 'latency_ms', 'reset', 'webhooks']
const CHAOS_FIELDS = ['duplicate', 'reorder', 'delay_ms']
const faultsBody = (global: GlobalFaults): FaultsView => ({
  fail_rate: global.failRate,
  code: global.code,
  latency_ms: global.latencyMs,
  reset: global.reset,
  webhooks: {
    duplicate: global.webhooks.duplicate,
    reorder: global.webhooks.reorder,
    delay_ms: global.webhooks.delayMs,
  },
})

/** `webhooks` of a `POST /__mock/faults` body, as `faults.set` takes it. */
function chaosSettings(value: unknown): Partial<WebhookChaos> | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw bad(`webhooks must be an object of ${CHAOS_FIELDS.join(', ')}.`)
  const body = value as Record<string, unknown>
  const unknown = Object.keys(body).filter((name) => !CHAOS_FIELDS.includes(name))
  if (unknown.length > 0)
    throw bad(
      `Unknown field ${unknown.map((name) => `webhooks.${name}`).join(', ')}; send any of ${CHAOS_FIELDS.join(', ')} in webhooks.`,
    )
  if (body.reorder !== undefined && typeof body.reorder !== 'boolean')
    throw bad('webhooks.reorder must be true or false.')
  const number = (name: string) => {
    const field = body[name]
    if (field !== undefined && (typeof field !== 'number' || !Number.isFinite(field)))
      throw bad(`webhooks.${name} must be a number.`)
    return field as number | undefined
  }
  return { duplicate: number('duplicate'), reorder: body.reorder, delayMs: number('delay_ms') }
}

const channel = (update: StatusUpdate, name: 'email' | 'whatsapp'): ChannelOutcome => ({
  status: update[`${name}_notify_status`],
  attempts: update[`${name}_notify_attempts`],
  last_error: update[`${name}_notify_last_error`],
  sent_at: update[`${name}_notify_sent_at`],
})

/** The users (with their cases and timelines) and webhooks of a mock, as `GET /__mock/state` shows them. */
export function stateView(api: MockApi): MockStateView {
  const state = api.store.state
  const userView = (user: User): UserView => ({
    id: user.id,
    email: user.email,
    name: user.name,
    phone: user.phone,
    status: user.status,
    notify_by_email: user.notify_by_email,
    notify_by_whatsapp: user.notify_by_whatsapp,
    metadata: user.metadata,
    created_at: user.created_at,
    updated_at: user.updated_at,
    cases: (state.caseIdsByUser.get(user.id) ?? []).flatMap((id) => {
      const record = state.cases.get(id)
      if (!record) return []
      return [
        {
          id: record.id,
          receipt_number: record.receipt_number,
          user_case_id: record.user_case_id,
          description: record.description,
          active: record.active,
          created_at: record.created_at,
          last_checked: record.last_checked,
          metadata: record.metadata,
          timeline: api.store.statusUpdatesOf(record.id).map((update) => ({
            id: update.id,
            status_code: update.status_code,
            status_code_es: update.status_code_es,
            status_description: update.status_description,
            status_description_es: update.status_description_es,
            form_type: update.form_type,
            detail_message: update.detail_message,
            modified_date: update.modified_date,
            recorded_at: update.timestamp,
            notifications: { email: channel(update, 'email'), whatsapp: channel(update, 'whatsapp') },
          })),
        },
      ]
    }),
  })
  const webhookView = (record: WebhookRecord): WebhookView => {
    const { secret: _secret, previous_secret: _previous, previous_secret_expires_at: _expires, ...view } = record
    return { ...view, events: [...record.events] }
  }
  const outage = api.uscis.outage()
  return {
    now: api.clock.iso(),
    pending_jobs: api.clock.pending(),
    next_job_at: api.clock.nextDueAt(),
    faults: faultsBody(api.faults.get()),
    uscis_outage: outage ? { ...outage } : null,
    users: state.userIds.flatMap((id) => {
      const user = state.users.get(id)
      return user ? [userView(user)] : []
    }),
    webhooks: state.webhookIds.flatMap((id) => {
      const record = state.webhooks.get(id)
      return record ? [webhookView(record)] : []
    }),
  }
}

const encoder = new TextEncoder()

/**
 * `GET /__mock/stream`: a hello, then one message per change, and keepalive comments. The stream
 * of a named session ends when the session is dropped.
 */
function changeStream(api: MockApi, sessions?: MockSessions): ReadableStream<Uint8Array> {
  const feed = changesOf(api)
  let stop = () => {}
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true
      const send = (text: string) => {
        if (!open) return
        if ((controller.desiredSize ?? 0) < -STREAM_MAX_QUEUED) {
          stop()
          controller.close()
          return
        }
        controller.enqueue(encoder.encode(text))
      }
      const unsubscribe = feed?.subscribe((change) => send(`data: ${JSON.stringify(change)}\n\n`)) ?? (() => {})
      const timer = setInterval(() => send(': keepalive\n\n'), STREAM_KEEPALIVE_MS)
      // A stream left open must not keep a process alive (Node and Bun timers have unref).
      ;(timer as { unref?: () => void }).unref?.()
      const unwatch =
        sessions?.onDrop((_name, dropped) => {
          if (dropped !== api || !open) return
          stop()
          controller.close()
        }) ?? (() => {})
      stop = () => {
        open = false
        clearInterval(timer)
        unsubscribe()
        unwatch()
      }
      send(`retry: 1000\n\ndata: ${JSON.stringify({ kind: 'hello', now: api.clock.iso() })}\n\n`)
    },
    cancel() {
      stop()
    },
  })
}

function authorized(request: ControlRequest, route: ControlRoute | undefined, apiKey: string | undefined): boolean {
  if (apiKey === undefined) return true
  const header = request.header('authorization')
  const match = header ? /^Bearer\s+(\S.*)$/i.exec(header.trim()) : null
  if (match && (match[1] as string).trim() === apiKey) return true
  return route?.inBrowser === true && request.query.get('key') === apiKey
}

const json = (status: number, body: unknown, requestId: string): ControlReply => ({
  status,
  headers: {
    'X-Request-Id': requestId,
    'Cache-Control': 'no-store',
    ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
  },
  body: body === undefined ? null : JSON.stringify(body),
})

/** Control request ids of each mock (`ctl_000001`, …) when neither the host nor the caller gives one. */
const counters = new WeakMap<MockApi, number>()

function nextRequestId(api: MockApi): string {
  const next = (counters.get(api) ?? 0) + 1
  counters.set(api, next)
  return `ctl_${String(next).padStart(6, '0')}`
}

/** A control request matched to its route, as the route's answer reads it. */
interface RouteCall {
  /** The mock it acts on: on a host with sessions, the session the request names (routes with `needs` name none). */
  api: MockApi
  request: ControlRequest
  /** The path's parameters (the groups of the route's pattern), still percent-encoded. */
  params: string[]
  /** A `POST` body as a JSON object (`{}` when empty); `{}` for other methods and for `rawBody` routes. */
  body: Record<string, unknown>
  requestId: string
  options: ControlOptions
}

type Answer = { stream: ReadableStream<Uint8Array>; reply?: undefined } | { stream?: undefined; reply: ControlReply }

/** One control route: a method, a path under `/__mock/`, and its answer. */
export interface ControlRoute {
  method: 'GET' | 'POST' | 'DELETE'
  /** What follows `/__mock/`: the path itself, or a pattern whose groups are the path's parameters. */
  path: string | RegExp
  /**
   * What the host must have for the route to exist (without it the path is unknown: 404): its
   * `sessions`, for the routes that list and drop them, or its `console` page, served without the
   * key (it holds no data and asks for the key itself). Either way the route acts on no one
   * session, so the request names none and creates none.
   */
  needs?: 'sessions' | 'console'
  /** A browser opens it without script: it also takes `?key=` and `?session=`. */
  inBrowser?: true
  /** It reads its body itself (a snapshot) rather than as a JSON object. */
  rawBody?: true
  answer(call: RouteCall): Answer | Promise<Answer>
}

const ok = (call: RouteCall, body: unknown): Answer => ({ reply: json(200, body, call.requestId) })
/** The host's sessions: the routes that need them are found only on a host that has them. */
const sessionsOf = (call: RouteCall) => call.options.sessions as MockSessions

function downloadSnapshot({ api, requestId }: RouteCall): Answer {
  const reply = json(200, undefined, requestId)
  reply.headers['Content-Type'] = 'application/json'
  reply.headers['Content-Disposition'] = 'attachment; filename="immigraflow-mock-snapshot.json"'
  reply.body = snapshotToJson(api.snapshot(), api.clock.iso())
  return { reply }
}

async function restoreSnapshot(call: RouteCall): Promise<Answer> {
  let snapshot: ReturnType<typeof snapshotFromJson>
  try {
    snapshot = snapshotFromJson(utf8.decode(call.request.body))
  } catch (error) {
    if (error instanceof SnapshotError) throw bad(error.message)
    throw error
  }
  // Deliveries in flight would write into the restored state: let them finish first.
  await call.api.idle()
  call.api.restore(snapshot)
  return ok(call, { status: 'restored', now: call.api.clock.iso() })
}

function requestLog(call: RouteCall): Answer {
  const filter: Record<string, unknown> = {}
  for (const [name, value] of call.request.query) {
    filter[name] = name === 'status' && /^[0-9]+$/.test(value) ? Number(value) : value
  }
  return ok(call, { data: filterRequests(call.api.requests, parseRequestFilter(filter)) })
}

function coverage(call: RouteCall): Answer {
  const counter = coverageOf(call.api)
  if (counter === undefined) throw new ControlError(404, 'not_found', 'This mock keeps no coverage counters.')
  return ok(call, counter.report())
}

async function advanceClock(call: RouteCall): Promise<Answer> {
  const { api, body } = call
  onlyFields(body, ['advance_ms'])
  const advance = optionalNumber(body, 'advance_ms')
  // A negative amount is refused by the clock itself, with the message `api.control` gives.
  if (advance === undefined) throw bad('Send { "advance_ms": <milliseconds ≥ 0> }.')
  const report = await api.clock.advance(advance)
  return ok(call, { now: api.clock.iso(), pending_jobs: api.clock.pending(), ...report })
}

function setFaults(call: RouteCall): Answer {
  const { api, body } = call
  const unknown = Object.keys(body).filter((name) => !FAULT_FIELDS.includes(name))
  if (unknown.length > 0) throw bad(`Unknown field ${unknown.join(', ')}; send any of ${FAULT_FIELDS.join(', ')}.`)
  if (body.reset !== undefined && typeof body.reset !== 'boolean') throw bad('reset must be true or false.')
  const settings = {
    failRate: optionalNumber(body, 'fail_rate'),
    code: optionalNumber(body, 'code'),
    latencyMs: optionalNumber(body, 'latency_ms'),
    reset: body.reset,
    webhooks: chaosSettings(body.webhooks),
  }
  const errors = validateGlobalFaults(settings, {
    failRate: 'fail_rate',
    code: 'code',
    latencyMs: 'latency_ms',
    delayMs: 'webhooks.delay_ms',
  })
  if (errors.length > 0) throw bad(`${errors.join('; ')}.`)
  return ok(call, faultsBody(api.faults.set(settings)))
}

function setOutage(call: RouteCall): Answer {
  const { api, body } = call
  onlyFields(body, ['outage'])
  const outage = body.outage
  if (outage === null) {
    api.uscis.recover()
    return ok(call, { outage: null })
  }
  if (typeof outage !== 'object' || outage === undefined || Array.isArray(outage))
    throw bad('Send { "outage": { "status": 429 | 502 | 503, "retry_after": s, "times": n } } or { "outage": null }.')
  const settings = outage as Record<string, unknown>
  onlyFields(settings, ['status', 'retry_after', 'times'], 'outage.')
  const status = settings.status
  if (status !== 429 && status !== 502 && status !== 503) throw bad('outage.status must be 429, 502 or 503.')
  api.uscis.fail({
    status,
    retryAfter: optionalNumber(settings, 'retry_after'),
    times: optionalNumber(settings, 'times'),
  })
  return ok(call, { outage: api.uscis.outage() })
}

function steerReceipt(call: RouteCall): Answer {
  const { api, body } = call
  const receipt = pathSegment(call.params[0] as string, 'receipt')
  onlyFields(body, ['advance', 'status'])
  if (body.advance !== undefined && body.status !== undefined)
    throw bad('Send either { "advance": true } or { "status": "<USCIS title>" }, not both: pick one.')
  if (body.advance !== undefined && body.advance !== true) throw bad('advance must be true.')
  if (body.status !== undefined && !(typeof body.status === 'string' && body.status.trim()))
    throw bad('status must be a USCIS title, such as "Case Was Approved".')
  try {
    if (body.advance === true) return ok(call, { status: api.uscis.advance(receipt) })
    if (typeof body.status === 'string') return ok(call, { status: api.uscis.setStatus(receipt, body.status) })
  } catch (error) {
    if (error instanceof UnknownReceiptError) throw new ControlError(404, 'not_found', error.message)
    throw error
  }
  throw bad('Send { "advance": true } or { "status": "<USCIS title>" }.')
}

async function redeliver(call: RouteCall): Promise<Answer> {
  const { api } = call
  const eventId = pathSegment(call.params[0] as string, 'event id')
  const before = api.deliveries.length
  if (redeliverEventOf(api, eventId) === undefined)
    throw new ControlError(404, 'not_found', `No event ${eventId}; GET /__mock/events lists them.`)
  await api.idle()
  const attempts = api.deliveries.slice(before).filter((attempt) => attempt.event_id === eventId && attempt.redelivery)
  return ok(call, { data: attempts })
}

/**
 * Every control route, in one table: `controlReply` answers from it, an unknown route (not in it)
 * is a 404 that creates no session, and a known path asked with another method is a 405 whose
 * `Allow` lists the methods the table has for that path.
 */
export const CONTROL_ROUTES: readonly ControlRoute[] = [
  {
    method: 'GET',
    path: CONSOLE_PATH,
    needs: 'console',
    answer: ({ options, requestId }) => {
      const page = options.console as ConsolePage
      return { reply: { status: 200, headers: { ...page.headers(), 'X-Request-Id': requestId }, body: page.html() } }
    },
  },
  {
    method: 'GET',
    path: 'health',
    answer: (call) => {
      const { api } = call
      return ok(call, { status: 'ok', now: api.clock.iso(), base_url: api.baseUrl, pending_jobs: api.clock.pending() })
    },
  },
  {
    method: 'POST',
    path: 'reset',
    answer: async (call) => {
      await call.api.idle()
      call.api.reset()
      return ok(call, { status: 'reset', now: call.api.clock.iso() })
    },
  },
  {
    method: 'POST',
    path: 'idle',
    answer: async (call) => {
      await call.api.idle()
      return ok(call, { status: 'idle', now: call.api.clock.iso() })
    },
  },
  { method: 'GET', path: 'outbox', answer: (call) => ok(call, { data: call.api.outbox }) },
  { method: 'GET', path: 'deliveries', answer: (call) => ok(call, { data: call.api.deliveries }) },
  { method: 'GET', path: 'events', answer: (call) => ok(call, { data: call.api.events }) },
  { method: 'GET', path: 'requests', answer: requestLog },
  {
    method: 'POST',
    path: 'expect',
    answer: (call) => ok(call, evaluateExpectation(call.api.requests, parseExpectation(call.body))),
  },
  { method: 'GET', path: 'coverage', answer: coverage },
  { method: 'POST', path: 'clock', answer: advanceClock },
  { method: 'POST', path: /^uscis\/([^/]+)$/, answer: steerReceipt },
  { method: 'POST', path: 'uscis', answer: setOutage },
  { method: 'GET', path: 'faults', answer: (call) => ok(call, faultsBody(call.api.faults.get())) },
  { method: 'POST', path: 'faults', answer: setFaults },
  {
    method: 'DELETE',
    path: 'faults',
    answer: (call) => {
      call.api.faults.clear()
      return ok(call, faultsBody(call.api.faults.get()))
    },
  },
  { method: 'GET', path: 'state', answer: (call) => ok(call, { data: stateView(call.api) }) },
  { method: 'POST', path: /^events\/([^/]+)\/redeliver$/, answer: redeliver },
  { method: 'GET', path: 'snapshot', inBrowser: true, answer: downloadSnapshot },
  { method: 'POST', path: 'restore', rawBody: true, answer: restoreSnapshot },
  {
    method: 'GET',
    path: 'stream',
    inBrowser: true,
    answer: ({ api, options }) => ({ stream: changeStream(api, options.sessions) }),
  },
  {
    method: 'GET',
    path: 'sessions',
    needs: 'sessions',
    answer: (call) => ok(call, { data: sessionsOf(call).list(), max_sessions: sessionsOf(call).maxSessions }),
  },
  {
    method: 'DELETE',
    path: /^sessions\/([^/]*)$/,
    needs: 'sessions',
    answer: async (call) => {
      const name = pathSegment(call.params[0] as string, 'session name')
      return ok(call, { status: 'dropped', session: await sessionsOf(call).drop(name) })
    },
  },
]

/**
 * What a control request names on a host: a route (with the path's parameters), or a path the
 * host serves with other methods only (`allow`, in table order); undefined for an unknown path.
 */
type RouteMatch = { route: ControlRoute; params: string[]; allow?: undefined } | { route?: undefined; allow: string[] }

function matchRoute(request: ControlRequest, options: ControlOptions): RouteMatch | undefined {
  // HEAD is answered wherever GET is (some readiness checks send HEAD).
  const method = request.method === 'HEAD' ? 'GET' : request.method
  const allow: string[] = []
  for (const route of CONTROL_ROUTES) {
    if (route.needs !== undefined && options[route.needs] === undefined) continue
    const params =
      typeof route.path === 'string'
        ? route.path === request.path
          ? []
          : null
        : (route.path.exec(request.path)?.slice(1) ?? null)
    if (params === null) continue
    if (route.method === method) return { route, params }
    allow.push(route.method)
  }
  return allow.length > 0 ? { allow } : undefined
}

/** Answers one control request (`path` after `/__mock/`). Never throws for bad input: that is a 4xx. */
export async function controlReply(
  api: MockApi,
  request: ControlRequest,
  options: ControlOptions = {},
): Promise<ControlReply> {
  const own = request.header('x-request-id')
  const requestId = options.requestId ?? (own && own.length <= 200 ? own : nextRequestId(api))
  const fail = (status: number, code: string, message: string) =>
    json(status, { error: { code, message, request_id: requestId } }, requestId)
  const { method, path } = request
  const match = matchRoute(request, options)
  // The console page (`GET /__mock/`, `GET /__mock/console`) holds no data: it asks for the key
  // itself before it reads any, so it is served without one.
  if (match?.route?.needs !== 'console') {
    if (!authorized(request, match?.route, options.apiKey)) {
      return fail(
        401,
        'unauthorized',
        'The mock runs with an API key: send it as "Authorization: Bearer <api key>" on control routes too.',
      )
    }
    const limit = controlBodyLimit(path)
    const size = request.bodySize ?? request.body.byteLength
    if (size > limit)
      return fail(413, 'payload_too_large', `The request body is ${size} bytes; the limit is ${limit} bytes.`)
  }
  // Neither an unknown route nor a wrong method reaches a session: they create none.
  if (match === undefined) return fail(404, 'not_found', `No control route ${method} ${CONTROL_PREFIX}${path}.`)
  if (match.route === undefined) {
    const allow = match.allow.join(', ')
    const reply = fail(
      405,
      'method_not_allowed',
      `${CONTROL_PREFIX}${path} does not take ${method}: it takes ${allow}.`,
    )
    reply.headers.Allow = allow
    return reply
  }
  try {
    const { route, params } = match
    const sessions = options.sessions
    const target = sessions && route.needs === undefined ? sessions.resolve(sessionNameOf(request, route)) : api
    const body = method === 'POST' && !route.rawBody ? parseObject(request.body) : {}
    const answer = await route.answer({ api: target, request, params, body, requestId, options })
    if (method === 'HEAD' && answer.stream) void answer.stream.cancel().catch(() => undefined)
    return answer.stream
      ? {
          status: 200,
          headers: {
            'X-Request-Id': requestId,
            'Content-Type': 'text/event-stream; charset=utf-8',
            'Cache-Control': 'no-store',
            'X-Accel-Buffering': 'no',
          },
          body: method === 'HEAD' ? null : answer.stream,
        }
      : answer.reply
  } catch (error) {
    if (error instanceof ControlError || error instanceof SessionError)
      return fail(error.status, error.code, error.message)
    // Bad input to a control (an undecodable receipt, a clock past the last date, an invalid
    // outage) is the caller's mistake: 400, not a crash.
    if (error instanceof RangeError || error instanceof URIError) return fail(400, 'bad_request', error.message)
    throw error
  }
}

/**
 * The session a control request names: its `X-Mock-Session` header, or for the routes a browser
 * opens without script, `?session=`; null for the default session. `?session=` on any other
 * route is refused, so it never acts on the default session by mistake.
 */
function sessionNameOf(request: ControlRequest, route: ControlRoute): string | null {
  const header = request.header('x-mock-session')
  const inQuery = route.inBrowser === true
  if (!inQuery && request.query.has('session'))
    throw bad(
      `${request.method} ${CONTROL_PREFIX}${request.path} does not take ?session=: name the session with the ${SESSION_HEADER} header (only GET ${CONTROL_PREFIX}stream and GET ${CONTROL_PREFIX}snapshot take ?session=).`,
    )
  const query = inQuery ? request.query.get('session') : null
  if (header !== null && query !== null && header !== query)
    throw bad(
      `The ${SESSION_HEADER} header ("${header}") and ?session= ("${query}") name different sessions; send one.`,
    )
  if (header !== null) return checkSessionName(header)
  return query === null ? null : checkSessionName(query, 'the session query parameter')
}

/** The control path of a URL on the mock's origin (what follows `/__mock/`), or null when it is not one. */
export function controlPath(api: MockApi, url: URL): string | null {
  let path = url.pathname
  const base = new URL(api.baseUrl).pathname.replace(/\/+$/, '')
  if (base && path.startsWith(`${base}${CONTROL_PREFIX}`)) path = path.slice(base.length)
  return path.startsWith(CONTROL_PREFIX) ? path.slice(CONTROL_PREFIX.length) : null
}

/**
 * Answers a fetch `Request` to a control route (`…/__mock/…` on any origin); undefined for any
 * other path. For hosts other than the standalone server and MSW: a worker, Deno, Bun.
 */
export async function handleControl(
  api: MockApi,
  request: Request,
  options: ControlOptions = {},
): Promise<Response | undefined> {
  const url = new URL(request.url)
  const path = controlPath(api, url)
  if (path === null) return undefined
  const body =
    request.method === 'GET' || request.method === 'HEAD'
      ? new Uint8Array()
      : new Uint8Array(await request.arrayBuffer())
  const reply = await controlReply(
    api,
    { method: request.method, path, query: url.searchParams, header: (name) => request.headers.get(name), body },
    options,
  )
  return new Response(reply.body, { status: reply.status, headers: reply.headers })
}
