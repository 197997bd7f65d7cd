/**
 * The request pipeline every operation goes through, in this order: request id → faults
 * (`Prefer`, global) → auth → size (413) → JSON (400) → path, query and body validation with
 * the generated zod schemas (422) → idempotency replay → the operation → `X-Request-Id`,
 * request log, and a kick for background work that fell due.
 *
 * The pipeline reads a `MockRequest` and answers a `MockReply`, so every host shares it:
 * `handle` and `fetch` (fetch `Request` in, `Response` out), MSW (one catch-all handler for the
 * mock's origin) and the standalone server (node request in, node response out, with no fetch
 * `Request` or `Response` built on the way). `createRouter()` compiles the routes once, when the
 * mock is created; each request is then matched once, by method and path.
 */
import type * as z from 'zod/mini'
import { type OperationId, operations } from '../../src/generated/zod'
import type { MockContext } from '../context'
import { decideFault, parsePrefer, preferredFaultHeaders } from '../faults'
import { loggedHeaders } from '../request-log'
import { loggedBody, type RequestLogEntry } from '../store'
import {
  ApiError,
  CODE_BY_STATUS,
  type ErrorDetail,
  errorEnvelope,
  RETRY_AFTER_STATUSES,
  validationFailed,
} from './errors'
import { findReplay, isReplayable, remember } from './idempotency'
import { readQuery } from './query'
import { check } from './validation'

type Operations = typeof operations
type BodyOf<Id extends OperationId> = Operations[Id]['body'] extends z.ZodMiniType
  ? z.output<Operations[Id]['body']>
  : undefined

/** The validated input an operation receives. */
export interface Input<Id extends OperationId> {
  path: z.output<Operations[Id]['pathParams']>
  query: z.output<Operations[Id]['query']>
  body: BodyOf<Id>
  requestId: string
}

/** A request as the pipeline reads it, whichever host received it. */
export interface MockRequest {
  readonly method: string
  /** The request's URL on the mock's origin. */
  readonly url: URL
  /** A header's value as fetch's `Headers.get` gives it; null when absent. */
  header(name: string): string | null
  /** The names of the request's headers, when the host can list them (for the request log). */
  headerNames?(): Iterable<string>
  /** The body bytes; read only for operations that take a body. */
  bytes(): Promise<Uint8Array>
  /**
   * The body's full length when `bytes()` holds only its start: a host that stops keeping a
   * body past `MAX_BODY_BYTES` still reports its size, for the 413 answer.
   */
  readonly bodySize?: number
}

/** What the pipeline answers: a response, or a dropped connection (`Prefer: fault=reset`). */
export type MockReply =
  | { reset: false; status: number; headers: Record<string, string>; body: string | null }
  | { reset: true }

/** What an operation answers when it succeeds (failures are thrown `ApiError`s). */
export interface Result {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export const MAX_BODY_BYTES = 1_048_576
const MAX_LOGGED_REQUESTS = 10_000

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function jsonReply(status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): MockReply {
  if (body === undefined)
    return { reset: false, status, headers: { 'X-Request-Id': requestId, ...headers }, body: null }
  return {
    reset: false,
    status,
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': requestId, ...headers },
    body: JSON.stringify(body),
  }
}

function errorReply(error: ApiError, requestId: string): MockReply {
  const headers = { ...error.headers }
  if (RETRY_AFTER_STATUSES.has(error.status) && !headers['Retry-After']) headers['Retry-After'] = '1'
  return jsonReply(error.status, errorEnvelope(requestId, error), requestId, headers)
}

/** A fetch `Request` (from `handle`, `fetch` or MSW) as the pipeline reads it. */
export function fromFetchRequest(request: Request): MockRequest {
  return {
    method: request.method,
    url: new URL(request.url),
    header: (name) => request.headers.get(name),
    headerNames: () => request.headers.keys(),
    bytes: async () => new Uint8Array(await request.arrayBuffer()),
  }
}

function successStatus(id: OperationId): number {
  return Number(Object.keys(operations[id].responses).find((status) => status.startsWith('2')))
}

function declares(id: OperationId | null, status: number): boolean {
  return id === null ? status === 404 || status === 503 : String(status) in operations[id].responses
}

function authenticate(ctx: MockContext, request: MockRequest): string {
  const header = request.header('authorization')
  const match = header ? /^Bearer\s+(\S.*)$/i.exec(header.trim()) : null
  if (!match) {
    throw new ApiError(401, 'unauthorized', 'Missing API key. Send it as "Authorization: Bearer <api key>".')
  }
  const key = (match[1] as string).trim()
  if (ctx.apiKey !== undefined && key !== ctx.apiKey) {
    throw new ApiError(401, 'unauthorized', 'Invalid API key. Check the key you configured for the mock (--api-key).')
  }
  return key
}

function injectedFault(
  id: OperationId | null,
  requested: number,
  label: string,
  retryAfter: number | undefined,
  extraHeaders: Record<string, string>,
): ApiError {
  // A global fault code an operation does not declare falls back to 503, which every operation declares.
  const status = label.startsWith('fail-rate') && !declares(id, requested) ? 503 : requested
  if (!declares(id, status)) {
    const allowed = id === null ? '404' : Object.keys(operations[id].responses).join(', ')
    return new ApiError(422, 'validation_failed', 'The request has 1 invalid field: Prefer.', [
      { field: 'Prefer', message: `${label}: this operation answers only ${allowed}` },
    ])
  }
  const code = CODE_BY_STATUS[status] ?? 'internal_error'
  // `Prefer: retry-after=N` replaces the usual 1 s where the spec has the header (429, 503).
  const headers: Record<string, string> = {
    ...(retryAfter !== undefined && RETRY_AFTER_STATUSES.has(status) && { 'Retry-After': String(retryAfter) }),
    ...extraHeaders,
  }
  return new ApiError(
    status,
    code,
    `Injected fault (${label}): the mock answered ${status} on purpose.`,
    undefined,
    headers,
  )
}

/** The outcome of parsing `{}` with each query schema: the same for every request that sends no query. */
const emptyQueries = new WeakMap<z.ZodMiniType, ReturnType<typeof check>>()
const isPrimitive = (value: unknown) => value === null || (typeof value !== 'object' && typeof value !== 'function')

/** `check(schema, query)`, parsing an empty query once per schema (a copy each time, so no request sees another's). */
function checkQuery(schema: z.ZodMiniType, query: Record<string, unknown>): ReturnType<typeof check> {
  if (Object.keys(query).length > 0) return check(schema, query)
  let parsed = emptyQueries.get(schema)
  if (parsed === undefined) {
    parsed = check(schema, {})
    // Defaults are numbers and strings; anything nested would need a deep copy, so it is not kept.
    const shallow = !parsed.ok || Object.values(parsed.data as object).every(isPrimitive)
    if (!shallow) return parsed
    emptyQueries.set(schema, parsed)
  }
  return parsed.ok ? { ok: true, data: { ...(parsed.data as object) } } : { ok: false, details: [...parsed.details] }
}

interface Pipeline<Id extends OperationId> {
  ctx: MockContext
  id: Id | null
  request: MockRequest
  params: Readonly<Record<string, string>>
  run: (input: Input<Id>) => Result | Promise<Result>
}

// Stateless without `stream: true`, so one decoder serves every request.
const utf8 = new TextDecoder()

async function pipeline<Id extends OperationId>({ ctx, id, request, params, run }: Pipeline<Id>): Promise<MockReply> {
  // `restore()` may swap the state while a request awaits its body or latency: always read it fresh.
  const state = ctx.state
  const url = request.url
  const callerId = request.header('x-request-id')
  const requestId =
    callerId && callerId.length <= 200 ? callerId : `req_${String(++state().counters.request).padStart(6, '0')}`
  const operation = id === null ? null : operations[id]
  const log: RequestLogEntry = {
    request_id: requestId,
    method: request.method,
    path: url.pathname,
    query: url.search,
    operation: id,
    status: 0,
    fault: null,
    idempotent_replay: false,
    received_at: ctx.now(),
    request_body: null,
    response_body: null,
    headers: loggedHeaders((name) => request.header(name), request.headerNames?.()),
    params: { ...params },
  }
  const finish = (reply: MockReply): MockReply => {
    log.status = reply.reset ? 0 : reply.status
    ctx.coverage.response(id, log.status)
    log.request_body = loggedBody(bodyText)
    if (!reply.reset) log.response_body = loggedBody(reply.body)
    const requests = ctx.state().requests
    requests.push(log)
    // shift() drops the oldest in constant time; splice(0, n) moved all 10 000 entries on every request.
    while (requests.length > MAX_LOGGED_REQUESTS) requests.shift()
    ctx.clock.runDue()
    ctx.changed({
      kind: 'request',
      now: log.received_at,
      method: log.method,
      path: log.path,
      status: log.status,
      request_id: requestId,
    })
    return reply
  }

  let bytes: Uint8Array | null = null
  if (operation?.body) bytes = await request.bytes()
  const bodyText = bytes ? utf8.decode(bytes) : ''

  try {
    const { prefer, errors } = parsePrefer(request.header('prefer'))
    if (errors.length > 0) {
      throw new ApiError(422, 'validation_failed', 'The request has 1 invalid field: Prefer.', [
        { field: 'Prefer', message: errors.join('; ') },
      ])
    }
    // The identity of "identical calls" matters only to `fail-times`: build it only then.
    const identity = prefer.failTimes === undefined ? '' : `${request.method} ${url.pathname}${url.search}\n${bodyText}`
    const fault = decideFault(state(), prefer, identity)
    log.fault = fault.label
    if (fault.latencyMs > 0) await sleep(fault.latencyMs)
    if (fault.action?.kind === 'reset') return finish({ reset: true })
    if (fault.action && !(id !== null && fault.action.status === successStatus(id))) {
      throw injectedFault(
        id,
        fault.action.status,
        fault.label ?? 'fault',
        prefer.retryAfter,
        preferredFaultHeaders(prefer),
      )
    }

    const apiKey = authenticate(ctx, request)
    if (id === null || operation === null) {
      throw new ApiError(
        404,
        'not_found',
        `No operation ${request.method} ${url.pathname}. See openapi.yaml for the API's paths.`,
      )
    }

    let body: unknown
    if (operation.body) {
      const size = request.bodySize ?? (bytes as Uint8Array).byteLength
      if (size > MAX_BODY_BYTES) {
        throw new ApiError(
          413,
          'payload_too_large',
          `The request body is ${size} bytes; the limit is ${MAX_BODY_BYTES} bytes (1 MiB).`,
        )
      }
      const type = request.header('content-type') ?? ''
      if (!/^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i.test(type)) {
        throw new ApiError(
          400,
          'bad_request',
          `Send the body as JSON with "Content-Type: application/json" (got ${type ? `"${type}"` : 'no content type'}).`,
        )
      }
      try {
        body = JSON.parse(bodyText)
      } catch (error) {
        throw new ApiError(400, 'bad_request', `The request body is not valid JSON: ${(error as Error).message}.`)
      }
    }

    const details: ErrorDetail[] = []
    const path = check(operation.pathParams, params)
    if (!path.ok) details.push(...path.details)
    const query = checkQuery(operation.query, readQuery(url))
    if (!query.ok) details.push(...query.details)
    const parsedBody = operation.body ? check(operation.body, body) : ({ ok: true, data: undefined } as const)
    if (!parsedBody.ok) details.push(...parsedBody.details)
    const key = operation.method === 'POST' ? request.header('idempotency-key') : null
    if (key !== null && (key.length < 1 || key.length > 255)) {
      details.push({ field: 'Idempotency-Key', message: 'must be 1 to 255 characters long' })
    }
    // The ok checks narrow the parse results for the type checker; details are never empty when one fails.
    if (details.length > 0 || !path.ok || !query.ok || !parsedBody.ok) throw validationFailed(details)

    // What a replay must match; only a request with an Idempotency-Key has one to match.
    const fingerprint = key === null ? '' : `${request.method} ${url.pathname}${url.search}\n${bodyText}`
    const slot = key === null ? null : `${apiKey}\n${key}`
    if (slot !== null && key !== null) {
      for (let running = ctx.keysInFlight.get(slot); running; running = ctx.keysInFlight.get(slot)) await running
      const replay = findReplay(state(), apiKey, key, fingerprint)
      if (replay) {
        log.idempotent_replay = true
        const headers: Record<string, string> = { 'X-Request-Id': requestId, 'Idempotent-Replayed': 'true' }
        if (replay.body !== null) headers['Content-Type'] = 'application/json'
        let replayBody = replay.body
        if (replayBody !== null && replay.status >= 400) {
          // An error envelope names the request it answers: this one.
          const envelope = JSON.parse(replayBody) as { error: { request_id: string } }
          envelope.error.request_id = requestId
          replayBody = JSON.stringify(envelope)
        }
        return finish({ reset: false, status: replay.status, headers, body: replayBody })
      }
    }

    let result: Result
    let done = () => {}
    if (slot !== null) ctx.keysInFlight.set(slot, new Promise<void>((resolve) => (done = resolve)))
    try {
      result = await run({
        path: path.data,
        query: query.data,
        body: parsedBody.data as BodyOf<Id>,
        requestId,
      } as Input<Id>)
    } catch (error) {
      if (key !== null && error instanceof ApiError && isReplayable(error.status)) {
        remember(state(), apiKey, key, {
          fingerprint,
          status: error.status,
          body: JSON.stringify(errorEnvelope(requestId, error)),
        })
      }
      throw error
    } finally {
      if (slot !== null) {
        ctx.keysInFlight.delete(slot)
        done()
      }
    }
    if (key !== null && isReplayable(result.status)) {
      remember(state(), apiKey, key, {
        fingerprint,
        status: result.status,
        body: result.body === undefined ? null : JSON.stringify(result.body),
      })
    }
    return finish(jsonReply(result.status, result.body, requestId, result.headers))
  } catch (error) {
    if (error instanceof ApiError) return finish(errorReply(error, requestId))
    console.error('[immigraflow-mock] unexpected error', error)
    return finish(
      errorReply(
        new ApiError(500, 'internal_error', `The mock failed unexpectedly: ${(error as Error).message}`),
        requestId,
      ),
    )
  }
}

/** One operation (or the malformed-path guard, or the `/v1` fallback) as the router runs it. */
export interface MockRoute {
  /** The HTTP method, or null for any. */
  readonly method: string | null
  /** The path under the base URL: plain segments, `{param}`s, or a trailing `/*`. */
  readonly path: string
  /** For routes that answer only some requests of their path: whether this one is theirs. */
  accepts?(request: MockRequest): boolean
  answer(request: MockRequest, params: Readonly<Record<string, string>>): Promise<MockReply>
}

interface CompiledRoute {
  readonly route: MockRoute
  readonly pattern: RegExp
  /** The names of the pattern's groups, in order. */
  readonly params: readonly string[]
}

/** Answers requests to the mock's origin; created once per mock by `createRouter`. */
export interface Router {
  /** The route's answer, or undefined when no route matches (another origin, a path outside the API). */
  dispatch(request: MockRequest): Promise<MockReply> | undefined
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/**
 * A route's path as a regular expression over the part of the URL after the base URL, with the
 * matching rules MSW (path-to-regexp) used when the mock's routes were MSW handlers, so every
 * request reaches the route it reached then: case-insensitive, anchored, one optional trailing
 * delimiter, a `{param}` one segment or more of characters, `*` anything.
 */
function compile(route: MockRoute): CompiledRoute {
  const params: string[] = []
  const source = route.path
    .split(/(\{[a-z_]+\}|\*)/)
    .map((part) => {
      if (part === '*') return '(.*)'
      if (part.startsWith('{')) {
        params.push(part.slice(1, -1))
        return '([^\\/#\\?]+?)'
      }
      return escapeRegExp(part)
    })
    .join('')
  return { route, pattern: new RegExp(`^${source}[\\/#\\?]?$`, 'i'), params }
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const

/**
 * Compiles `routes` (in order: the first match answers) for the mock at `baseUrl`. Each method
 * gets its own list, so a request is compared only with the routes that could answer it.
 */
export function createRouter(baseUrl: string, routes: readonly MockRoute[]): Router {
  const compiled = routes.map(compile)
  const forMethod = (method: string) =>
    compiled.filter(({ route }) => route.method === null || route.method.toUpperCase() === method)
  const byMethod = new Map<string, CompiledRoute[]>(METHODS.map((method) => [method, forMethod(method)]))
  const anyMethod = compiled.filter(({ route }) => route.method === null)
  // The origin as URL gives it (lower-case scheme and host), then the base path as written.
  const base = new URL(baseUrl)
  const origin = base.origin
  const basePath = base.pathname === '/' ? '' : base.pathname
  const basePathLower = basePath.toLowerCase()
  return {
    dispatch(request) {
      const url = request.url
      if (url.origin !== origin) return undefined
      const pathname = url.pathname
      if (basePath !== '' && pathname.slice(0, basePath.length).toLowerCase() !== basePathLower) return undefined
      const rest = basePath === '' ? pathname : pathname.slice(basePath.length)
      const candidates = byMethod.get(request.method.toUpperCase()) ?? anyMethod
      for (const { route, pattern, params } of candidates) {
        if (route.accepts && !route.accepts(request)) continue
        const match = pattern.exec(rest)
        if (!match) continue
        const values: Record<string, string> = {}
        for (let index = 0; index < params.length; index++) {
          values[params[index] as string] = decodeURIComponent(match[index + 1] as string)
        }
        return route.answer(request, values)
      }
      return undefined
    },
  }
}

/** Whether a path holds a percent-escape that does not decode (`%ZZ`, a trailing `%`, broken UTF-8). */
function hasMalformedEscape(pathname: string): boolean {
  if (!pathname.includes('%')) return false
  try {
    decodeURIComponent(pathname)
    return false
  } catch {
    return true
  }
}

/**
 * The first route: a path whose percent-escapes do not decode is answered with the usual 404
 * envelope (logged, with its request id). Without it, decoding the path parameters would throw
 * before any route could answer.
 */
export function malformedPathGuard(ctx: MockContext): MockRoute {
  const run = () => ({ status: 404 })
  return {
    method: null,
    path: '/*',
    accepts: (request) => hasMalformedEscape(request.url.pathname),
    answer: (request) => pipeline<OperationId>({ ctx, id: null, request, params: {}, run }),
  }
}

/** The route of one operation of openapi.yaml. */
export function route<Id extends OperationId>(
  ctx: MockContext,
  id: Id,
  run: (input: Input<Id>) => Result | Promise<Result>,
): MockRoute {
  const operation = operations[id]
  return {
    method: operation.method.toUpperCase(),
    path: operation.path,
    answer: (request, params) => pipeline({ ctx, id, request, params, run }),
  }
}

/** Answers every other `/v1/…` request with a 404 envelope, so nothing leaks to the network. */
export function fallbackRoute(ctx: MockContext): MockRoute {
  const run = () => ({ status: 404 })
  return {
    method: null,
    path: '/v1/*',
    answer: (request) => pipeline<OperationId>({ ctx, id: null, request, params: {}, run }),
  }
}
