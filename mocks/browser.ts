/** `immigraflow/mock/browser`: the ImmigraFlow mock in the browser, with MSW's `setupWorker`. */
import { type SetupWorker, setupWorker } from 'msw/browser'
import { createMockApi, type MswMockApi, type MswMockApiOptions } from './msw'

export * from './msw-exports'

/** An MSW worker with the mock's handler; `worker.api` is the mock (store, clock, uscis, outbox, …). */
export type MockWorker = SetupWorker & { readonly api: MswMockApi }

/**
 * MSW's `setupWorker(...api.handlers)` with the mock attached as `.api`. Serve MSW's
 * `mockServiceWorker.js` (`npx msw init public/`) and `await worker.start()` before the app runs.
 * With `controls: true` the control routes answer too, under `<baseUrl>/__mock/`.
 */
export function setupMockWorker(options: MswMockApiOptions = {}): MockWorker {
  const api = createMockApi(options)
  return Object.assign(setupWorker(...api.handlers), { api })
}
