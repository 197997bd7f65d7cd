import type { Client, Middleware } from 'openapi-fetch'
import type { paths } from '../generated/openapi'
import type { OperationId } from '../generated/zod'
import { APIPromise } from './api-promise'
import { APIError, APIUserAbortError, ImmigraFlowError } from './errors'
import type { SdkLogger } from './logger'
import { type ListEnvelope, PagePromise } from './pagination'
import { createTransportMiddleware } from './transport'
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
}

/** The openapi-fetch options the SDK adds to each call. */
export type CallInit = {
  signal?: AbortSignal
  headers?: Record<string, string>
  middleware: Middleware[]
}

/** What openapi-fetch resolves to, loosely typed so every operation fits. */
type FetchResult<T> = { data?: T; error?: unknown; response: Response }

/** The client settings every call starts from. */
export type CallerSettings = {
  api: Client<paths>
  apiKey: string
  timeout: number
  maxRetries: number
  validateResponses: boolean
  fetch: (request: Request) => Promise<Response>
  logger: SdkLogger
}

/**
 * Runs one API call: checks the input, sends it through openapi-fetch with the transport
 * middleware, and turns error responses into typed errors. Internal; resources use it.
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
    input: OperationInput,
    options: RequestOptions | undefined,
    send: (init: CallInit) => Promise<FetchResult<T>>,
  ): APIPromise<T> {
    return new APIPromise(this.#run(operationId, input, options ?? {}, send))
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
      return this.call(operationId, { path, query: pageQuery }, options, (init) => send(pageQuery, init)).withResponse()
    }, undefined)
  }

  async #run<T>(
    operationId: OperationId,
    input: OperationInput,
    options: RequestOptions,
    send: (init: CallInit) => Promise<FetchResult<T>>,
  ): Promise<{ data: T; response: Response }> {
    checkRequestOptions(options)
    // Synchronous once the schemas are loaded: no await on the hot path.
    const checking = checkInput(operationId, input)
    if (checking) await checking
    if (options.signal?.aborted) throw new APIUserAbortError(undefined, { cause: options.signal.reason })
    const settings = this.#settings
    // The call's first attempt runs under this controller; the transport arms it with the
    // timeout and the caller's signal.
    const controller = new AbortController()
    const transport = createTransportMiddleware({
      apiKey: settings.apiKey,
      timeout: options.timeout ?? settings.timeout,
      maxRetries: options.maxRetries ?? settings.maxRetries,
      idempotencyKey: options.idempotencyKey,
      fetch: settings.fetch,
      logger: settings.logger,
      call: { controller, userSignal: options.signal },
    })
    const init: CallInit = { middleware: [transport], signal: controller.signal }
    if (options.headers) init.headers = options.headers

    let result: FetchResult<T>
    try {
      result = await send(init)
    } catch (error) {
      if (error instanceof ImmigraFlowError) throw error
      throw new ImmigraFlowError(`${operationId} failed unexpectedly: ${(error as Error)?.message ?? error}`, {
        cause: error,
      })
    }
    const { response } = result
    if (!response.ok) {
      const error = APIError.generate(response.status, result.error, response.headers)
      settings.logger.info(`${operationId} failed: ${error.message} (request ${error.requestId ?? 'none'})`)
      throw error
    }
    if (settings.validateResponses) await checkResponse(operationId, response.status, result.data)
    return { data: result.data as T, response }
  }
}

/** Rejects per-call options that could only misbehave, with a message naming the option. */
export function checkRequestOptions(options: RequestOptions, source = 'request option'): void {
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
}
