/**
 * The mock behind MSW, for `immigraflow/mock/node` and `immigraflow/mock/browser` (the only
 * entries that load msw): one catch-all handler for the mock's origin that hands each request
 * to the mock's pipeline, and `createMockApi` returning a mock with those `handlers`.
 */
import { type HttpHandler, http } from 'msw'
import { createMockApi as createNeutralMockApi, type MockApi, type MockApiOptions } from './api'
import { markOwnHandler } from './own-handlers'

/** A mock with MSW handlers: pass them to `setupServer` / `setupWorker`, or append your own. */
export interface MswMockApi extends MockApi {
  /** MSW handlers answering every request to the mock's origin that the mock answers (`mockHandlers(api)`). */
  readonly handlers: HttpHandler[]
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/**
 * MSW handlers for a mock: a single catch-all for its origin that answers through
 * `api.handle`, so MSW, `handle`, `fetch` and the standalone server share one pipeline.
 * Requests the mock does not answer (paths outside `/v1`) go on to the next handler, or to
 * MSW's `onUnhandledRequest`.
 */
export function mockHandlers(api: MockApi): HttpHandler[] {
  // A RegExp path: MSW matches it against origin and path without decoding anything.
  const handler = http.all(new RegExp(`^${escapeRegExp(api.baseUrl)}(/|$)`, 'i'), ({ request }) => api.handle(request))
  markOwnHandler(handler)
  return [handler]
}

/** `createMockApi` from `immigraflow/mock`, plus the MSW `handlers` that serve it. */
export function createMockApi(options: MockApiOptions = {}): MswMockApi {
  const api = createNeutralMockApi(options)
  return Object.assign(api, { handlers: mockHandlers(api) })
}
