/** `immigraflow/mock/browser`: the ImmigraFlow mock in the browser, with MSW's `setupWorker`. */
import { type SetupWorker, setupWorker } from 'msw/browser'
import { createMockApi, type MockApi, type MockApiOptions } from './api'

export * from './index'

/** An MSW worker with the mock's handlers; `worker.api` is the mock (store, clock, uscis, outbox, …). */
export type MockWorker = SetupWorker & { readonly api: MockApi }

/**
 * MSW's `setupWorker(...api.handlers)` with the mock attached as `.api`. Serve MSW's
 * `mockServiceWorker.js` (`npx msw init public/`) and `await worker.start()` before the app runs.
 */
export function setupMockWorker(options: MockApiOptions = {}): MockWorker {
  const api = createMockApi(options)
  return Object.assign(setupWorker(...api.handlers), { api })
}
