/**
 * The change feed of one mock: every change of its state (a request served, the clock moved, a
 * webhook delivery attempted, a message in the outbox, a reset, a restore, faults or USCIS
 * steered) is announced to the listeners, synchronously, before the change is acknowledged to
 * whoever caused it. The control stream (`/__mock/stream`) and the standalone server's state file
 * listen to it. Platform-neutral.
 */

import type { WebhookChaosMark } from './store'

/**
 * One change of a mock's state; `now` is the mock time when it happened. A `delivery` change is
 * one webhook delivery attempt: its `outcome`, and its `chaos` mark (what webhook chaos made of
 * the delivery: `duplicate`, `reordered`, `delayed`), null for a plain delivery.
 */
export type MockChange =
  | { kind: 'request'; now: string; method: string; path: string; status: number; request_id: string }
  | { kind: 'outbox'; now: string; message_id: number }
  | {
      kind: 'delivery'
      now: string
      event_id: string
      webhook_id: number
      outcome: string
      chaos: WebhookChaosMark | null
    }
  | { kind: 'notification'; now: string; status_update_id: number; channel: 'email' | 'whatsapp' }
  | { kind: 'clock' | 'reset' | 'restore' | 'faults' | 'uscis'; now: string }

export type MockChangeListener = (change: MockChange) => void

/**
 * Listeners of one mock. A listener that throws does not stop the others; the first error is
 * then thrown to whoever made the change (a state file that cannot be written fails the request
 * rather than acknowledging what a restart would lose).
 */
export class ChangeFeed {
  private readonly listeners = new Set<MockChangeListener>()

  /** Calls `listener` on every change from now on; returns the function that stops it. */
  subscribe(listener: MockChangeListener): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  get active(): boolean {
    return this.listeners.size > 0
  }

  publish(change: MockChange): void {
    let failure: { error: unknown } | undefined
    for (const listener of this.listeners) {
      try {
        listener(change)
      } catch (error) {
        failure ??= { error }
      }
    }
    if (failure) throw failure.error
  }
}
