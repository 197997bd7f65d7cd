/**
 * `api.control`: the `MockControl` of a mock in this process. It calls the mock directly (no
 * JSON, no routes) and answers as `createMockControl` does over HTTP: the same copies of the
 * records, the same report shapes, the same `MockControlError`s (route, status, code) for bad
 * input. Platform-neutral.
 */
import type { MockApi } from './api'
import { awaitExpectation, checkFaultSettings, checkSnapshot, controlError, type MockControl } from './control-client'
import type { CoverageCounter } from './coverage'
import { evaluateExpectation, filterRequests, parseExpectation, parseRequestFilter } from './expect'
import { UnknownReceiptError } from './uscis'

/** Runs a control; bad input becomes the `MockControlError` the route would answer. */
async function guard<T>(route: string, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof UnknownReceiptError) throw controlError(route, 404, 'not_found', error.message, null)
    if (error instanceof RangeError) throw controlError(route, 400, 'bad_request', error.message, null)
    throw error
  }
}

/** The `MockControl` of `api`, whose coverage counters are `coverage`. */
export function createLocalControl(api: MockApi, coverage: CoverageCounter): MockControl {
  const receiptRoute = (receipt: string) => `POST /__mock/uscis/${encodeURIComponent(receipt)}`
  return {
    headers: {},
    outbox: async () => structuredClone([...api.outbox]),
    deliveries: async () => structuredClone([...api.deliveries]),
    events: async () => structuredClone([...api.events]),
    requests: (filter = {}) =>
      guard('GET /__mock/requests', () => structuredClone(filterRequests(api.requests, parseRequestFilter(filter)))),
    clock: {
      advance: (ms) =>
        guard('POST /__mock/clock', () => {
          if (typeof ms !== 'number') throw new RangeError(`advance(ms) needs a number of milliseconds, got ${ms}`)
          return api.clock.advance(ms)
        }),
      now: async () => api.clock.iso(),
    },
    uscis: {
      advance: (receipt) => guard(receiptRoute(receipt), () => api.uscis.advance(receipt)),
      setStatus: (receipt, title) =>
        guard(receiptRoute(receipt), () => {
          if (typeof title !== 'string' || title.trim() === '')
            throw new RangeError('setStatus(receipt, title) needs a USCIS title, such as "Case Was Approved".')
          return api.uscis.setStatus(receipt, title)
        }),
      fail: (options) =>
        guard('POST /__mock/uscis', () => {
          if (![429, 502, 503].includes(options?.status))
            throw new RangeError(`outage.status must be 429, 502 or 503, got ${options?.status}.`)
          api.uscis.fail(options)
          return structuredClone(api.uscis.outage()) as NonNullable<ReturnType<MockApi['uscis']['outage']>>
        }),
      recover: async () => api.uscis.recover(),
    },
    faults: {
      set: (settings) =>
        guard('POST /__mock/faults', () => {
          checkFaultSettings(settings)
          return structuredClone(api.faults.set(settings))
        }),
      clear: async () => {
        api.faults.clear()
        return structuredClone(api.faults.get())
      },
      get: async () => structuredClone(api.faults.get()),
    },
    async reset() {
      await api.idle()
      api.reset()
    },
    snapshot: async () => api.snapshot(),
    async restore(snapshot) {
      checkSnapshot(snapshot)
      // Deliveries in flight would write into the restored state: let them finish first.
      await api.idle()
      api.restore(snapshot)
    },
    idle: () => api.idle(),
    coverage: async () => coverage.report(),
    expectRequest: (expectation) =>
      awaitExpectation(expectation, (checked) =>
        guard('POST /__mock/expect', () => evaluateExpectation(api.requests, parseExpectation(checked))),
      ),
  }
}
