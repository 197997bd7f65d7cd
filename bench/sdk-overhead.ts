import createClient from 'openapi-fetch'
import type { paths } from '../src/generated/openapi'
import { importBuilt, interleaved, listen, microsPerCall, type Row, ratioRow, row, USER_JSON } from './lib'

/**
 * SDK overhead per request: `client.users.retrieve` vs raw fetch vs bare openapi-fetch, all
 * sequential against a node:http server on loopback answering a fixed User. The SDK is the built
 * package (tsx's transform would add a `__name` call to every closure the SDK makes per call).
 */
export async function sdkOverhead({ calls = 200, runs = 61 } = {}): Promise<Row[]> {
  const { ImmigraFlow } = await importBuilt<typeof import('../src')>('index.js')
  const server = await listen((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-Request-Id': 'req_bench' })
    res.end(USER_JSON)
  })
  try {
    const sdk = new ImmigraFlow({ apiKey: 'sk_bench', baseUrl: server.url, logLevel: 'off' })
    const bare = createClient<paths>({ baseUrl: server.url, headers: { Authorization: 'Bearer sk_bench' } })
    const subjects = {
      raw: () =>
        microsPerCall(calls, async () => {
          const response = await fetch(`${server.url}/v1/users/7`, { headers: { Authorization: 'Bearer sk_bench' } })
          return response.json()
        }),
      openapiFetch: () =>
        microsPerCall(calls, () => bare.GET('/v1/users/{user_id}', { params: { path: { user_id: 7 } } })),
      // What the SDK must add for per-attempt timeouts and `signal`: undici links the Request it
      // builds to this signal, and fetch() links its own copy of that Request again.
      openapiFetchSignal: () =>
        microsPerCall(calls, () =>
          bare.GET('/v1/users/{user_id}', { params: { path: { user_id: 7 } }, signal: new AbortController().signal }),
        ),
      // The same signal handed to fetch() beside the Request, as the SDK does with the default
      // fetch: linked once. The floor of any openapi-fetch client with timeouts.
      openapiFetchInitSignal: () =>
        microsPerCall(calls, () => {
          const signal = new AbortController().signal
          return bare.GET('/v1/users/{user_id}', {
            params: { path: { user_id: 7 } },
            fetch: (request: Request) => fetch(request, { signal }),
          })
        }),
      sdk: () => microsPerCall(calls, () => sdk.users.retrieve(7)),
    }
    // Warm-up: JIT, connection pool, and the lazily loaded schemas.
    await interleaved(subjects, 1)
    const results = await interleaved(subjects, runs)
    return [
      row('sdk overhead', 'raw fetch', results.raw, 'µs/req'),
      row('sdk overhead', 'openapi-fetch', results.openapiFetch, 'µs/req'),
      ratioRow('sdk overhead', 'openapi-fetch + a per-call AbortSignal', results.openapiFetchSignal, 'µs/req', {
        name: 'openapi-fetch',
        runs: results.openapiFetch,
      }),
      ratioRow(
        'sdk overhead',
        'openapi-fetch + a per-call AbortSignal given to fetch()',
        results.openapiFetchInitSignal,
        'µs/req',
        { name: 'openapi-fetch', runs: results.openapiFetch },
      ),
      ratioRow('sdk overhead', 'immigraflow users.retrieve', results.sdk, 'µs/req', {
        name: 'signal given to fetch()',
        runs: results.openapiFetchInitSignal,
      }),
      ratioRow(
        'sdk overhead',
        'immigraflow users.retrieve',
        results.sdk,
        'µs/req',
        { name: 'raw fetch', runs: results.raw },
        { max: 1.1 },
      ),
      ratioRow(
        'sdk overhead',
        'immigraflow users.retrieve',
        results.sdk,
        'µs/req',
        { name: 'openapi-fetch', runs: results.openapiFetch },
        { max: 1.05 },
      ),
    ]
  } finally {
    await server.close()
  }
}
