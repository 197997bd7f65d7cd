import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  GoneError,
  ImmigraFlow,
  ImmigraFlowError,
  InternalServerError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitError,
  type RequestOptions,
  ValidationError,
} from '../../src'
import type { OperationId } from '../../src/generated/zod'
import { createExampleServer } from '../helpers/example-server'
import { specOperations } from '../helpers/spec'

const BASE_URL = 'https://api.immigraflow.test'
const { server, seen } = createExampleServer(BASE_URL)
const client = new ImmigraFlow({ apiKey: 'sk_test_resources', baseUrl: BASE_URL, maxRetries: 0, logLevel: 'off' })

type Call = (options: RequestOptions) => PromiseLike<unknown>

/** One SDK call per operation, with valid input. */
const CALLS: Record<OperationId, Call> = {
  checkCaseStatus: (o) => client.check.status({ receipt_number: 'EAC2190012345' }, o),
  verifyUserEmail: (o) => client.users.verifyEmail({ token: 'vt_3k9Qm2xLw8RtY5nB7cVd1eFg' }, o),
  listUsers: (o) => client.users.list({ status: 'active' }, o),
  createUser: (o) => client.users.create({ email: 'maria.lopez@example.com', name: 'María López' }, o),
  getUser: (o) => client.users.retrieve(7, o),
  updateUser: (o) => client.users.update(7, { name: 'María López García' }, o),
  listUserCases: (o) => client.cases.list(7, { active: true }, o),
  createCase: (o) => client.cases.create(7, { receipt_number: 'EAC2190012345' }, o),
  getCase: (o) => client.cases.retrieve(42, o),
  updateCase: (o) => client.cases.update(42, { active: false }, o),
  listWebhooks: (o) => client.webhooks.list({ limit: 10 }, o),
  createWebhook: (o) => client.webhooks.create({ url: 'https://hooks.example.com/x', events: ['*'] }, o),
  getWebhook: (o) => client.webhooks.retrieve(3, o),
  updateWebhook: (o) => client.webhooks.update(3, { active: false }, o),
  deleteWebhook: (o) => client.webhooks.delete(3, o),
}

const ERROR_CLASSES: Record<string, typeof APIError> = {
  '400': BadRequestError,
  '401': AuthenticationError,
  '404': NotFoundError,
  '409': ConflictError,
  '410': GoneError,
  '413': PayloadTooLargeError,
  '422': ValidationError,
  '429': RateLimitError,
  '500': InternalServerError,
  '502': InternalServerError,
  '503': InternalServerError,
}

const operations = specOperations().map(({ method, path, operation }) => ({
  method,
  path,
  operationId: operation.operationId as OperationId,
  statuses: Object.keys(operation.responses as object),
}))

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  seen.length = 0
})
afterAll(() => server.close())

describe('every resource method', () => {
  it('covers all fifteen operations', () => {
    expect(Object.keys(CALLS).sort()).toEqual(operations.map((op) => op.operationId).sort())
  })

  it.each(operations)('$operationId sends $method $path with the API key and resolves to data', async (op) => {
    const result = await CALLS[op.operationId]({})
    expect(seen).toHaveLength(1)
    const request = seen[0]
    expect(request?.method).toBe(op.method)
    const pattern = new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '\\d+')}$`)
    expect(request?.url.pathname).toMatch(pattern)
    expect(request?.headers.get('authorization')).toBe('Bearer sk_test_resources')
    if (op.method === 'DELETE') expect(result).toBeUndefined()
    else expect(result).toBeTypeOf('object')
  })

  const errorCases = operations.flatMap((op) =>
    op.statuses.filter((status) => status >= '400').map((status) => ({ ...op, status })),
  )
  it.each(errorCases)('$operationId maps a documented $status to its error class', async (op) => {
    const error = await Promise.resolve(CALLS[op.operationId]({ headers: { Prefer: `code=${op.status}` } })).then(
      () => undefined,
      (reason: unknown) => reason,
    )
    const expected = ERROR_CLASSES[op.status] as typeof APIError
    expect(error).toBeInstanceOf(expected)
    expect(error).toBeInstanceOf(APIError)
    expect(error).toBeInstanceOf(ImmigraFlowError)
    const apiError = error as APIError
    expect(apiError.status).toBe(Number(op.status))
    expect(apiError.code).toBeTypeOf('string')
    expect(apiError.requestId).toBe('req_8f3a2c1e9b7d4f60')
    expect(apiError.headers.get('x-request-id')).toBe('req_example')
    expect(apiError.message).toMatch(new RegExp(`^${op.status} `))
  })
})

describe('results', () => {
  it('gives a list call a first page with the envelope fields', async () => {
    const page = await client.users.list()
    expect(page.data[0]?.email).toBe('maria.lopez@example.com')
    expect(page.total).toBe(31)
    expect(page.hasNextPage()).toBe(true)
    expect(page.next_cursor).toBe('eyJpZCI6OH0')
  })

  it('gives withResponse() the data, the raw response and the request id', async () => {
    const { data, response, requestId } = await client.users
      .retrieve(7, { headers: { 'X-Request-Id': 'req_mine' } })
      .withResponse()
    expect(data.id).toBe(7)
    expect(response.status).toBe(200)
    expect(requestId).toBe('req_mine')
  })

  it('carries validation details of a 422 on the error', async () => {
    const error = await client.users
      .create({ email: 'maria.lopez@example.com', name: 'María' }, { headers: { Prefer: 'code=422' } })
      .then(
        () => undefined,
        (reason: unknown) => reason as ValidationError,
      )
    expect(error?.details).toEqual([
      { field: 'email', message: 'must be a valid email address' },
      { field: 'phone', message: 'must be an E.164 number such as +14155550123' },
    ])
  })

  it('sends the receipt normalised when typed with hyphens and lower case', async () => {
    await client.cases.create(7, { receipt_number: ' eac-21-900-12345 ' })
    await client.check.status({ receipt_number: 'eac 2190012345' })
    expect(seen.map((request) => request.body)).toEqual([
      { receipt_number: 'EAC2190012345' },
      { receipt_number: 'EAC2190012345' },
    ])
  })

  it('sends an Idempotency-Key on every POST and never on other methods', async () => {
    await client.users.create({ email: 'maria.lopez@example.com', name: 'María' })
    await client.users.retrieve(7)
    await client.users.update(7, { name: 'M' })
    const [post, get, put] = seen
    expect(post?.headers.get('idempotency-key')).toMatch(/^ifw_[0-9a-f-]{36}$/)
    expect(get?.headers.has('idempotency-key')).toBe(false)
    expect(put?.headers.has('idempotency-key')).toBe(false)
  })

  it('uses the idempotencyKey option when given', async () => {
    await client.users.create({ email: 'maria.lopez@example.com', name: 'María' }, { idempotencyKey: 'signup-7f3c' })
    expect(seen[0]?.headers.get('idempotency-key')).toBe('signup-7f3c')
  })

  it('lets the bare openapi-fetch client make { data, error } calls with the same authentication', async () => {
    const ok = await client.http.GET('/v1/users/{user_id}', { params: { path: { user_id: 7 } } })
    expect(ok.data?.email).toBe('maria.lopez@example.com')
    const failed = await client.http.GET('/v1/users/{user_id}', {
      params: { path: { user_id: 999 } },
      headers: { Prefer: 'code=404' },
    })
    expect(failed.error?.error.code).toBe('not_found')
    expect(seen.every((request) => request.headers.get('authorization') === 'Bearer sk_test_resources')).toBe(true)
  })
})
