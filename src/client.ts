import createClient, { type Client, type Middleware } from 'openapi-fetch'
import { type ApiKeySource, ApiKeys } from './core/api-key'
import { Caller, checkRequestOptions } from './core/caller'
import { resourceClient } from './core/direct'
import { readEnv } from './core/env'
import { ImmigraFlowError } from './core/errors'
import { createLogger, type Logger, type LogLevel } from './core/logger'
import { clientIdentification } from './core/telemetry'
import { type AttemptResult, type FetchFunction, type FetchOptions, Transport } from './core/transport'
import type { paths } from './generated/openapi'
import { Cases } from './resources/cases'
import { Check } from './resources/check'
import { Users } from './resources/users'
import { Webhooks } from './resources/webhooks'

/** The production API. */
export const DEFAULT_BASE_URL = 'https://api.immigraflow.com'

/** Options of `new ImmigraFlow()` and `client.withOptions()`. */
export type ClientOptions = {
  /**
   * Your API key, or a function returning one (sync or async), called before every attempt, for
   * rotating or short-lived keys; defaults to `IMMIGRAFLOW_API_KEY`. Never logged.
   */
  apiKey?: ApiKeySource
  /** The API's address; defaults to `IMMIGRAFLOW_BASE_URL`, else the production server. */
  baseUrl?: string
  /** Milliseconds each attempt may take before it is abandoned and retried (default 60 000). */
  timeout?: number
  /** Retries of connection errors, timeouts, 408, 429 and 5xx (default 2; 0 disables). */
  maxRetries?: number
  /**
   * The fetch to send requests with (default `globalThis.fetch`, looked up at call time). It is
   * called as `fetch(request, init)`; pass `init` on (it carries the timeout's `signal` and the
   * `fetchOptions`).
   */
  fetch?: FetchFunction
  /** Extra `RequestInit` fields handed to fetch: undici's `dispatcher`, `keepalive`, `cache`… */
  fetchOptions?: FetchOptions
  /** Headers sent with every request. */
  headers?: Record<string, string>
  /**
   * openapi-fetch middleware (`onRequest`, `onResponse`, `onError`) for every call, resources and
   * `client.http` alike, run once per attempt after the SDK has set the request's headers.
   */
  middleware?: Middleware[]
  /** `off`, `error`, `warn` (default), `info` or `debug`; defaults to `IMMIGRAFLOW_LOG`. */
  logLevel?: LogLevel
  /** Where logs go (default `console`); the API key is always redacted. */
  logger?: Logger
  /** Check every successful response against the spec's schema (off by default). */
  validateResponses?: boolean
  /** Send `X-ImmigraFlow-Client` (SDK, runtime and OS versions) with every request (default true). */
  telemetry?: boolean
}

const DEFAULT_TIMEOUT_MS = 60_000
const DEFAULT_MAX_RETRIES = 2

/**
 * The ImmigraFlow API client.
 *
 * ```ts
 * const client = new ImmigraFlow({ apiKey: process.env.IMMIGRAFLOW_API_KEY })
 * const user = await client.users.create({ email: 'maria@example.com', name: 'María' })
 * ```
 */
export class ImmigraFlow {
  /** Users: register, verify, list, update. */
  readonly users: Users
  /** Cases: the USCIS receipts a user tracks. */
  readonly cases: Cases
  /** Webhook endpoints. */
  readonly webhooks: Webhooks
  /** Ask USCIS for a receipt's status now. */
  readonly check: Check
  /**
   * The bare openapi-fetch client, for `{ data, error, response }` style calls. It carries the
   * same authentication, timeouts, retries and middleware, but no input checking and no thrown
   * errors for error statuses. `http.use()` adds middleware to every call of this client.
   */
  readonly http: Client<paths>
  /** The API address requests go to. */
  readonly baseUrl: string
  /** The options this client was made with, resolved; `withOptions` starts from them. */
  readonly #options: ClientOptions
  /** The client's middleware: the `middleware` option, then what `http.use()` added. */
  readonly #middleware: Middleware[]

  constructor(options: ClientOptions = {}) {
    const apiKey = options.apiKey ?? readEnv('IMMIGRAFLOW_API_KEY')
    if (!apiKey) {
      throw new ImmigraFlowError(
        'No API key: pass new ImmigraFlow({ apiKey }) or set the IMMIGRAFLOW_API_KEY environment variable.',
      )
    }
    if (typeof apiKey !== 'string' && typeof apiKey !== 'function') {
      throw new ImmigraFlowError(`The apiKey option must be a string or a function; got ${typeof apiKey}.`)
    }
    this.baseUrl = checkBaseUrl(options.baseUrl ?? readEnv('IMMIGRAFLOW_BASE_URL') ?? DEFAULT_BASE_URL)
    checkRequestOptions(options, 'client option')
    this.#middleware = [...(options.middleware ?? [])]
    // Copies: a client derived with withOptions() shares nothing it could change.
    this.#options = {
      ...options,
      apiKey,
      baseUrl: this.baseUrl,
      headers: { ...options.headers },
      middleware: this.#middleware,
      ...(options.fetchOptions && { fetchOptions: { ...options.fetchOptions } }),
    }
    const keys = new ApiKeys(apiKey)
    const logger = createLogger({ logLevel: options.logLevel, logger: options.logger, secrets: () => keys.seen() })
    const transport = new Transport({
      keys,
      timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
      maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
      fetch: options.fetch,
      fetchOptions: this.#options.fetchOptions,
      // No `Accept`: the API answers JSON only, and each header costs about 2 µs of CPU per call in
      // undici (validated when merged, again when copied into the Request).
      headers: {
        ...(options.telemetry !== false && { 'X-ImmigraFlow-Client': clientIdentification() }),
        ...options.headers,
      },
      logger,
    })

    // One openapi-fetch client for resources and `http`, so middleware reaches every call.
    const api = createClient<paths>({ baseUrl: this.baseUrl })
    if (this.#middleware.length > 0) api.use(...this.#middleware)
    this.http = bareClient(api, transport, this.#middleware)
    const caller = new Caller({
      api: resourceClient(api, this.baseUrl, this.#middleware),
      transport,
      validateResponses: options.validateResponses ?? false,
    })
    this.users = new Users(caller)
    this.cases = new Cases(caller)
    this.webhooks = new Webhooks(caller)
    this.check = new Check(caller)
  }

  /**
   * A new client with some options changed, e.g. `client.withOptions({ timeout: 5_000 })`. It
   * starts from this client's options and middleware (including what `http.use()` added) and
   * shares nothing mutable with it.
   */
  withOptions(overrides: ClientOptions): ImmigraFlow {
    const given = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined))
    return derive({ ...this.#options, middleware: [...this.#middleware], ...given })
  }
}

// Outside the class body, so the bundle keeps the class's name (see core/base-error.ts).
function derive(options: ClientOptions): ImmigraFlow {
  return new ImmigraFlow(options)
}

/** What the bare client's methods take, loosely: openapi-fetch's typed options at run time. */
type BareInit = {
  signal?: AbortSignal | null
  headers?:
    | HeadersInit
    | Record<string, string | number | boolean | Array<string | number | boolean> | null | undefined>
  fetch?: FetchFunction
  [option: string]: unknown
}
type BareSend = (method: string, url: string, init?: BareInit) => Promise<AttemptResult>

/**
 * `client.http`: the openapi-fetch client whose every method goes through the transport (each
 * attempt a full openapi-fetch call), and whose `use`/`eject` manage the client's middleware.
 */
function bareClient(api: Client<paths>, transport: Transport, middleware: Middleware[]): Client<paths> {
  const request = api.request as unknown as BareSend
  const send: BareSend = (method, url, init = {}) => {
    const { signal, headers, fetch, ...rest } = init
    const call = { signal: signal ?? undefined, headers: headerRecord(headers), fetch }
    // Without `fetchUrl`: every call of the bare client builds its Request in openapi-fetch, which would copy
    // an unknown option onto it.
    return transport.send(method.toUpperCase(), call, ({ fetchUrl: _, ...attempt }) =>
      request(method, url, { ...rest, ...attempt }),
    )
  }
  const verb =
    (method: string) =>
    (url: string, init?: BareInit): Promise<AttemptResult> =>
      send(method, url, init)
  const bare = {
    request: send,
    GET: verb('GET'),
    PUT: verb('PUT'),
    POST: verb('POST'),
    DELETE: verb('DELETE'),
    OPTIONS: verb('OPTIONS'),
    HEAD: verb('HEAD'),
    PATCH: verb('PATCH'),
    TRACE: verb('TRACE'),
    use(...added: Middleware[]) {
      api.use(...added)
      middleware.push(...added.filter(Boolean))
    },
    eject(...removed: Middleware[]) {
      api.eject(...removed)
      for (const m of removed) {
        const index = middleware.indexOf(m)
        if (index !== -1) middleware.splice(index, 1)
      }
    },
  }
  return bare as unknown as Client<paths>
}

/** A bare call's headers as a record; a `null` value (openapi-fetch's "unset") is left out. */
function headerRecord(headers: BareInit['headers']): Record<string, string> | undefined {
  if (!headers) return undefined
  const record: Record<string, string> = {}
  const entries =
    headers instanceof Headers || Array.isArray(headers) ? [...new Headers(headers)] : Object.entries(headers)
  for (const [name, value] of entries) {
    if (value === null || value === undefined) continue
    record[name] = Array.isArray(value) ? value.join(', ') : String(value)
  }
  return record
}

function checkBaseUrl(baseUrl: string): string {
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    throw new ImmigraFlowError(`The baseUrl "${baseUrl}" is not an absolute URL, such as https://api.immigraflow.com.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ImmigraFlowError(`The baseUrl "${baseUrl}" must use http or https.`)
  }
  return baseUrl.replace(/\/+$/, '')
}
