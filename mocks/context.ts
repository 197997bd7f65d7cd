/** What every part of one mock instance shares. Created by `createMockApi`; never module-level. */
import type { MockChange } from './changes'
import type { Scheduler } from './clock'
import type { CoverageCounter } from './coverage'
import type { MockState, MockStore, WebhookEvent } from './store'
import type { UscisSimulator } from './uscis'

export interface MockContext {
  readonly baseUrl: string
  /** When set, only `Bearer <apiKey>` is accepted. */
  readonly apiKey: string | undefined
  /** Used for webhook deliveries. */
  readonly fetch: typeof fetch
  /** How long a webhook receiver may take before the attempt counts as a timeout (real ms). */
  readonly deliveryTimeoutMs: number
  /** The live state (restore() swaps it). */
  state(): MockState
  readonly store: MockStore
  readonly clock: Scheduler
  readonly uscis: UscisSimulator
  /** Mock time, RFC 3339. */
  now(): string
  /** `length` seeded random letters and digits. */
  token(length: number): string
  /** A seeded number in [0, 1). */
  random(): number
  /** A seeded `whsec_` secret. */
  secret(): string
  /**
   * Idempotency keys whose first request is still running, with a promise that settles when it
   * is done: a second request with the same key waits for it, then replays its answer.
   */
  readonly keysInFlight: Map<string, Promise<void>>
  /** Contract coverage counters; outside the state, so `reset()` and `restore()` leave them. */
  readonly coverage: CoverageCounter
  /** Announces a change of the state to the mock's listeners (the control stream, a state file). */
  changed(change: MockChange): void
  /** Records an event and schedules its deliveries. */
  emit<T extends WebhookEvent['type']>(type: T, data: Extract<WebhookEvent, { type: T }>['data']): WebhookEvent
}
