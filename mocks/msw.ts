/**
 * The mock behind MSW, for `immigraflow/mock/node` and `immigraflow/mock/browser` (the only
 * entries that load msw): one catch-all handler for the mock's origin that hands each request
 * to the mock's pipeline, and `createMockApi` returning a mock with those `handlers`.
 */
import { type HttpHandler, http } from 'msw'
import {
  createMockApi as createNeutralMockApi,
  handleWithPlainResponse,
  type MockApi,
  type MockApiOptions,
} from './api'
import { handleControl } from './control'
import { markOwnHandler } from './own-handlers'

/** What `mockHandlers` serves besides the API. */
export interface MockHandlerOptions {
  /**
   * Also serve the control routes under `<baseUrl>/__mock/` (state, outbox, clock, faults,
   * redeliver, snapshot, stream, …), as the standalone server does. Default false.
   */
  controls?: boolean
  /** With `controls`: the key the control routes require (`Authorization: Bearer <apiKey>`). */
  apiKey?: string
}

/** `createMockApi`'s options, plus `controls` to serve the control routes as MSW handlers too. */
export interface MswMockApiOptions extends MockApiOptions {
  /** Also serve the control routes under `<baseUrl>/__mock/`. Default false. */
  controls?: boolean
}

/** A mock with MSW handlers: pass them to `setupServer` / `setupWorker`, or append your own. */
export interface MswMockApi extends MockApi {
  /** MSW handlers answering every request to the mock's origin that the mock answers (`mockHandlers(api)`). */
  readonly handlers: HttpHandler[]
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/**
 * MSW handlers for a mock: a single catch-all for its origin that answers through the mock's
 * pipeline (as `api.handle`, with a plain `Response`), so MSW, `handle`, `fetch` and the standalone server share one pipeline.
 * Requests the mock does not answer (paths outside `/v1`) go on to the next handler, or to
 * MSW's `onUnhandledRequest`.
 */
export function mockHandlers(api: MockApi, options: MockHandlerOptions = {}): HttpHandler[] {
  // A RegExp path: MSW matches it against origin and path without decoding anything.
  const origin = escapeRegExp(api.baseUrl)
  const handler = http.all(new RegExp(`^${origin}(/|$)`, 'i'), ({ request }) => handleWithPlainResponse(api, request))
  markOwnHandler(handler)
  if (!options.controls) return [handler]
  const controls = http.all(new RegExp(`^${origin}/__mock/`, 'i'), ({ request }) =>
    handleControl(api, request, { apiKey: options.apiKey }),
  )
  markOwnHandler(controls)
  return [controls, handler]
}

/** `createMockApi` from `immigraflow/mock`, plus the MSW `handlers` that serve it (and its controls, with `controls: true`). */
export function createMockApi(options: MswMockApiOptions = {}): MswMockApi {
  const { controls, ...apiOptions } = options
  const api = createNeutralMockApi(apiOptions)
  return Object.assign(api, { handlers: mockHandlers(api, { controls, apiKey: options.apiKey }) })
}
