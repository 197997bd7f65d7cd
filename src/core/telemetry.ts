import { version } from '../../package.json'

/** The package's version, as published. */
export const SDK_VERSION: string = version

type Globals = {
  Deno?: { version?: { deno?: string }; build?: { os?: string } }
  Bun?: { version?: string }
  EdgeRuntime?: unknown
  process?: { versions?: Record<string, string | undefined>; platform?: string }
  navigator?: { userAgent?: string }
}

let identification: string | undefined

/**
 * The `X-ImmigraFlow-Client` header value, e.g. `immigraflow-js/0.2.0 (node 20.20.2; linux)`:
 * which SDK, runtime and operating system sent a request, so the API's operators can see which
 * versions are still in use. Worked out once per process.
 */
export function clientIdentification(): string {
  identification ??= `immigraflow-js/${SDK_VERSION} (${runtimeAndOs(globalThis as Globals)})`
  return identification
}

/** `<runtime> <version>; <os>`, with `unknown` for what the runtime does not tell. */
export function runtimeAndOs(g: Globals): string {
  const userAgent = g.navigator?.userAgent ?? ''
  if (g.Deno?.version?.deno) return `deno ${g.Deno.version.deno}; ${g.Deno.build?.os ?? 'unknown'}`
  const versions = g.process?.versions
  if (g.Bun || versions?.bun)
    return `bun ${g.Bun?.version ?? versions?.bun ?? 'unknown'}; ${g.process?.platform ?? 'unknown'}`
  if (typeof g.EdgeRuntime === 'string') return `${g.EdgeRuntime} unknown; unknown`
  if (userAgent === 'Cloudflare-Workers') return 'workerd unknown; unknown'
  if (versions?.node) return `node ${versions.node}; ${g.process?.platform ?? 'unknown'}`
  if (userAgent) return `${browserOf(userAgent)}; ${osOf(userAgent)}`
  return 'unknown unknown; unknown'
}

const BROWSERS: Array<[name: string, pattern: RegExp]> = [
  ['edge', /Edg\/([\d.]+)/],
  ['chrome', /Chrome\/([\d.]+)/],
  ['firefox', /Firefox\/([\d.]+)/],
  ['safari', /Version\/([\d.]+).*Safari\//],
]

function browserOf(userAgent: string): string {
  for (const [name, pattern] of BROWSERS) {
    const match = pattern.exec(userAgent)
    if (match) return `${name} ${match[1]}`
  }
  return 'browser unknown'
}

const SYSTEMS: Array<[name: string, pattern: RegExp]> = [
  ['android', /Android/],
  ['ios', /iPhone|iPad|iPod/],
  ['windows', /Windows/],
  ['macos', /Mac OS X|Macintosh/],
  ['linux', /Linux|X11/],
]

function osOf(userAgent: string): string {
  return SYSTEMS.find(([, pattern]) => pattern.test(userAgent))?.[0] ?? 'unknown'
}
