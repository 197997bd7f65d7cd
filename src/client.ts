import createClient, { type Client } from 'openapi-fetch'
import { Caller, checkRequestOptions } from './core/caller'
import { readEnv } from './core/env'
import { ImmigraFlowError } from './core/errors'
import { createLogger, type Logger, type LogLevel } from './core/logger'
import { createTransportMiddleware } from './core/transport'
import type { paths } from './generated/openapi'
import { Cases } from './resources/cases'
import { Check } from './resources/check'
import { Users } from './resources/users'
import { Webhooks } from './resources/webhooks'

/** The production API. */
export const DEFAULT_BASE_URL = 'https://api.immigraflow.com'

/** Options of `new ImmigraFlow()`. */
export type ClientOptions = {
  /** Your API key; defaults to `IMMIGRAFLOW_API_KEY`. */
  apiKey?: string
  /** The API's address; defaults to `IMMIGRAFLOW_BASE_URL`, else the production server. */
  baseUrl?: string
  /** Milliseconds each attempt may take before it is abandoned and retried (default 60 000). */
  timeout?: number
  /** Retries of connection errors, timeouts, 408, 429 and 5xx (default 2; 0 disables). */
  maxRetries?: number
  /** The fetch to send requests with (default `globalThis.fetch`, looked up at call time). */
  fetch?: (request: Request) => Promise<Response>
  /** Headers sent with every request. */
  headers?: Record<string, string>
  /** `off`, `error`, `warn` (default), `info` or `debug`; defaults to `IMMIGRAFLOW_LOG`. */
  logLevel?: LogLevel
  /** Where logs go (default `console`); the API key is always redacted. */
  logger?: Logger
  /** Check every successful response against the spec's schema (off by default). */
  validateResponses?: boolean
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
   * same authentication, timeouts and retries, but no input checking and no thrown errors.
   */
  readonly http: Client<paths>
  /** The API address requests go to. */
  readonly baseUrl: string

  constructor(options: ClientOptions = {}) {
    const apiKey = options.apiKey ?? readEnv('IMMIGRAFLOW_API_KEY')
    if (!apiKey) {
      throw new ImmigraFlowError(
        'No API key: pass new ImmigraFlow({ apiKey }) or set the IMMIGRAFLOW_API_KEY environment variable.',
      )
    }
    this.baseUrl = checkBaseUrl(options.baseUrl ?? readEnv('IMMIGRAFLOW_BASE_URL') ?? DEFAULT_BASE_URL)
    checkRequestOptions(options, 'client option')
    const logger = createLogger({ logLevel: options.logLevel, logger: options.logger, apiKey })
    // Look fetch up per call, so interceptors installed after the client was made (MSW) still apply.
    const fetch = options.fetch ?? ((request: Request) => globalThis.fetch(request))
    const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS
    const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES
    const clientInit = { baseUrl: this.baseUrl, fetch, headers: options.headers }

    this.http = createClient<paths>(clientInit)
    this.http.use(createTransportMiddleware({ apiKey, timeout, maxRetries, fetch, logger }))

    // Resource calls add the transport per call, with the call's own options.
    const caller = new Caller({
      api: createClient<paths>(clientInit),
      apiKey,
      timeout,
      maxRetries,
      validateResponses: options.validateResponses ?? false,
      fetch,
      logger,
    })
    this.users = new Users(caller)
    this.cases = new Cases(caller)
    this.webhooks = new Webhooks(caller)
    this.check = new Check(caller)
  }
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
