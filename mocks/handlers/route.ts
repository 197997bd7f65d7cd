/**
 * The request pipeline every operation goes through, in this order: request id → faults
 * (`Prefer`, global) → auth → size (413) → JSON (400) → path, query and body validation with
 * the generated zod schemas (422) → idempotency replay → the operation → `X-Request-Id`,
 * request log, and a kick for background work that fell due.
 */
import { type HttpHandler, HttpResponse, http } from 'msw'
import type { z } from 'zod'
import { type OperationId, operations } from '../../src/generated/zod'
import type { MockContext } from '../context'
import { decideFault, parsePrefer } from '../faults'
import type { RequestLogEntry } from '../store'
import {
  ApiError,
  CODE_BY_STATUS,
  type ErrorDetail,
  errorEnvelope,
  RETRY_AFTER_STATUSES,
  validationFailed,
} from './errors'
import { findReplay, isReplayable, remember } from './idempotency'
import { check } from './validation'

type Operations = typeof operations
type BodyOf<Id extends OperationId> = Operations[Id]['body'] extends z.ZodType
  ? z.output<Operations[Id]['body']>
  : undefined

/** The validated input an operation receives. */
export interface Input<Id extends OperationId> {
  path: z.output<Operations[Id]['pathParams']>
  query: z.output<Operations[Id]['query']>
  body: BodyOf<Id>
  request: Request
  requestId: string
}

/** What an operation answers when it succeeds (failures are thrown `ApiError`s). */
export interface Result {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export const MAX_BODY_BYTES = 1_048_576
const MAX_LOGGED_REQUESTS = 10_000

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function jsonResponse(
  status: number,
  body: unknown,
  requestId: string,
  headers: Record<string, string> = {},
): Response {
  if (body === undefined) return new HttpResponse(null, { status, headers: { 'X-Request-Id': requestId, ...headers } })
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': requestId, ...headers },
  })
}

function errorResponse(error: ApiError, requestId: string): Response {
  const headers = { ...error.headers }
  if (RETRY_AFTER_STATUSES.has(error.status) && !headers['Retry-After']) headers['Retry-After'] = '1'
  return jsonResponse(error.status, errorEnvelope(requestId, error), requestId, headers)
}

function successStatus(id: OperationId): number {
  return Number(Object.keys(operations[id].responses).find((status) => status.startsWith('2')))
}

function declares(id: OperationId | null, status: number): boolean {
  return id === null ? status === 404 || status === 503 : String(status) in operations[id].responses
}

const toMswPath = (path: string) => path.replace(/\{([a-z_]+)\}/g, ':$1')

function authenticate(ctx: MockContext, request: Request): string {
  const header = request.headers.get('authorization')
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

function injectedFault(id: OperationId | null, requested: number, label: string): ApiError {
  // A global fault code an operation does not declare falls back to 503, which every operation declares.
  const status = label.startsWith('fail-rate') && !declares(id, requested) ? 503 : requested
  if (!declares(id, status)) {
    const allowed = id === null ? '404' : Object.keys(operations[id].responses).join(', ')
    return new ApiError(422, 'validation_failed', 'The request has 1 invalid field: Prefer.', [
      { field: 'Prefer', message: `${label}: this operation answers only ${allowed}` },
    ])
  }
  const code = CODE_BY_STATUS[status] ?? 'internal_error'
  return new ApiError(status, code, `Injected fault (${label}): the mock answered ${status} on purpose.`, undefined, {})
}

function readQuery(url: URL): Record<string, string> {
  const query: Record<string, string> = {}
  for (const [key, value] of url.searchParams) if (!(key in query)) query[key] = value
  return query
}

interface Pipeline<Id extends OperationId> {
  ctx: MockContext
  id: Id | null
  request: Request
  params: Record<string, string | readonly string[] | undefined>
  run: (input: Input<Id>) => Result | Promise<Result>
}

async function pipeline<Id extends OperationId>({ ctx, id, request, params, run }: Pipeline<Id>): Promise<Response> {
  // `restore()` may swap the state while a request awaits its body or latency: always read it fresh.
  const state = ctx.state
  const url = new URL(request.url)
  const callerId = request.headers.get('x-request-id')
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
  }
  const finish = (response: Response): Response => {
    log.status = response.type === 'error' ? 0 : response.status
    const requests = ctx.state().requests
    requests.push(log)
    if (requests.length > MAX_LOGGED_REQUESTS) requests.splice(0, requests.length - MAX_LOGGED_REQUESTS)
    ctx.clock.runDue()
    return response
  }

  let bytes: ArrayBuffer | null = null
  if (operation?.body) bytes = await request.arrayBuffer()
  const bodyText = bytes ? new TextDecoder().decode(bytes) : ''

  try {
    const { prefer, errors } = parsePrefer(request.headers.get('prefer'))
    if (errors.length > 0) {
      throw new ApiError(422, 'validation_failed', 'The request has 1 invalid field: Prefer.', [
        { field: 'Prefer', message: errors.join('; ') },
      ])
    }
    const fault = decideFault(state(), prefer, `${request.method} ${url.pathname}${url.search}\n${bodyText}`)
    log.fault = fault.label
    if (fault.latencyMs > 0) await sleep(fault.latencyMs)
    if (fault.action?.kind === 'reset') return finish(HttpResponse.error())
    if (fault.action && !(id !== null && fault.action.status === successStatus(id))) {
      throw injectedFault(id, fault.action.status, fault.label ?? 'fault')
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
      const size = (bytes as ArrayBuffer).byteLength
      if (size > MAX_BODY_BYTES) {
        throw new ApiError(
          413,
          'payload_too_large',
          `The request body is ${size} bytes; the limit is ${MAX_BODY_BYTES} bytes (1 MiB).`,
        )
      }
      const type = request.headers.get('content-type') ?? ''
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
    const path = check(
      operation.pathParams,
      Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
    )
    if (!path.ok) details.push(...path.details)
    const query = check(operation.query, readQuery(url))
    if (!query.ok) details.push(...query.details)
    const parsedBody = operation.body ? check(operation.body, body) : ({ ok: true, data: undefined } as const)
    if (!parsedBody.ok) details.push(...parsedBody.details)
    const key = operation.method === 'POST' ? request.headers.get('idempotency-key') : null
    if (key !== null && (key.length < 1 || key.length > 255)) {
      details.push({ field: 'Idempotency-Key', message: 'must be 1 to 255 characters long' })
    }
    if (details.length > 0 || !path.ok || !query.ok || !parsedBody.ok) throw validationFailed(details)

    const fingerprint = `${request.method} ${url.pathname}${url.search}\n${bodyText}`
    if (key !== null) {
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
        return finish(new HttpResponse(replayBody, { status: replay.status, headers }))
      }
    }

    let result: Result
    try {
      result = await run({
        path: path.data,
        query: query.data,
        body: parsedBody.data as BodyOf<Id>,
        request,
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
    }
    if (key !== null && isReplayable(result.status)) {
      remember(state(), apiKey, key, {
        fingerprint,
        status: result.status,
        body: result.body === undefined ? null : JSON.stringify(result.body),
      })
    }
    return finish(jsonResponse(result.status, result.body, requestId, result.headers))
  } catch (error) {
    if (error instanceof ApiError) return finish(errorResponse(error, requestId))
    console.error('[immigraflow-mock] unexpected error', error)
    return finish(
      errorResponse(
        new ApiError(500, 'internal_error', `The mock failed unexpectedly: ${(error as Error).message}`),
        requestId,
      ),
    )
  }
}

/** An MSW handler for one operation of openapi.yaml. */
export function route<Id extends OperationId>(
  ctx: MockContext,
  id: Id,
  run: (input: Input<Id>) => Result | Promise<Result>,
): HttpHandler {
  const operation = operations[id]
  const method = operation.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'
  return http[method](`${ctx.baseUrl}${toMswPath(operation.path)}`, ({ request, params }) =>
    pipeline({ ctx, id, request, params, run }),
  )
}

/** Answers every other `/v1/…` request with a 404 envelope, so nothing leaks to the network. */
export function fallbackRoute(ctx: MockContext): HttpHandler {
  return http.all(`${ctx.baseUrl}/v1/*`, ({ request }) =>
    pipeline<OperationId>({ ctx, id: null, request, params: {}, run: () => ({ status: 404 }) }),
  )
}
