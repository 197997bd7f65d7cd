/** `Idempotency-Key`: the first response to a POST is replayed for 24 h of mock time. */

import { DAY_MS as DAY } from '../clock'
import type { IdempotencyRecord, MockState } from '../store'
import { ApiError } from './errors'

/** Statuses worth replaying: the handler ran and decided. Validation, auth and faults are never stored. */
export function isReplayable(status: number): boolean {
  return (status >= 200 && status < 300) || status === 404 || status === 409 || status === 410
}

/** The stored response for `key`, null when there is none, or a 422 when the key came with another request. */
export function findReplay(
  state: MockState,
  scope: string,
  key: string,
  fingerprint: string,
): IdempotencyRecord | null {
  const found = state.idempotency.get(`${scope}\n${key}`)
  if (!found) return null
  if (found.expires_at <= state.now) {
    state.idempotency.delete(`${scope}\n${key}`)
    return null
  }
  if (found.fingerprint !== fingerprint) {
    throw new ApiError(
      422,
      'idempotency_key_reused',
      `Idempotency-Key "${key}" was already used with a different request body.`,
    )
  }
  return found
}

export function remember(
  state: MockState,
  scope: string,
  key: string,
  record: Omit<IdempotencyRecord, 'expires_at'>,
): void {
  // The mock clock never runs backwards, so records sit in the map in expiry order: drop the
  // expired ones from the front, keeping memory bounded however many keys a long run uses.
  for (const [stored, found] of state.idempotency) {
    if (found.expires_at > state.now) break
    state.idempotency.delete(stored)
  }
  state.idempotency.set(`${scope}\n${key}`, { ...record, expires_at: state.now + DAY })
}
