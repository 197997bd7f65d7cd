/**
 * `api.control`: the `MockControl` of a mock in this process. It calls the mock directly (no
 * JSON, no routes) and answers as `createMockControl` does over HTTP: the same copies of the
 * records, the same report shapes, the same `MockControlError`s (route, status, code) for bad
 * input. Platform-neutral.
 */
import type { MockApi } from './api'
import { checkAdvance, checkOutage, checkReceipt, checkRequestFilter, checkTitle, receiptRoute } from './control-args'
import { awaitExpectation, checkFaultSettings, checkSnapshot, controlError, type MockControl } from './control-client'
import type { CoverageCounter } from './coverage'
import { evaluateExpectation, filterRequests } from './expect'
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
  return {
    headers: {},
    outbox: async () => structuredClone([...api.outbox]),
    deliveries: async () => structuredClone([...api.deliveries]),
    events: async () => structuredClone([...api.events]),
    requests: async (filter = {}) => structuredClone(filterRequests(api.requests, checkRequestFilter(filter))),
    clock: {
      advance: async (ms) => {
        const checked = checkAdvance(ms)
        return guard('POST /__mock/clock', () => api.clock.advance(checked))
      },
      now: async () => api.clock.iso(),
    },
    uscis: {
      advance: async (receipt) => {
        checkReceipt(receipt)
        return guard(receiptRoute(receipt), () => api.uscis.advance(receipt))
      },
      setStatus: async (receipt, title) => {
        checkTitle(checkReceipt(receipt), title)
        return guard(receiptRoute(receipt), () => api.uscis.setStatus(receipt, title))
      },
      fail: async (options) => {
        const checked = checkOutage(options)
        return guard('POST /__mock/uscis', () => {
          api.uscis.fail(checked)
          return structuredClone(api.uscis.outage()) as NonNullable<ReturnType<MockApi['uscis']['outage']>>
        })
      },
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
      awaitExpectation(expectation, async (checked) => evaluateExpectation(api.requests, checked)),
  }
}
