/**
 * `npm run bench:sdk-breakdown`: where the SDK's CPU per call goes, without the network. Every
 * client gets the same fetch, which answers a constant Response; each step adds one thing the SDK
 * does on top of openapi-fetch, built with openapi-fetch itself, up to the SDK's own call. Figures
 * are CPU µs per call (`process.cpuUsage`), medians of interleaved runs. Not part of
 * `npm run bench`; see bench/README.md.
 */
import createClient from 'openapi-fetch'
import type { paths } from '../src/generated/openapi'
import { constantFetch, cpuMicrosPerCall, importBuilt, interleaved, median, NEW_USER, ratioOf } from './lib'

const BASE_URL = 'http://127.0.0.1:9'
const CLIENT_HEADER = 'immigraflow-js/0.1.0 (node 20.20.2; linux)'

/** A fetch that hands a fresh AbortController's signal to the constant fetch, as the SDK does. */
const withSignal = (request: Request) => constantFetch(request, { signal: new AbortController().signal })
/** The same with the per-attempt timer and the promise that settles on it. */
const withSignalAndTimer = (request: Request) =>
  new Promise<Response>((resolve, reject) => {
    const controller = new AbortController()
    const timer = setTimeout(() => reject(new Error('timed out')), 60_000)
    constantFetch(request, { signal: controller.signal }).then((response) => {
      clearTimeout(timer)
      resolve(response)
    }, reject)
  })

const { ImmigraFlow } = await importBuilt<typeof import('../src')>('index.js')
const sdk = new ImmigraFlow({ apiKey: 'sk_bench', baseUrl: BASE_URL, fetch: constantFetch, logLevel: 'off' })
const bare = createClient<paths>({ baseUrl: BASE_URL, fetch: constantFetch })
const path = { user_id: 7 }
const auth = { Authorization: 'Bearer sk_bench' }
const identified = { ...auth, 'X-ImmigraFlow-Client': CLIENT_HEADER }
const calls = 2_000

const getSteps = {
  'openapi-fetch GET': () =>
    cpuMicrosPerCall(calls, () => bare.GET('/v1/users/{user_id}', { params: { path }, headers: auth })),
  '+ X-ImmigraFlow-Client header': () =>
    cpuMicrosPerCall(calls, () => bare.GET('/v1/users/{user_id}', { params: { path }, headers: identified })),
  '+ an AbortController per attempt, handed to fetch': () =>
    cpuMicrosPerCall(calls, () =>
      bare.GET('/v1/users/{user_id}', { params: { path }, headers: identified, fetch: withSignal }),
    ),
  '+ the attempt timer and its promise': () =>
    cpuMicrosPerCall(calls, () =>
      bare.GET('/v1/users/{user_id}', { params: { path }, headers: identified, fetch: withSignalAndTimer }),
    ),
  'users.retrieve (+ input check, retry loop, lazy parse)': () => cpuMicrosPerCall(calls, () => sdk.users.retrieve(7)),
}
const postSteps = {
  'openapi-fetch POST': () => cpuMicrosPerCall(calls, () => bare.POST('/v1/users', { body: NEW_USER, headers: auth })),
  '+ X-ImmigraFlow-Client and Idempotency-Key headers': () =>
    cpuMicrosPerCall(calls, () =>
      bare.POST('/v1/users', {
        body: NEW_USER,
        headers: { ...identified, 'Idempotency-Key': `ifw_${crypto.randomUUID()}` },
      }),
    ),
  '+ an AbortController per attempt, timer, promise': () =>
    cpuMicrosPerCall(calls, () =>
      bare.POST('/v1/users', {
        body: NEW_USER,
        headers: { ...identified, 'Idempotency-Key': `ifw_${crypto.randomUUID()}` },
        fetch: withSignalAndTimer,
      }),
    ),
  'users.create (+ input check of the body, retry loop, lazy parse)': () =>
    cpuMicrosPerCall(calls, () => sdk.users.create(NEW_USER)),
}

const sections: Array<[string, Record<string, () => Promise<number>>]> = [
  ['GET /v1/users/{user_id}', getSteps],
  ['POST /v1/users', postSteps],
]
for (const [title, steps] of sections) {
  await interleaved(steps, 2)
  const results = await interleaved(steps, 15)
  const [first] = Object.values(results)
  const base = median(first ?? [])
  console.log(
    `\n${title}: client-side CPU per call, constant fetch (medians of 15 interleaved runs of ${calls} calls; ratios: medians of the per-round ratios)`,
  )
  for (const [step, runs] of Object.entries(results)) {
    const value = median(runs)
    const delta = value - base
    console.log(
      `${step.padEnd(66)} ${value.toFixed(1).padStart(6)} µs   ${ratioOf(runs, first ?? []).toFixed(2)}×  ${delta >= 0 ? '+' : ''}${delta.toFixed(1)}`,
    )
  }
}
