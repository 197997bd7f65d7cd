/** Statuses worth retrying: request timeout, rate limiting and server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500
}

/** The longest server-requested wait the SDK honours; a longer one ends the retries. */
export const MAX_RETRY_AFTER_MS = 60_000
const INITIAL_RETRY_DELAY_MS = 500
const MAX_RETRY_DELAY_MS = 8_000

/**
 * Reads how long the server asks us to wait: `retry-after-ms` (milliseconds), else
 * `Retry-After` (seconds or an HTTP date). Undefined when absent or unparsable (a past date
 * counts as 0). A wait over 60 s comes back as Infinity: the SDK then does not retry at all,
 * because retrying sooner than asked would only be refused again, and blocking the caller for
 * longer is worse than handing the error (with its Retry-After) back.
 */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const fromMs = Number.parseFloat(headers.get('retry-after-ms') ?? '')
  if (Number.isFinite(fromMs)) return capped(fromMs)
  const retryAfter = headers.get('retry-after')?.trim()
  if (!retryAfter) return undefined
  const seconds = Number(retryAfter)
  if (Number.isFinite(seconds)) return capped(seconds * 1000)
  const date = Date.parse(retryAfter)
  return Number.isNaN(date) ? undefined : capped(date - now)
}

function capped(ms: number): number {
  return ms > MAX_RETRY_AFTER_MS ? Number.POSITIVE_INFINITY : Math.max(0, ms)
}

/**
 * Backoff before retry number `retry` (0 for the first retry):
 *   delay = min(8 s, 0.5 s × 2^retry) × (1 − 0.25 × random)
 * i.e. exponential growth from 0.5 s, capped at 8 s, minus up to 25 % jitter so that many
 * clients failing together do not retry in lockstep.
 */
export function backoffDelayMs(retry: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_RETRY_DELAY_MS, INITIAL_RETRY_DELAY_MS * 2 ** retry)
  return base * (1 - 0.25 * random())
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
