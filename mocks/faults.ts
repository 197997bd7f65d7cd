/**
 * Fault injection. Per request with the `Prefer` header (Prism's `code=`, extended), or for
 * every request with `faults.set(...)`. A faulted request is answered before auth, validation
 * or any handler runs, so it never changes the store.
 *
 * | Prefer            | effect                                                                  |
 * |-------------------|-------------------------------------------------------------------------|
 * | `code=503`        | answer that status with a valid ErrorEnvelope (+ `Retry-After: 1` on 429/503) |
 * | `latency=200`     | wait 200 ms (real time) before answering                                |
 * | `fault=reset`     | drop the connection (MSW: `HttpResponse.error()`; server: destroy the socket) |
 * | `fail-times=2`    | fail the next 2 identical calls (method + path + query + body), then succeed; with `code=` or `fault=reset`, default 503 |
 * | `retry-after=0`   | the `Retry-After` (seconds) of an injected 429 or 503, instead of 1: retries in tests need not wait |
 * | `should-retry=false` | the injected fault carries `x-should-retry: false` (or `true`): the server's retry hint, which SDKs follow over the status |
 */
import { nextRandom } from './random'
import { type GlobalFaults, type MockState, NO_WEBHOOK_CHAOS, type WebhookChaos } from './store'

/** What `faults.set` takes: any of the global fault settings, and any of the webhook chaos ones. */
export type FaultSettings = Partial<Omit<GlobalFaults, 'webhooks'>> & { webhooks?: Partial<WebhookChaos> }

export interface FaultController {
  /**
   * Sets global faults: `failRate` (0–1) of requests fail with `code` (default 503) or a reset;
   * `latencyMs` on every request; `webhooks` chaos (`duplicate`, `reorder`, `delayMs`) on webhook
   * deliveries. Settings not given keep their value, inside `webhooks` too. Throws a
   * `RangeError` naming each field of the wrong type or out of range: numbers must be finite
   * numbers (`latencyMs` at most `MAX_LATENCY_MS`, `webhooks.delayMs` at most
   * `MAX_WEBHOOK_DELAY_MS`), `reset` and `webhooks.reorder` booleans.
   */
  set(options: FaultSettings): GlobalFaults
  /** The global fault settings. */
  get(): GlobalFaults
  /** Turns global faults and webhook chaos off and forgets pending `fail-times` counters. */
  clear(): void
}

export type FaultAction = { kind: 'code'; status: number } | { kind: 'reset' }

export interface FaultDecision {
  latencyMs: number
  action: FaultAction | null
  /** How the fault appears in the request log, e.g. `code=503`. */
  label: string | null
}

export interface Prefer {
  code?: number
  latency?: number
  reset?: boolean
  failTimes?: number
  retryAfter?: number
  /** `x-should-retry` on the injected fault. */
  shouldRetry?: boolean
}

/** Parses `Prefer: code=503, latency=200, fault=reset, fail-times=2, retry-after=0`; unknown preferences are ignored. */
export function parsePrefer(header: string | null): { prefer: Prefer; errors: string[] } {
  const prefer: Prefer = {}
  const errors: string[] = []
  if (!header) return { prefer, errors }
  for (const part of header.split(/[,;]/)) {
    const [rawKey, ...rest] = part.split('=')
    const key = rawKey?.trim().toLowerCase()
    const value = rest.join('=').trim().replace(/^"|"$/g, '')
    const integer = /^[0-9]+$/.test(value) ? Number(value) : Number.NaN
    switch (key) {
      case 'code':
        if (integer >= 100 && integer <= 599) prefer.code = integer
        else errors.push(`code=${value} is not an HTTP status`)
        break
      case 'latency':
        if (integer <= 60_000) prefer.latency = integer
        else errors.push(`latency=${value} must be a whole number of milliseconds up to 60000`)
        break
      case 'fault':
        if (value === 'reset') prefer.reset = true
        else errors.push(`fault=${value} is not supported; use fault=reset`)
        break
      case 'fail-times':
        if (integer >= 1) prefer.failTimes = integer
        else errors.push(`fail-times=${value} must be a whole number ≥ 1`)
        break
      case 'retry-after':
        if (integer <= 3600) prefer.retryAfter = integer
        else errors.push(`retry-after=${value} must be a whole number of seconds up to 3600`)
        break
      case 'should-retry':
        if (value === 'true' || value === 'false') prefer.shouldRetry = value === 'true'
        else errors.push(`should-retry=${value} must be true or false`)
        break
      default:
        break
    }
  }
  return { prefer, errors }
}

/** The headers an injected fault carries because of the request's `Prefer`, beyond the usual ones. */
export function preferredFaultHeaders(prefer: Prefer): Record<string, string> {
  return prefer.shouldRetry === undefined ? {} : { 'x-should-retry': String(prefer.shouldRetry) }
}

/** Decides whether and how this request fails. `identity` names "identical calls" for `fail-times`. */
export function decideFault(state: MockState, prefer: Prefer, identity: string): FaultDecision {
  const global = state.faults.global
  const latencyMs = (prefer.latency ?? 0) + global.latencyMs
  const failWith = (label: string): FaultDecision => ({
    latencyMs,
    action: prefer.reset ? { kind: 'reset' } : { kind: 'code', status: prefer.code ?? 503 },
    label,
  })
  if (prefer.failTimes !== undefined) {
    const remaining = state.faults.failTimes.get(identity) ?? prefer.failTimes
    if (remaining > 0) {
      state.faults.failTimes.set(identity, remaining - 1)
      return failWith(`fail-times=${prefer.failTimes}`)
    }
    state.faults.failTimes.delete(identity)
    return { latencyMs, action: null, label: latencyMs > 0 ? `latency=${latencyMs}` : null }
  }
  if (prefer.reset) return failWith('fault=reset')
  if (prefer.code !== undefined) return failWith(`code=${prefer.code}`)
  if (global.failRate > 0 && nextRandom(state.faultRandom) < global.failRate) {
    return {
      latencyMs,
      action: global.reset ? { kind: 'reset' } : { kind: 'code', status: global.code },
      label: `fail-rate=${global.failRate}`,
    }
  }
  return { latencyMs, action: null, label: latencyMs > 0 ? `latency=${latencyMs}` : null }
}

/** The most global latency `faults.set` takes, in ms: as much as `Prefer: latency=` allows. */
export const MAX_LATENCY_MS = 60_000
/** The most a delayed webhook delivery waits, in ms of mock time: 30 days. */
export const MAX_WEBHOOK_DELAY_MS = 30 * 86_400_000

/** The names the settings go by in messages: the options' own by default, the wire's for the control route. */
export type FaultNames = Record<
  'failRate' | 'code' | 'latencyMs' | 'reset' | 'webhooks' | 'duplicate' | 'reorder' | 'delayMs',
  string
>
const OPTION_NAMES: FaultNames = {
  failRate: 'failRate',
  code: 'code',
  latencyMs: 'latencyMs',
  reset: 'reset',
  webhooks: 'webhooks',
  duplicate: 'webhooks.duplicate',
  reorder: 'webhooks.reorder',
  delayMs: 'webhooks.delayMs',
}
const FAULT_FIELDS: ReadonlyArray<keyof FaultSettings> = ['failRate', 'code', 'latencyMs', 'reset', 'webhooks']
const CHAOS_FIELDS: ReadonlyArray<keyof WebhookChaos> = ['duplicate', 'reorder', 'delayMs']

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/**
 * What is wrong with these settings, one message per field naming it; empty when nothing is.
 * Types are checked strictly: no `null`, string or boolean passes for a number.
 */
export function validateGlobalFaults(options: FaultSettings, names: Partial<FaultNames> = {}): string[] {
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    return [`the settings must be an object of ${FAULT_FIELDS.join(', ')}`]
  const name = { ...OPTION_NAMES, ...names }
  const errors: string[] = [...validateWebhookChaos(options.webhooks, name)]
  const { failRate, code, latencyMs, reset } = options as Record<string, unknown>
  if (failRate !== undefined) {
    if (!isNumber(failRate)) errors.push(`${name.failRate} must be a number`)
    else if (!(failRate >= 0 && failRate <= 1)) errors.push(`${name.failRate} must be between 0 and 1`)
  }
  if (code !== undefined) {
    if (typeof code !== 'number') errors.push(`${name.code} must be a number`)
    else if (!(Number.isInteger(code) && code >= 400 && code <= 599))
      errors.push(`${name.code} must be an HTTP error status (400–599)`)
  }
  if (latencyMs !== undefined) {
    if (typeof latencyMs !== 'number') errors.push(`${name.latencyMs} must be a number`)
    else if (!(isNumber(latencyMs) && latencyMs >= 0)) errors.push(`${name.latencyMs} must be a number ≥ 0`)
    else if (latencyMs > MAX_LATENCY_MS)
      errors.push(`${name.latencyMs} must be at most ${MAX_LATENCY_MS} ms (as Prefer: latency=)`)
  }
  if (reset !== undefined && typeof reset !== 'boolean') errors.push(`${name.reset} must be true or false`)
  return errors
}

function validateWebhookChaos(chaos: Partial<WebhookChaos> | undefined, name: FaultNames): string[] {
  if (chaos === undefined) return []
  if (typeof chaos !== 'object' || chaos === null || Array.isArray(chaos))
    return [`${name.webhooks} must be an object of ${CHAOS_FIELDS.join(', ')}`]
  const errors: string[] = []
  const unknown = Object.keys(chaos).filter((field) => !(CHAOS_FIELDS as readonly string[]).includes(field))
  if (unknown.length > 0)
    errors.push(`${name.webhooks} has unknown field ${unknown.join(', ')}; use ${CHAOS_FIELDS.join(', ')}`)
  const { duplicate, reorder, delayMs } = chaos
  if (duplicate !== undefined && !(typeof duplicate === 'number' && duplicate >= 0 && duplicate <= 1))
    errors.push(`${name.duplicate} must be between 0 and 1`)
  if (reorder !== undefined && typeof reorder !== 'boolean') errors.push(`${name.reorder} must be true or false`)
  if (delayMs !== undefined) {
    if (!(isNumber(delayMs) && delayMs >= 0)) errors.push(`${name.delayMs} must be a number of milliseconds ≥ 0`)
    else if (delayMs > MAX_WEBHOOK_DELAY_MS)
      errors.push(`${name.delayMs} must be at most ${MAX_WEBHOOK_DELAY_MS} ms (30 days of mock time)`)
  }
  return errors
}

/** No faults and no webhook chaos: how a mock starts unless told otherwise. */
export const NO_FAULTS: Readonly<GlobalFaults> = Object.freeze({
  failRate: 0,
  code: 503,
  latencyMs: 0,
  reset: false,
  webhooks: NO_WEBHOOK_CHAOS,
})

/** A copy of the settings that shares nothing with them. */
const copyFaults = (global: GlobalFaults): GlobalFaults => ({ ...global, webhooks: { ...global.webhooks } })

export function createFaultController(state: () => MockState): FaultController {
  return {
    set(options) {
      const errors = validateGlobalFaults(options)
      if (typeof options === 'object' && options !== null && !Array.isArray(options)) {
        const unknown = Object.keys(options).filter((field) => !(FAULT_FIELDS as readonly string[]).includes(field))
        if (unknown.length > 0) errors.unshift(`unknown field ${unknown.join(', ')}; use ${FAULT_FIELDS.join(', ')}`)
      }
      if (errors.length > 0) throw new RangeError(`faults.set: ${errors.join('; ')}`)
      const global = state().faults.global
      const { webhooks, ...rest } = options
      for (const [key, value] of Object.entries(rest)) if (value !== undefined) Object.assign(global, { [key]: value })
      for (const [key, value] of Object.entries(webhooks ?? {}))
        if (value !== undefined) Object.assign(global.webhooks, { [key]: value })
      return copyFaults(global)
    },
    get() {
      return copyFaults(state().faults.global)
    },
    clear() {
      state().faults.global = copyFaults(NO_FAULTS)
      state().faults.failTimes.clear()
    },
  }
}
