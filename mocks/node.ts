/**
 * `immigraflow/mock/node`: the ImmigraFlow mock for Node, with MSW's `setupServer` for
 * in-process tests and `startMockServer` for a real HTTP server.
 */
import { type SetupServer, setupServer } from 'msw/node'
import { createMockApi, type MockApi, type MockApiOptions } from './api'

export * from './index'
export { createRequestListener, type RunningMockServer, type StartMockServerOptions, startMockServer } from './server'

/** An MSW server with the mock's handlers; `server.api` is the mock (store, clock, uscis, outbox, …). */
export type MockServer = SetupServer & { readonly api: MockApi }

/**
 * MSW's `setupServer(...api.handlers)` with the mock attached as `.api`. Call `listen()` /
 * `close()` as usual; `api.reset()` between tests gives a clean mock.
 */
export function setupMockServer(options: MockApiOptions = {}): MockServer {
  const api = createMockApi(options)
  return Object.assign(setupServer(...api.handlers), { api })
}
