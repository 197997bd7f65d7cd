/**
 * `npm run bench:sdk-profile [retrieve|create|api-fetch]`: where the built SDK's CPU goes in one
 * kind of call, as shares of the profiler's samples grouped by where they land (undici, web
 * streams, AbortSignal, the SDK, openapi-fetch, zod, timers, the mock…). The profiler
 * (`node:inspector`, 100 µs sampling) covers 15 000 sequential calls after 20 000 warm-up calls;
 * the profile is written to /tmp for Chrome DevTools. Not part of `npm run bench`; see
 * bench/README.md, "Where the time goes now".
 */
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { constantFetch, importBuilt, NEW_USER } from './lib'

type Node = { id: number; callFrame: { functionName: string; url: string }; children?: number[] }
type Profile = { nodes: Node[]; samples: number[] }

const subject = process.argv[2] ?? 'retrieve'
const { ImmigraFlow } = await importBuilt<typeof import('../src')>('index.js')
const { createMockApi } = await importBuilt<typeof import('../mocks/index')>('mock/index.js')
async function callFor(name: string): Promise<() => Promise<unknown>> {
  if (name === 'api-fetch') {
    const api = createMockApi({ apiKey: 'sk_bench' })
    const sdk = new ImmigraFlow({ apiKey: 'sk_bench', baseUrl: api.baseUrl, fetch: api.fetch, logLevel: 'off' })
    const { id } = await sdk.users.create(NEW_USER)
    return () => sdk.users.retrieve(id)
  }
  const sdk = new ImmigraFlow({
    apiKey: 'sk_bench',
    baseUrl: 'http://127.0.0.1:9',
    fetch: constantFetch,
    logLevel: 'off',
  })
  if (name === 'create') return () => sdk.users.create(NEW_USER)
  if (name === 'retrieve') return () => sdk.users.retrieve(7)
  throw new Error(`Unknown subject "${name}": use retrieve, create or api-fetch.`)
}

/** The group a sample's function belongs to; signals and streams by the function that made them. */
function groupOf(node: Node, parents: Map<number, Node>): string {
  const { functionName: name, url } = node.callFrame
  if (name === '(garbage collector)') return 'garbage collection'
  if (name === '(program)' || name === '(idle)') return 'other (program)'
  if (url.includes('abort_controller')) return 'AbortController / AbortSignal'
  if (name === 'makeTransferable' || name === 'JSTransferable' || url.includes('webstreams')) {
    for (let up: Node | undefined = node; up; up = parents.get(up.id)) {
      if (up.callFrame.url.includes('abort_controller')) return 'AbortController / AbortSignal'
    }
    return 'web streams (bodies) and transferable objects'
  }
  if (url.includes('undici')) return "undici's Request, Response and Headers"
  if (url.includes('zod')) return 'zod (input check)'
  if (url.includes('timers') || name === 'toggleTimerRef' || name === 'getLibuvNow') return 'timers'
  if (url.endsWith('/dist/index.js')) {
    const serializers = ['createFinalURL', 'defaultPathSerializer', 'defaultBodySerializer', 'querySerializer']
    return serializers.includes(name) || name.startsWith('serialize') ? "openapi-fetch's serializers" : 'the SDK'
  }
  if (url.includes('/dist/')) return 'the mock (api.fetch)'
  if (url.startsWith('node:internal/encoding') || name === 'parse' || name === 'stringify') return 'JSON and text'
  return 'other'
}

const call = await callFor(subject)
for (let i = 0; i < 20_000; i++) await call()
const session = new Session()
session.connect()
await session.post('Profiler.enable')
await session.post('Profiler.setSamplingInterval', { interval: 100 })
await session.post('Profiler.start')
const calls = 15_000
for (let i = 0; i < calls; i++) await call()
const { profile } = (await session.post('Profiler.stop')) as { profile: Profile }
session.disconnect()

const file = join(tmpdir(), `immigraflow-${subject}.cpuprofile`)
writeFileSync(file, JSON.stringify(profile))
const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
const parents = new Map<number, Node>()
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node)
const groups = new Map<string, number>()
for (const sample of profile.samples) {
  const node = nodes.get(sample)
  if (!node) continue
  const group = groupOf(node, parents)
  groups.set(group, (groups.get(group) ?? 0) + 1)
}
console.log(`${subject}: ${calls} calls, ${profile.samples.length} samples, written to ${file}`)
for (const [group, count] of [...groups].sort((a, b) => b[1] - a[1])) {
  console.log(`${((100 * count) / profile.samples.length).toFixed(1).padStart(5)} %  ${group}`)
}
