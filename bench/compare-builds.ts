/**
 * `npx tsx bench/compare-builds.ts <previous dist> [runs]`: the SDK of an earlier build beside this
 * one (`dist/`), in one process with every subject's runs interleaved, so a change is measured
 * against what it replaced under the same load: CPU per call with a constant fetch (× openapi-fetch
 * `GET` and `POST`), `users.retrieve` over loopback (× openapi-fetch) and through the mock's
 * `api.fetch` (× raw fetch → msw `setupServer` with one static handler). The earlier build must
 * resolve the package's dependencies from where it lies, e.g.
 * `cp -r dist /tmp/before/dist && ln -s "$PWD/node_modules" /tmp/before/node_modules`.
 * Not part of `npm run bench`; see bench/README.md.
 */
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import createClient from 'openapi-fetch'
import type { paths } from '../src/generated/openapi'
import {
  constantFetch,
  cpuMicrosPerCall,
  importBuilt,
  interleaved,
  listen,
  median,
  microsPerCall,
  NEW_USER,
  ratioOf,
  USER_HEADERS,
  USER_JSON,
} from './lib'

type Sdk = typeof import('../src')
type Mock = typeof import('../mocks/index')

const previous = process.argv[2]
if (!previous) throw new Error('Usage: npx tsx bench/compare-builds.ts <previous dist directory> [runs]')
const runs = Number(process.argv[3] ?? 21)
const fromDir = async <T>(file: string) => (await import(pathToFileURL(resolve(previous, file)).href)) as T
const builds = {
  before: { sdk: await fromDir<Sdk>('index.js'), mock: await fromDir<Mock>('mock/index.js') },
  after: { sdk: await importBuilt<Sdk>('index.js'), mock: await importBuilt<Mock>('mock/index.js') },
}

/** Prints each subject's median and, for those named in `against`, its ratio to that subject. */
async function compare(
  title: string,
  subjects: Record<string, () => Promise<number>>,
  against: Record<string, string>,
) {
  await interleaved(subjects, 2)
  const results = await interleaved(subjects, runs)
  const medians = Object.fromEntries(Object.entries(results).map(([name, values]) => [name, median(values)]))
  console.log(`\n${title} (medians of ${runs} interleaved runs; ratios: medians of the per-round ratios)`)
  for (const [name, value] of Object.entries(medians)) {
    const base = against[name]
    // The median of the per-round ratios, as in `npm run bench`.
    const ratio = base ? `${ratioOf(results[name] as number[], results[base] as number[]).toFixed(3)}× ${base}` : ''
    console.log(`${name.padEnd(24)} ${value.toFixed(1).padStart(8)}  ${ratio}`)
  }
}

const client = (build: keyof typeof builds, options: ConstructorParameters<Sdk['ImmigraFlow']>[0]) =>
  new builds[build].sdk.ImmigraFlow({ apiKey: 'sk_bench', logLevel: 'off', ...options })

{
  const baseUrl = 'http://127.0.0.1:9'
  const bare = createClient<paths>({ baseUrl, fetch: constantFetch, headers: { Authorization: 'Bearer sk_bench' } })
  const before = client('before', { baseUrl, fetch: constantFetch })
  const after = client('after', { baseUrl, fetch: constantFetch })
  const path = { user_id: 7 }
  await compare(
    'CPU µs per call, constant fetch',
    {
      openapiGet: () => cpuMicrosPerCall(2_000, () => bare.GET('/v1/users/{user_id}', { params: { path } })),
      beforeRetrieve: () => cpuMicrosPerCall(2_000, () => before.users.retrieve(7)),
      afterRetrieve: () => cpuMicrosPerCall(2_000, () => after.users.retrieve(7)),
      openapiPost: () => cpuMicrosPerCall(2_000, () => bare.POST('/v1/users', { body: NEW_USER })),
      beforeCreate: () => cpuMicrosPerCall(2_000, () => before.users.create(NEW_USER)),
      afterCreate: () => cpuMicrosPerCall(2_000, () => after.users.create(NEW_USER)),
    },
    {
      beforeRetrieve: 'openapiGet',
      afterRetrieve: 'openapiGet',
      beforeCreate: 'openapiPost',
      afterCreate: 'openapiPost',
    },
  )
}

{
  const server = await listen((_req, res) => {
    res.writeHead(200, USER_HEADERS)
    res.end(USER_JSON)
  })
  try {
    const bare = createClient<paths>({ baseUrl: server.url, headers: { Authorization: 'Bearer sk_bench' } })
    const before = client('before', { baseUrl: server.url })
    const after = client('after', { baseUrl: server.url })
    await compare(
      'µs per users.retrieve over loopback',
      {
        openapiFetch: () =>
          microsPerCall(500, () => bare.GET('/v1/users/{user_id}', { params: { path: { user_id: 7 } } })),
        before: () => microsPerCall(500, () => before.users.retrieve(7)),
        after: () => microsPerCall(500, () => after.users.retrieve(7)),
      },
      { before: 'openapiFetch', after: 'openapiFetch' },
    )
  } finally {
    await server.close()
  }
}

{
  const BASE_URL = 'https://api.immigraflow.com'
  const anchor = setupServer(
    http.get(`${BASE_URL}/v1/users/:id`, () => new HttpResponse(USER_JSON, { headers: USER_HEADERS })),
  )
  const overMock = async (build: keyof typeof builds) => {
    const api = builds[build].mock.createMockApi({ apiKey: 'sk_bench' })
    const sdk = client(build, { baseUrl: api.baseUrl, fetch: api.fetch })
    const { id } = await sdk.users.create(NEW_USER)
    return () => sdk.users.retrieve(id)
  }
  const before = await overMock('before')
  const after = await overMock('after')
  await compare(
    'µs per users.retrieve through api.fetch',
    {
      anchor: async () => {
        anchor.listen({ onUnhandledRequest: 'error' })
        try {
          return await microsPerCall(1_000, async () => (await fetch(`${BASE_URL}/v1/users/1`)).text())
        } finally {
          anchor.close()
        }
      },
      before: () => microsPerCall(1_000, before),
      after: () => microsPerCall(1_000, after),
    },
    { before: 'anchor', after: 'anchor' },
  )
}
