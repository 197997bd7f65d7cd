/**
 * The argument checks of `MockControl`, shared by both transports: `api.control` and
 * `createMockControl` run the same check before anything is sent or changed, so the same bad
 * argument is the same `MockControlError` (status 400, code `bad_request`, the route, a message
 * naming the argument) in process and over HTTP. Platform-neutral.
 */
// control-client imports this module too; its exports are used only when a check runs.
import {
  controlError,
  type MockControlError,
  type RequestExpectationOptions,
  type UscisFailOptions,
} from './control-client'
import { parseExpectation, parseRequestFilter, type RequestExpectation, type RequestFilter } from './expect'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A value as a message shows it: strings quoted, so `"5"` and `5` differ. */
const shown = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : String(value))

/** A 400 `bad_request` refusal of `route`, as the route would answer it. */
export function badArgument(route: string, message: string): MockControlError {
  return controlError(route, 400, 'bad_request', message, null)
}

/** The control route of a receipt: `POST /__mock/uscis/<receipt, percent-encoded>`. */
export const receiptRoute = (receipt: unknown) => `POST /__mock/uscis/${encodeURIComponent(String(receipt))}`

/** `clock.advance(ms)`: a finite number of milliseconds ≥ 0 (what falls after is the clock's to refuse). */
export function checkAdvance(ms: unknown): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
    throw badArgument('POST /__mock/clock', `advance(ms) needs a finite number ≥ 0, got ${shown(ms)}`)
  return ms
}

/** `uscis.advance(receipt)` and `uscis.setStatus(receipt, …)`: a non-empty string. */
export function checkReceipt(receipt: unknown): string {
  if (typeof receipt !== 'string' || receipt.trim() === '')
    throw badArgument(
      receiptRoute(receipt),
      `receipt must be a receipt number such as "EAC2190012340", got ${JSON.stringify(receipt) ?? 'undefined'}.`,
    )
  return receipt
}

/** `uscis.setStatus(receipt, title)`: a non-empty title. */
export function checkTitle(receipt: string, title: unknown): string {
  if (typeof title !== 'string' || title.trim() === '')
    throw badArgument(
      receiptRoute(receipt),
      `setStatus(receipt, title) needs a USCIS title, such as "Case Was Approved", got ${JSON.stringify(title) ?? 'undefined'}.`,
    )
  return title
}

const OUTAGE_FIELDS = ['status', 'retryAfter', 'times']

/** `uscis.fail(options)`: an object of `status` (429, 502 or 503), `retryAfter`, `times`; nothing else. */
export function checkOutage(options: unknown): UscisFailOptions {
  const route = 'POST /__mock/uscis'
  if (!isRecord(options))
    throw badArgument(route, 'uscis.fail(options) needs an object such as { status: 503, retryAfter: 60, times: 2 }.')
  const unknown = Object.keys(options).filter((name) => !OUTAGE_FIELDS.includes(name))
  if (unknown.length > 0)
    throw badArgument(route, `uscis.fail: unknown field ${unknown.join(', ')}; use ${OUTAGE_FIELDS.join(', ')}.`)
  const { status, retryAfter, times } = options
  if (status !== 429 && status !== 502 && status !== 503)
    throw badArgument(route, `uscis.fail: status must be 429, 502 or 503, got ${shown(status)}.`)
  for (const [name, value] of [
    ['retryAfter', retryAfter],
    ['times', times],
  ] as const)
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value)))
      throw badArgument(route, `uscis.fail: ${name} must be a number, got ${shown(value)}.`)
  return options as unknown as UscisFailOptions
}

/** `requests(filter)`: what `GET /__mock/requests` takes, with `status` a number. */
export function checkRequestFilter(filter: unknown): RequestFilter {
  try {
    return parseRequestFilter(filter)
  } catch (error) {
    if (error instanceof RangeError) throw badArgument('GET /__mock/requests', error.message)
    throw error
  }
}

/** `expectRequest(options)`: an expectation object and a `timeoutMs`; returns them apart. */
export function checkExpectation(options: unknown): { expectation: RequestExpectation; timeoutMs: number } {
  const route = 'POST /__mock/expect'
  if (!isRecord(options))
    throw badArgument(
      route,
      `expectRequest(expectation) needs an object such as { operation: "createCase", status: 201 }, got ${Array.isArray(options) ? 'an array' : String(options)}.`,
    )
  const { timeoutMs = 0, ...expectation } = options as RequestExpectationOptions
  if (!(typeof timeoutMs === 'number' && Number.isFinite(timeoutMs) && timeoutMs >= 0))
    throw badArgument(route, `timeoutMs must be a number of milliseconds ≥ 0, got ${shown(timeoutMs)}.`)
  try {
    return { expectation: parseExpectation(expectation), timeoutMs }
  } catch (error) {
    if (error instanceof RangeError) throw badArgument(route, error.message)
    throw error
  }
}
