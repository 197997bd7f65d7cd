/**
 * A comparable picture of everything a mock holds, to prove a rejected request changed nothing.
 *
 * `JSON.stringify(api.snapshot())` is not enough: the state keeps users, cases, tokens,
 * idempotency records, receipts and fault counters in Maps, which JSON.stringify writes as `{}`,
 * so a change to any of them would go unseen. Maps are written out entry by entry here.
 *
 * Left out, because they change on every request by design and hold no API data:
 * - `requests`, the request log: every answered request is appended to it;
 * - `counters.request`, the sequence behind generated `X-Request-Id`s (`req_000042`): it moves
 *   whenever a caller sends no X-Request-Id of its own.
 * Idempotency records are kept apart (`idempotency`), because a rejected POST carrying an
 * `Idempotency-Key` legitimately stores its 404/409/410 answer for replay (and, storing it, drops
 * records older than 24 h of mock time; the fuzz never moves the clock, so none expire); callers
 * check that exception precisely.
 */
import type { MockState } from '../../mocks/store'

export interface StoreFingerprint {
  /** Everything but the request log, the request-id counter and the idempotency records. */
  data: string
  /** Each idempotency record, serialised, by its key (`<api key>\n<Idempotency-Key>`). */
  idempotency: Map<string, string>
}

const withMapsWritten = (_key: string, value: unknown): unknown =>
  value instanceof Map ? { map: [...value.entries()] } : value instanceof Set ? { set: [...value] } : value

export function storeFingerprint(state: MockState): StoreFingerprint {
  const { requests: _requestLog, idempotency, counters, ...rest } = state
  const data = JSON.stringify({ ...rest, counters: { ...counters, request: 0 } }, withMapsWritten)
  const records = new Map<string, string>()
  for (const [key, record] of idempotency) records.set(key, JSON.stringify(record))
  return { data, idempotency: records }
}

/** The idempotency keys added, removed or changed between two fingerprints. */
export function idempotencyChanges(before: StoreFingerprint, after: StoreFingerprint): string[] {
  const changed: string[] = []
  for (const [key, record] of after.idempotency) if (before.idempotency.get(key) !== record) changed.push(key)
  for (const key of before.idempotency.keys()) if (!after.idempotency.has(key)) changed.push(key)
  return changed
}
