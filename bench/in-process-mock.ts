import { importBuilt, interleaved, microsPerCall, type Row, ratioRow, row, USER_JSON } from './lib'
import { startMockCli } from './servers'

type Sdk = typeof import('../src')
type MockNode = typeof import('../mocks/node')
type Msw = typeof import('msw')
type MswNode = typeof import('msw/node')

const API_KEY = 'sk_bench_in_process'
const BASE_URL = 'https://api.immigraflow.com'
const AUTH = { authorization: `Bearer ${API_KEY}` }

/**
 * What the in-process mock costs a test suite, per sequential `GET /v1/users/{id}` (the SDK's
 * `users.retrieve`), all measured side by side in one run with the runs interleaved:
 * - the anchor: raw fetch → msw `setupServer` with one static handler answering a fixed User,
 *   the floor of any MSW-based mock;
 * - raw fetch and the SDK → `setupMockServer` (MSW intercepting fetch, the mock's pipeline behind
 *   its one catch-all handler);
 * - the SDK → `api.fetch` (no interception at all);
 * - the SDK → the standalone mock over loopback HTTP (the built CLI in a child process);
 * - `api.handle(request)` by itself, next to msw's `getResponse` over the one static handler
 *   (each builds its `Request` and reads the body, as a caller would).
 */
export async function inProcessMock({ calls = 1_000, runs = 7 } = {}): Promise<Row[]> {
  const { ImmigraFlow } = await importBuilt<Sdk>('index.js')
  const { createMockApi, setupMockServer } = await importBuilt<MockNode>('mock/node.js')
  const { getResponse, http, HttpResponse } = (await import('msw')) as Msw
  const { setupServer } = (await import('msw/node')) as MswNode

  const staticHandler = http.get(
    `${BASE_URL}/v1/users/:id`,
    () =>
      new HttpResponse(USER_JSON, { headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'req_static' } }),
  )
  const anchorServer = setupServer(staticHandler)
  const mockServer = setupMockServer({ apiKey: API_KEY })
  const api = createMockApi({ apiKey: API_KEY })
  const standalone = await startMockCli(API_KEY)
  try {
    const client = (baseUrl: string, fetch?: (request: Request) => Promise<Response>) =>
      new ImmigraFlow({ apiKey: API_KEY, baseUrl, logLevel: 'off', ...(fetch ? { fetch } : {}) })
    const overMsw = client(mockServer.api.baseUrl)
    const overFetch = client(api.baseUrl, api.fetch)
    const overHttp = client(standalone.url)
    const user = { email: 'maria.lopez@example.com', name: 'María López' }
    // Only one MSW server intercepts fetch at a time, and only during its own runs.
    const withMsw = async <T>(server: typeof anchorServer, body: () => Promise<T>): Promise<T> => {
      server.listen({ onUnhandledRequest: 'error' })
      try {
        return await body()
      } finally {
        server.close()
      }
    }
    const mswId = (await withMsw(mockServer, () => overMsw.users.create(user))).id
    const fetchId = (await overFetch.users.create(user)).id
    const httpId = (await overHttp.users.create(user)).id
    const rawFetch = async (id: number) => (await fetch(`${BASE_URL}/v1/users/${id}`, { headers: AUTH })).text()
    const request = (id: number) => new Request(`${BASE_URL}/v1/users/${id}`, { headers: AUTH })
    const subjects = {
      anchor: () => withMsw(anchorServer, () => microsPerCall(calls, () => rawFetch(1))),
      rawMock: () => withMsw(mockServer, () => microsPerCall(calls, () => rawFetch(mswId))),
      sdkMsw: () => withMsw(mockServer, () => microsPerCall(calls, () => overMsw.users.retrieve(mswId))),
      sdkFetch: () => microsPerCall(calls, () => overFetch.users.retrieve(fetchId)),
      sdkHttp: () => microsPerCall(calls, () => overHttp.users.retrieve(httpId)),
      getResponse: () => microsPerCall(calls, async () => (await getResponse([staticHandler], request(1)))?.text()),
      handle: () => microsPerCall(calls, async () => (await api.handle(request(fetchId)))?.text()),
    }
    // Warm-up: JIT, MSW's interceptors, the SDK's lazily loaded schemas.
    await interleaved(subjects, 1)
    const results = await interleaved(subjects, runs)
    const bench = 'in-process mock (GET /v1/users/{id}, sequential)'
    const unit = 'µs/call'
    const anchor = { name: 'msw static handler', runs: results.anchor }
    return [
      row(bench, 'anchor: raw fetch → msw setupServer, one static handler', results.anchor, unit),
      ratioRow(bench, 'raw fetch → setupMockServer', results.rawMock, unit, anchor, { max: 1.1 }),
      ratioRow(bench, 'SDK → setupMockServer', results.sdkMsw, unit, anchor),
      ratioRow(bench, 'SDK → api.fetch', results.sdkFetch, unit, anchor, { max: 0.25 }),
      ratioRow(bench, 'SDK → standalone mock over loopback HTTP', results.sdkHttp, unit, anchor),
      row(bench, 'anchor: msw getResponse, one static handler', results.getResponse, unit),
      ratioRow(
        bench,
        'api.handle(request) alone',
        results.handle,
        unit,
        { name: 'msw getResponse', runs: results.getResponse },
        { max: 0.5 },
      ),
    ]
  } finally {
    await standalone.close()
  }
}
