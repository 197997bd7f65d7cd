import createClient from 'openapi-fetch'
import type { paths } from '../src/generated/openapi'
import { constantFetch, cpuMicrosPerCall, importBuilt, interleaved, NEW_USER, type Row, ratioRow, row } from './lib'

const BASE_URL = 'http://127.0.0.1:9'

/**
 * The SDK's own CPU per call, with a fetch that answers a constant Response (no network):
 * `users.retrieve` beside openapi-fetch's `GET` of the same path, and `users.create` beside
 * openapi-fetch's `POST` of the same body, both clients given the same fetch. The SDK is the built
 * package, with its defaults (timeouts, retries, input checking, telemetry header).
 */
export async function sdkCpu({ calls = 700, runs = 61 } = {}): Promise<Row[]> {
  const { ImmigraFlow } = await importBuilt<typeof import('../src')>('index.js')
  const sdk = new ImmigraFlow({ apiKey: 'sk_bench', baseUrl: BASE_URL, fetch: constantFetch, logLevel: 'off' })
  const bare = createClient<paths>({
    baseUrl: BASE_URL,
    fetch: constantFetch,
    headers: { Authorization: 'Bearer sk_bench' },
  })
  const path = { user_id: 7 }
  const subjects = {
    openapiGet: () => cpuMicrosPerCall(calls, () => bare.GET('/v1/users/{user_id}', { params: { path } })),
    sdkRetrieve: () => cpuMicrosPerCall(calls, () => sdk.users.retrieve(7)),
    openapiPost: () => cpuMicrosPerCall(calls, () => bare.POST('/v1/users', { body: NEW_USER })),
    sdkCreate: () => cpuMicrosPerCall(calls, () => sdk.users.create(NEW_USER)),
  }
  // Warm-up: JIT and the lazily loaded schemas.
  await interleaved(subjects, 2)
  const results = await interleaved(subjects, runs)
  const bench = 'sdk cpu per call (constant fetch)'
  return [
    row(bench, 'openapi-fetch GET /v1/users/{user_id}', results.openapiGet, 'µs CPU'),
    ratioRow(
      bench,
      'immigraflow users.retrieve',
      results.sdkRetrieve,
      'µs CPU',
      { name: 'openapi-fetch GET', runs: results.openapiGet },
      { max: 1.3 },
    ),
    row(bench, 'openapi-fetch POST /v1/users', results.openapiPost, 'µs CPU'),
    ratioRow(
      bench,
      'immigraflow users.create',
      results.sdkCreate,
      'µs CPU',
      { name: 'openapi-fetch POST', runs: results.openapiPost },
      { max: 1.3 },
    ),
  ]
}
