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
}

type Outcome = { response: Response; error?: undefined } | { response?: undefined; error: unknown }

/** One call's state across its attempts. */
type CallState = {
  /** The prepared request; each attempt sends a clone, so the body survives retries. */
  template: Request
  /** The caller's signal: aborting it stops the current attempt and any pending retry. */
  userSignal: AbortSignal
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

  const startAttempt = (state: CallState): Request => {
    const controller = new AbortController()
    const abortWithUser = () => controller.abort(state.userSignal.reason)
    if (state.userSignal.aborted) abortWithUser()
    else state.userSignal.addEventListener('abort', abortWithUser, { once: true })
    state.detach = () => state.userSignal.removeEventListener('abort', abortWithUser)
    state.timedOut = false
    // setTimeout rather than AbortSignal.timeout(): it can be driven by fake clocks in tests.
    state.attemptTimer = setTimeout(() => {
      state.timedOut = true
      controller.abort(new APIConnectionTimeoutError())
    }, settings.timeout)
    return new Request(state.template.clone(), { signal: controller.signal })
  }

  const describe = (state: CallState) => `${state.template.method} ${new URL(state.template.url).pathname}`

  const finish = (id: string, state: CallState, outcome: Outcome): Response | Error => {
    calls.delete(id)
    const elapsed = Date.now() - state.startedAt
    if (outcome.response) {
      const requestId = outcome.response.headers.get('x-request-id') ?? 'none'
      settings.logger.debug(`${outcome.response.status} ${describe(state)} (${elapsed} ms, request ${requestId})`)
      return outcome.response
    }
    const error = outcome.error
    if (state.userSignal.aborted) return new APIUserAbortError(undefined, { cause: error })
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
      const retryable = outcome.response ? isRetryableStatus(outcome.response.status) : !state.userSignal.aborted
      if (!retryable || state.retries >= settings.maxRetries) return finish(id, state, outcome)

      const hinted = outcome.response ? retryAfterMs(outcome.response.headers, Date.now()) : undefined
      const delay = hinted ?? backoffDelayMs(state.retries)
      const why = outcome.response
        ? `status ${outcome.response.status}`
        : state.timedOut
          ? 'timeout'
          : 'connection error'
      settings.logger.info(
        `Retrying ${describe(state)} after ${why} in ${Math.round(delay)} ms (retry ${state.retries + 1} of ${settings.maxRetries})`,
      )
      await outcome.response?.body?.cancel()
      try {
        await sleep(delay, state.userSignal)
      } catch (error) {
        return finish(id, state, { error })
      }
      state.retries += 1
      try {
        outcome = { response: await settings.fetch(startAttempt(state)) }
      } catch (error) {
        outcome = { error }
      }
    }
  }

  return {
    onRequest({ request, id }) {
      const headers = new Headers(request.headers)
      headers.set('Authorization', `Bearer ${settings.apiKey}`)
      headers.set('Accept', 'application/json')
      if (request.method === 'POST' && !headers.has('Idempotency-Key')) {
        headers.set('Idempotency-Key', settings.idempotencyKey ?? `ifw_${crypto.randomUUID()}`)
      }
      const state: CallState = {
        template: new Request(request, { headers }),
        userSignal: request.signal,
        retries: 0,
        detach: () => {},
        timedOut: false,
        startedAt: Date.now(),
      }
      calls.set(id, state)
      settings.logger.debug(`${describe(state)} sending`)
      return startAttempt(state)
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
