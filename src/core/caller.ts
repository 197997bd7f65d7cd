import type { Client, Middleware } from 'openapi-fetch'
import type { paths } from '../generated/openapi'
import type { OperationId } from '../generated/zod'
import { APIPromise } from './api-promise'
import { APIError, ImmigraFlowError } from './errors'
import { type ListEnvelope, PagePromise } from './pagination'
import type { AttemptInit, AttemptResult, FetchOptions, Transport } from './transport'
import { checkInput, checkResponse, type OperationInput } from './validation'

/** Options any single call accepts, overriding the client's. */
export type RequestOptions = {
  /** Milliseconds each attempt may take before it is abandoned (and retried). */
  timeout?: number
  /** Aborts the call, including a retry that is waiting. */
  signal?: AbortSignal
  /** How many times to retry a connection error, timeout, 408, 429 or 5xx. */
  maxRetries?: number
  /** The `Idempotency-Key` of a POST; by default one is generated per call and reused by its retries. */
  idempotencyKey?: string
  /** Extra headers for this call. */
  headers?: Record<string, string>
  /** openapi-fetch middleware for this call, run after the client's, once per attempt. */
  middleware?: Middleware[]
  /** Extra `RequestInit` fields for this call's fetch, replacing the client's `fetchOptions`. */
  fetchOptions?: FetchOptions
}

/**
 * The options the SDK adds to each attempt of a call. The client the resources call
 * (`resourceClient`) leaves a successful response's body unread (openapi-fetch's
 * `parseAs: 'stream'`); `data` stays typed as the operation's JSON, which `Caller` reads itself
 * when asked for.
 */
export type CallInit = AttemptInit & { middleware?: Middleware[] }

/** What openapi-fetch resolves to, with the operation's data type. */
type FetchResult<T> = { data?: T; error?: unknown; response: Response }

/** The client settings every call starts from. */
export type CallerSettings = {
  api: Client<paths>
  transport: Transport
  validateResponses: boolean
}

/**
 * Runs one API call: checks the input, sends it through openapi-fetch with the transport, and
 * turns error responses into typed errors. Internal; resources use it.
 */
export class Caller {
  readonly api: Client<paths>
  readonly #settings: CallerSettings

  constructor(settings: CallerSettings) {
    this.api = settings.api
    this.#settings = settings
  }

  call<T>(
    operationId: OperationId,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    input: OperationInput,
    options: RequestOptions | undefined,
    send: (init: CallInit) => Promise<FetchResult<T>>,
  ): APIPromise<T> {
    return new APIPromise(this.#run(operationId, method, input, options ?? {}, send), (response) =>
      this.#parse<T>(operationId, response),
    )
  }

  /**
   * A list call: each page is one `call` with the cursor of the page before, so every page
   * gets the same checks, options and retries.
   */
  list<Q extends { cursor?: string }, T>(
    operationId: OperationId,
    path: Record<string, unknown> | undefined,
    query: Q,
    options: RequestOptions | undefined,
    send: (query: Q, init: CallInit) => Promise<FetchResult<ListEnvelope<T>>>,
  ): PagePromise<T> {
    return PagePromise.fetch((cursor) => {
      const pageQuery = cursor ? { ...query, cursor } : query
      return this.call<ListEnvelope<T>>(operationId, 'GET', { path, query: pageQuery }, options, (init) =>
        send(pageQuery, init),
      )
    }, undefined)
  }

  async #run(
    operationId: OperationId,
    method: string,
    input: OperationInput,
    options: RequestOptions,
    send: (init: CallInit) => Promise<AttemptResult>,
  ): Promise<Response> {
    checkRequestOptions(options)
    // Synchronous once the schemas are loaded: no await on the hot path.
    const checking = checkInput(operationId, input)
    if (checking) await checking
    const settings = this.#settings
    const middleware = options.middleware
    let result: AttemptResult
    try {
      // The body is left unread, for `asResponse()`; `#parse` reads it when the data is wanted.
      result = await settings.transport.send(method, options, (init) =>
        send(middleware ? Object.assign(init, { middleware }) : init),
      )
    } catch (error) {
      if (error instanceof ImmigraFlowError) throw error
      throw new ImmigraFlowError(`${operationId} failed unexpectedly: ${(error as Error)?.message ?? error}`, {
        cause: error,
      })
    }
    const { response } = result
    if (!response.ok) {
      const error = APIError.generate(response.status, result.error, response.headers)
      settings.transport.settings.logger.info(
        `${operationId} failed: ${error.message} (request ${error.requestId ?? 'none'})`,
      )
      throw error
    }
    return response
  }

  async #parse<T>(operationId: OperationId, response: Response): Promise<T> {
    let data: unknown
    // `response.body` is not looked at: a body kept as text until read (the mock's `api.fetch`)
    // would build a stream for it. A response without a body reads as "".
    if (response.status !== 204) {
      const text = await response.text()
      try {
        data = text ? JSON.parse(text) : undefined
      } catch (error) {
        throw new ImmigraFlowError(`${operationId} answered ${response.status} with a body that is not JSON.`, {
          cause: error,
        })
      }
    }
    if (this.#settings.validateResponses) await checkResponse(operationId, response.status, data)
    return data as T
  }
}

/** Rejects per-call options that could only misbehave, with a message naming the option. */
export function checkRequestOptions(
  options: Pick<RequestOptions, 'timeout' | 'maxRetries' | 'idempotencyKey' | 'middleware'>,
  source = 'request option',
): void {
  // Timers cannot wait longer than 2^31 − 1 ms (about 24.8 days); a longer one fires at once.
  if (options.timeout !== undefined && !(options.timeout > 0 && options.timeout <= 2_147_483_647)) {
    throw new ImmigraFlowError(
      `The ${source} "timeout" must be a number of milliseconds from 1 to 2147483647; got ${options.timeout}.`,
    )
  }
  if (options.maxRetries !== undefined && !(Number.isInteger(options.maxRetries) && options.maxRetries >= 0)) {
    throw new ImmigraFlowError(`The ${source} "maxRetries" must be a whole number ≥ 0; got ${options.maxRetries}.`)
  }
  if (options.idempotencyKey !== undefined && !/^[\x21-\x7e]{1,255}$/.test(options.idempotencyKey)) {
    throw new ImmigraFlowError(
      `The ${source} "idempotencyKey" must be 1–255 visible ASCII characters; got ${JSON.stringify(options.idempotencyKey)}.`,
    )
  }
  if (options.middleware !== undefined) {
    const valid =
      Array.isArray(options.middleware) &&
      options.middleware.every(
        (m) => typeof m === 'object' && m !== null && ('onRequest' in m || 'onResponse' in m || 'onError' in m),
      )
    if (!valid) {
      throw new ImmigraFlowError(
        `The ${source} "middleware" must be an array of objects with onRequest, onResponse or onError.`,
      )
    }
  }
}
