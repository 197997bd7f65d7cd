/**
 * Calls the mock by operationId, in-process (`api.handle`) or over HTTP (`{ url }`), and checks
 * every answer against the spec: the status must be declared for the operation, the body must
 * parse with `operations[id].responses[status]`, and `X-Request-Id` must be present (and match
 * `error.request_id` in error envelopes).
 */
import type * as z from 'zod/mini'
import type { MockApi } from '../../mocks/api'
import { type ErrorEnvelopeSchema, type OperationId, operations } from '../../src/generated/zod'

export const API_KEY = 'sk_test_mock_key'

export type Target = Pick<MockApi, 'handle' | 'baseUrl'> | { url: string }

export interface CallOptions {
  params?: Record<string, string | number>
  query?: Record<string, string | number | boolean>
  /** A JSON body (serialised for you). */
  body?: unknown
  /** A raw body, sent as is (with `headers` deciding the content type). */
  raw?: string | Uint8Array<ArrayBuffer>
  headers?: Record<string, string>
  /** The API key to send; null sends no Authorization header. */
  key?: string | null
}

type Responses<Id extends OperationId> = (typeof operations)[Id]['responses']
type SuccessStatus<Id extends OperationId> = Extract<keyof Responses<Id>, 200 | 201 | 204>
/** The success body of an operation (null for 204). */
export type SuccessOf<Id extends OperationId> = Responses<Id>[SuccessStatus<Id>] extends z.ZodMiniType
  ? z.output<Responses<Id>[SuccessStatus<Id>]>
  : null
export type ApiErrorBody = z.output<typeof ErrorEnvelopeSchema>['error']

export interface Called<Id extends OperationId> {
  status: number
  /** The body, typed as the success body: check `status` first. */
  body: SuccessOf<Id>
  /** `body.error` for error statuses, typed for convenience: check `status` first. */
  error: ApiErrorBody
  headers: Headers
  text: string
}

/** Builds the Request for an operation. */
export function buildRequest(target: Target, id: OperationId, options: CallOptions = {}): Request {
  const operation = operations[id]
  const path = operation.path.replace(/\{([a-z_]+)\}/g, (_, name: string) =>
    encodeURIComponent(String(options.params?.[name])),
  )
  const origin = 'url' in target ? target.url : target.baseUrl
  const url = new URL(`${origin}${path}`)
  for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, String(value))
  const headers = new Headers(options.headers)
  const key = options.key === undefined ? API_KEY : options.key
  if (key !== null && !headers.has('authorization')) headers.set('authorization', `Bearer ${key}`)
  let body: string | Uint8Array<ArrayBuffer> | undefined
  if (options.raw !== undefined) body = options.raw
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    if (!headers.has('content-type')) headers.set('content-type', 'application/json')
  }
  return new Request(url, { method: operation.method, headers, body })
}

/** Sends a request to the target and returns the raw Response. */
export async function send(target: Target, request: Request): Promise<Response> {
  if ('url' in target) return fetch(request)
  const response = await target.handle(request)
  if (!response) throw new Error(`No handler answered ${request.method} ${request.url}`)
  return response
}

/** Checks a response against the spec for `id`; throws a readable error when it breaks it. */
export function assertMatchesSpec(id: OperationId, status: number, text: string, headers: Headers): unknown {
  const responses = operations[id].responses as Record<number, { parse(value: unknown): unknown } | null | undefined>
  if (!(status in responses)) throw new Error(`${id} answered ${status}, which openapi.yaml does not declare: ${text}`)
  const requestId = headers.get('x-request-id')
  if (!requestId) throw new Error(`${id} answered ${status} without X-Request-Id`)
  const schema = responses[status]
  if (schema === null || schema === undefined) {
    if (text !== '') throw new Error(`${id} ${status} must have no body, got ${text}`)
    return null
  }
  const body: unknown = JSON.parse(text)
  schema.parse(body)
  if (status >= 400) {
    const envelope = body as { error: { request_id: string } }
    if (envelope.error.request_id !== requestId)
      throw new Error(`request_id ${envelope.error.request_id} ≠ X-Request-Id ${requestId}`)
    if ((status === 429 || status === 503) && !/^[0-9]+$/.test(headers.get('retry-after') ?? '')) {
      throw new Error(`${id} ${status} without a valid Retry-After`)
    }
  }
  return body
}

/** Calls an operation and checks the answer against the spec. */
export async function call<Id extends OperationId>(
  target: Target,
  id: Id,
  options: CallOptions = {},
): Promise<Called<Id>> {
  const response = await send(target, buildRequest(target, id, options))
  const text = await response.text()
  const body = assertMatchesSpec(id, response.status, text, response.headers)
  const error = (response.status >= 400 ? (body as { error: ApiErrorBody }).error : undefined) as ApiErrorBody
  return { status: response.status, body: body as SuccessOf<Id>, error, headers: response.headers, text }
}

/** The newest verification token sent to an address. */
export function tokenFor(api: Pick<MockApi, 'outbox'>, email: string): string {
  const message = [...api.outbox].reverse().find((item) => item.kind === 'verification' && item.to === email)
  if (!message?.token) throw new Error(`No verification email to ${email}`)
  return message.token
}

export interface UserInput {
  email?: string
  name?: string
  phone?: string
  notify_by_email?: boolean
  notify_by_whatsapp?: boolean
}

let counter = 0

/** Creates a user and verifies their email; returns the active user. */
export async function activeUser(target: Target & Pick<MockApi, 'outbox'>, input: UserInput = {}) {
  counter++
  const body = { email: `user${counter}@example.com`, name: 'Test User', ...input }
  const created = await call(target, 'createUser', { body })
  if (created.status !== 201) throw new Error(`createUser answered ${created.status}: ${created.text}`)
  const verified = await call(target, 'verifyUserEmail', { body: { token: tokenFor(target, body.email) } })
  if (verified.status !== 200) throw new Error(`verifyUserEmail answered ${verified.status}: ${verified.text}`)
  return verified.body
}
