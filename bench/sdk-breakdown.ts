/**
 * `tsx bench/sdk-breakdown.ts` (after `npm run build`): where the SDK's per-request time goes on
 * the client side, without the network. `globalThis.fetch` is replaced by a stub that builds the
 * `Request` exactly as Node's fetch does first (`new Request(input, init)`) and answers a fixed
 * User, so only client-side work remains; figures are CPU µs per call (`process.cpuUsage`),
 * medians of interleaved runs, each step adding one thing the SDK does on top of openapi-fetch.
 * Not part of `npm run bench`; see bench/README.md.
 */
import createClient, { type Middleware } from 'openapi-fetch'
import type { paths } from '../src/generated/openapi'
import { importBuilt, interleaved, median, USER_JSON } from './lib'

const HEADERS = { 'Content-Type': 'application/json', 'X-Request-Id': 'req_bench' }
const BASE_URL = 'http://127.0.0.1:9'

const cpuMicrosPerCall = async (calls: number, call: () => Promise<unknown>) => {
  const start = process.cpuUsage()
  for (let i = 0; i < calls; i++) await call()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / calls
}

const { ImmigraFlow } = await importBuilt<typeof import('../src')>('index.js')
globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  void new Request(input, init)
  return new Response(USER_JSON, { headers: HEADERS })
}) as typeof fetch

const sdk = new ImmigraFlow({ apiKey: 'sk_bench', baseUrl: BASE_URL, logLevel: 'off' })
const bare = createClient<paths>({ baseUrl: BASE_URL, headers: { Authorization: 'Bearer sk_bench' } })
const passThrough: Middleware = { onRequest: () => undefined, onResponse: () => undefined }
const path = { user_id: 7 }
const calls = 2_000
const steps = {
  'raw fetch (URL string)': () =>
    cpuMicrosPerCall(calls, async () =>
      (await fetch(`${BASE_URL}/v1/users/7`, { headers: { Authorization: 'Bearer sk_bench' } })).json(),
    ),
  'openapi-fetch (builds a Request; fetch copies it)': () =>
    cpuMicrosPerCall(calls, () => bare.GET('/v1/users/{user_id}', { params: { path } })),
  '+ a per-call AbortSignal in the Request': () =>
    cpuMicrosPerCall(calls, () =>
      bare.GET('/v1/users/{user_id}', { params: { path }, signal: new AbortController().signal }),
    ),
  '  (the signal given to fetch() instead)': () =>
    cpuMicrosPerCall(calls, () => {
      const controller = new AbortController()
      return bare.GET('/v1/users/{user_id}', {
        params: { path },
        fetch: (request: Request) => globalThis.fetch(request, { signal: controller.signal }),
      })
    }),
  '+ a per-call middleware': () =>
    cpuMicrosPerCall(calls, () =>
      bare.GET('/v1/users/{user_id}', {
        params: { path },
        signal: new AbortController().signal,
        middleware: [passThrough],
      }),
    ),
  'immigraflow users.retrieve (+ input check, transport, typed result)': () =>
    cpuMicrosPerCall(calls, () => sdk.users.retrieve(7)),
}
await interleaved(steps, 2)
const results = await interleaved(steps, 15)
const base = median(results['openapi-fetch (builds a Request; fetch copies it)'])
console.log('client-side CPU per call, stub fetch (medians of 15 interleaved runs of 2 000 calls)')
for (const [step, runs] of Object.entries(results)) {
  const value = median(runs)
  const delta = value - base
  console.log(
    `${step.padEnd(70)} ${value.toFixed(1).padStart(6)} µs   ${delta >= 0 ? '+' : ''}${delta.toFixed(1)} vs openapi-fetch`,
  )
}
