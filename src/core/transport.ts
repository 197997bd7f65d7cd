import type { Middleware } from 'openapi-fetch'
import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError } from './errors'
import type { SdkLogger } from './logger'
import { backoffDelayMs, isRetryableStatus, retryAfterMs, sleep } from './retry'

/** The settings one call runs with: the client's defaults merged with the call's own options. */
export type TransportSettings = {
  apiKey: string
  /** Per attempt, in milliseconds. */
  timeout: number
  maxRetries: number
  /** Sent on POSTs; generated once per call when not given, and reused by every retry. */
  idempotencyKey?: string | undefined
  fetch: (request: Request) => Promise<Response>
  logger: SdkLogger
  /**
   * For SDK calls: the controller whose signal the call already gave openapi-fetch, and the
   * caller's own signal. The first attempt then goes out exactly as openapi-fetch built it,
   * with no second Request constructed (the hot path of every call).
   */
  call?: { controller: AbortController; userSignal: AbortSignal | undefined }
}

type Outcome = { response: Response; error?: undefined } | { response?: undefined; error: unknown }

/** One call's state across its attempts. */
type CallState = {
  /** The prepared request, never sent itself when it has a body, so the body survives retries. */
  template: Request
  /** The caller's signal: aborting it stops the current attempt and any pending retry. */
  userSignal: AbortSignal | undefined
  retries: number
  attemptTimer?: ReturnType<typeof setTimeout> | undefined
  /** Unhooks the current attempt from the caller's signal, so long-lived signals do not collect listeners. */
  detach: () => void
  timedOut: boolean
  startedAt: number
}

/**
 * openapi-fetch middleware doing ImmigraFlow's transport work: authentication, idempotency
 * keys, per-attempt timeouts, retries with backoff, and request logging. openapi-fetch sends
 * the first attempt; `onResponse`/`onError` send the retries themselves and hand openapi-fetch
 * the final response, or the error to throw.
 */
export function createTransportMiddleware(settings: TransportSettings): Middleware {
  const calls = new Map<string, CallState>()

  /** Ties an attempt's controller to the caller's signal and to the per-attempt timeout. */
  const arm = (state: CallState, controller: AbortController): AbortSignal => {
    const userSignal = state.userSignal
    if (userSignal) {
      const abortWithUser = () => controller.abort(userSignal.reason)
      if (userSignal.aborted) abortWithUser()
      else userSignal.addEventListener('abort', abortWithUser, { once: true })
      state.detach = () => userSignal.removeEventListener('abort', abortWithUser)
    }
    state.timedOut = false
    // setTimeout rather than AbortSignal.timeout(): it can be driven by fake clocks in tests.
    state.attemptTimer = setTimeout(() => {
      state.timedOut = true
      controller.abort(new APIConnectionTimeoutError())
    }, settings.timeout)
    return controller.signal
  }

  /** A fresh request for a retry (or the bare client's first attempt), with its own signal. */
  const nextAttempt = (state: CallState): Request => {
    const signal = arm(state, new AbortController())
    return new Request(state.template.body ? state.template.clone() : state.template, { signal })
  }

  const describe = (state: CallState) => `${state.template.method} ${new URL(state.template.url).pathname}`

  // Debug lines are built only when they will be printed: this runs on every call.
  const debugging = settings.logger.level === 'debug'

  const finish = (id: string, state: CallState, outcome: Outcome): Response | Error => {
    calls.delete(id)
    const elapsed = Date.now() - state.startedAt
    if (outcome.response) {
      if (debugging) {
        const requestId = outcome.response.headers.get('x-request-id') ?? 'none'
        settings.logger.debug(`${outcome.response.status} ${describe(state)} (${elapsed} ms, request ${requestId})`)
      }
      return outcome.response
    }
    const error = outcome.error
    if (state.userSignal?.aborted) return new APIUserAbortError(undefined, { cause: error })
    if (state.timedOut) {
      return new APIConnectionTimeoutError(
        `${describe(state)} timed out after ${settings.timeout} ms (${state.retries + 1} attempt${state.retries ? 's' : ''}).`,
        { cause: error },
      )
    }
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : ''
    settings.logger.debug(`${describe(state)} failed after ${elapsed} ms: ${reason}`)
    return new APIConnectionError(`Could not reach the ImmigraFlow API for ${describe(state)}: ${reason}`, {
      cause: error,
    })
  }

  const settle = async (id: string, first: Outcome): Promise<Response | Error> => {
    const state = calls.get(id)
    if (!state) return first.response ?? (first.error as Error)
    let outcome = first
    for (;;) {
      clearTimeout(state.attemptTimer)
      state.detach()
      const retryable = outcome.response ? isRetryableStatus(outcome.response.status) : !state.userSignal?.aborted
      if (!retryable || state.retries >= settings.maxRetries) return finish(id, state, outcome)

      const hinted = outcome.response ? retryAfterMs(outcome.response.headers, Date.now()) : undefined
      if (hinted === Number.POSITIVE_INFINITY) {
        const headers = outcome.response?.headers
        const ms = headers?.get('retry-after-ms')
        const asked = ms ? `retry-after-ms: ${ms}` : `Retry-After: ${headers?.get('retry-after')}`
        settings.logger.warn(
          `Not retrying ${describe(state)} after status ${outcome.response?.status}: the server asks to wait more than 60 s (${asked}); the error carries its headers`,
        )
        return finish(id, state, outcome)
      }
      const delay = hinted ?? backoffDelayMs(state.retries)
      const why = outcome.response
        ? `status ${outcome.response.status}`
        : state.timedOut
          ? 'timeout'
          : 'connection error'
      settings.logger.info(
        `Retrying ${describe(state)} after ${why} in ${Math.round(delay)} ms (retry ${state.retries + 1} of ${settings.maxRetries})`,
      )
      // Free the connection without waiting: some fetch implementations never settle cancel() on a mocked body.
      outcome.response?.body?.cancel().catch(() => {})
      try {
        await sleep(delay, state.userSignal)
      } catch (error) {
        return finish(id, state, { error })
      }
      state.retries += 1
      try {
        outcome = { response: await settings.fetch(nextAttempt(state)) }
      } catch (error) {
        outcome = { error }
      }
    }
  }

  return {
    onRequest({ request, id }) {
      const headers = request.headers
      headers.set('Authorization', `Bearer ${settings.apiKey}`)
      headers.set('Accept', 'application/json')
      if (request.method === 'POST' && !headers.has('Idempotency-Key')) {
        headers.set('Idempotency-Key', settings.idempotencyKey ?? `ifw_${crypto.randomUUID()}`)
      }
      const state: CallState = {
        // A body can be sent once: keep an unsent copy when a retry may need it.
        template: request.body && settings.maxRetries > 0 ? request.clone() : request,
        userSignal: settings.call ? settings.call.userSignal : request.signal,
        retries: 0,
        detach: () => {},
        timedOut: false,
        startedAt: Date.now(),
      }
      calls.set(id, state)
      if (debugging) settings.logger.debug(`${describe(state)} sending`)
      if (settings.call) {
        arm(state, settings.call.controller)
        return undefined
      }
      return nextAttempt(state)
    },
    async onResponse({ response, id }) {
      const result = await settle(id, { response })
      // A retry that ended in a connection error or abort: openapi-fetch rethrows what we throw.
      if (result instanceof Error) throw result
      return result
    },
    onError({ error, id }) {
      return settle(id, { error })
    },
  }
}
