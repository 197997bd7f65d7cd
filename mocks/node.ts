/**
 * `immigraflow/mock/node`: the ImmigraFlow mock for Node, with MSW's `setupServer` for
 * in-process tests and `startMockServer` for a real HTTP server.
 */
import { type SetupServer, setupServer } from 'msw/node'
import { createMockApi, type MswMockApi, type MswMockApiOptions } from './msw'

export * from './msw-exports'
export {
  createRequestListener,
  type RequestListenerOptions,
  type RunningMockServer,
  type StartMockServerOptions,
  startMockServer,
} from './server'
export { StateFileError } from './state-file'

/** An MSW server with the mock's handler; `server.api` is the mock (store, clock, uscis, outbox, …). */
export type MockServer = SetupServer & { readonly api: MswMockApi }

/**
 * MSW's `setupServer(...api.handlers)` with the mock attached as `.api`. Call `listen()` /
 * `close()` as usual; `api.reset()` between tests gives a clean mock. For the SDK alone,
 * `fetch: api.fetch` needs no MSW at all. With `controls: true` the control routes answer too,
 * under `<baseUrl>/__mock/`.
 */
export function setupMockServer(options: MswMockApiOptions = {}): MockServer {
  const api = createMockApi(options)
  return Object.assign(setupServer(...api.handlers), { api })
}
