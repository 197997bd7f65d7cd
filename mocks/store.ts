/**
 * The mock's data: plain records and the indexes that keep every request cheap at scale
 * (cases by user, cases by receipt, users by email). Everything lives in one `MockState`
 * object made of plain values and Maps, so a snapshot is a `structuredClone`.
 */
import type { components } from '../src/generated/openapi'
import { EventTypeSchema } from '../src/generated/schemas'
import type { CaseSummary, Metadata, StatusUpdate, User, UserStatus, Webhook } from '../src/types'
import type { WebhookEvent } from '../src/webhooks/events'
import { type RandomState, seedState } from './random'

export type { CaseSummary, CaseWithUser, StatusUpdate, UscisStatus, User, UserStatus, Webhook } from '../src/types'
export type { WebhookEvent } from '../src/webhooks/events'

type Schemas = components['schemas']
export type NotifyStatus = Schemas['NotifyStatus']
export type WebhookEventType = WebhookEvent['type']
export type EventSelection = Schemas['WebhookEventSelection']

/** Every webhook event type, in the order openapi.yaml lists them. */
export const EVENT_TYPES: readonly WebhookEventType[] = EventTypeSchema.options

/** A case as stored; `latest_status` is derived from its status updates when served. */
export interface CaseRecord {
  id: number
  user_id: number
  user_case_id: string | null
  receipt_number: string
  description: string | null
  created_at: string
  last_checked: string | null
  active: boolean
  /** Replaced, never changed in place: a served case or a queued event may share it. */
  metadata: Metadata
}

/** A webhook endpoint with its secrets (never served except on create and rotation). */
export interface WebhookRecord {
  id: number
  url: string
  events: EventSelection
  description: string | null
  active: boolean
  disabled_reason: string | null
  created_at: string
  updated_at: string
  secret: string
  /** The secret replaced by the last rotation; it keeps signing until `previous_secret_expires_at`. */
  previous_secret: string | null
  previous_secret_expires_at: number | null
}

/** An email verification token. */
export interface TokenRecord {
  token: string
  user_id: number
  email: string
  issued_at: number
  used_at: number | null
  /** Set when a newer token replaced this one (the user changed their email again). */
  superseded: boolean
}

/** A message the mock "sent": verification emails and status-update notifications. */
export interface OutboxMessage {
  id: number
  channel: 'email' | 'whatsapp'
  kind: 'verification' | 'status_update'
  to: string
  subject: string | null
  text: string
  /** The verification token, for `kind: "verification"`. */
  token: string | null
  user_id: number
  case_id: number | null
  status_update_id: number | null
  attempt: number
  status: 'sent' | 'failed'
  error: string | null
  created_at: string
}

/** One webhook delivery attempt. */
export interface DeliveryAttempt {
  id: number
  webhook_id: number
  event_id: string
  event_type: WebhookEventType
  message_id: string
  attempt: number
  url: string
  /** The receiver's HTTP status, or null after a network error or timeout. */
  status: number | null
  error: string | null
  attempted_at: string
  outcome: 'delivered' | 'retry_scheduled' | 'failed' | 'endpoint_disabled'
  next_attempt_at: string | null
  /** How long the receiver took to answer (or fail), in real milliseconds. */
  duration_ms: number
  /** The start of the receiver's response body (500 characters at most), or null when it sent none. */
  response_excerpt: string | null
  /** The `webhook-timestamp` header sent: real time, unlike `attempted_at` (`message_id` is the `webhook-id` header). */
  timestamp: string
  /** The `webhook-signature` header sent. */
  signature: string
  /** Sent again by hand (`POST /__mock/events/{id}/redeliver`): one attempt, never retried. */
  redelivery: boolean
  /**
   * What webhook chaos (`faults.set({ webhooks })`) made of this attempt's delivery, or null:
   * `duplicate` (a second delivery of the message, same `webhook-id` and body), `reordered` (held
   * back and sent after a later event to the endpoint) or `delayed` (sent later on the mock clock).
   * A delivery's retries keep its mark.
   */
  chaos: WebhookChaosMark | null
}

/** How webhook chaos marks the delivery attempts it made or moved. */
export type WebhookChaosMark = 'duplicate' | 'reordered' | 'delayed'

/** One request the mock answered. */
export interface RequestLogEntry {
  request_id: string
  method: string
  path: string
  query: string
  operation: string | null
  status: number
  /** The injected fault, if any: `code=503`, `reset`, `latency=200`, `fail-rate` … */
  fault: string | null
  idempotent_replay: boolean
  received_at: string
  /** The request body's first `LOGGED_BODY_CHARS` characters, or null when it had none. */
  request_body: string | null
  /** The response body's first `LOGGED_BODY_CHARS` characters, or null when it had none. */
  response_body: string | null
  /**
   * The request's headers, names lower-cased: transport headers (`host`, `content-length`, …)
   * left out, `authorization` redacted (`Bearer sk_…x9Qz`), values cut at 200 characters.
   * Absent in entries restored from a snapshot taken before it was logged.
   */
  headers?: Record<string, string>
  /** The path parameters the operation read (`{ user_id: '12' }`), as sent; `{}` without an operation. */
  params?: Record<string, string>
}

/** How much of each body the request log keeps. */
export const LOGGED_BODY_CHARS = 2_000

/**
 * A body as the request log keeps it: whole when short, else its first `LOGGED_BODY_CHARS`
 * characters copied into a string of their own (a `slice` of a long string keeps the whole
 * original alive in V8, and the log holds 10 000 entries).
 */
export function loggedBody(text: string | null): string | null {
  if (text === null || text.length === 0) return null
  if (text.length <= LOGGED_BODY_CHARS) return text
  return `${JSON.parse(JSON.stringify(text.slice(0, LOGGED_BODY_CHARS)))}…`
}

/** A stored response for an `Idempotency-Key`. */
export interface IdempotencyRecord {
  fingerprint: string
  status: number
  body: string | null
  expires_at: number
}

/** One attempt of a webhook delivery, as the mock clock runs it. */
export interface DeliverJob {
  kind: 'deliver'
  webhook_id: number
  event_id: string
  event_type: WebhookEventType
  message_id: string
  body: string
  attempt: number
  /** A delivery sent again by hand: one attempt, no retries. */
  redelivery?: boolean
  /** What webhook chaos did to this delivery; its retries keep it. */
  chaos?: WebhookChaosMark
  /** Held back by reorder chaos until the endpoint's next event, or until this job falls due. */
  held?: boolean
  /** Deliveries sent one after another, each once the one before has finished, after this attempt. */
  followers?: DeliverJob[]
}

/** Work the mock clock runs when it falls due. */
export type Job =
  | { kind: 'notify'; case_id: number; status_update_id: number; channel: 'email' | 'whatsapp'; attempt: number }
  | DeliverJob

export interface ScheduledJob {
  id: number
  at: number
  job: Job
}

/** A receipt's progress through its scripted USCIS lifecycle. */
export interface ReceiptRecord {
  first_seen_at: number
  /** Index into the receipt's script of the current step. */
  step: number
  /** How many whole weeks since `first_seen_at` have been turned into steps. */
  weeks_applied: number
  /** Every status the receipt has had, oldest first; `key` is a script step or `custom`. */
  entries: Array<{ key: string; title: string | null; day: number }>
}

export interface UscisOutage {
  status: 429 | 502 | 503
  retry_after: number
  /** How many more checks fail; null for "until recovered". */
  remaining: number | null
}

export interface GlobalFaults {
  /** Probability in [0, 1] that a request fails. */
  failRate: number
  /** Status used for `failRate` failures (default 503). */
  code: number
  /** Extra latency on every request, in milliseconds. */
  latencyMs: number
  /** Failures drop the connection instead of answering. */
  reset: boolean
  /** Webhook chaos: duplicated, reordered and delayed deliveries (see `mocks/delivery.ts`). */
  webhooks: WebhookChaos
}

/** Webhook chaos settings, for testing receivers against what real senders do. */
export interface WebhookChaos {
  /** Share in [0, 1] of deliveries sent a second time, with the same `webhook-id` and body. */
  duplicate: number
  /** Hold back some events until the endpoint's next event has been sent. */
  reorder: boolean
  /** Mock milliseconds by which some deliveries arrive late (0: none). */
  delayMs: number
}

export interface MockState {
  now: number
  counters: {
    user: number
    case: number
    status_update: number
    webhook: number
    request: number
    message: number
    delivery: number
    job: number
  }
  random: RandomState
  faultRandom: RandomState
  users: Map<number, User>
  userIds: number[]
  userIdByEmail: Map<string, number>
  userCountByStatus: Record<UserStatus, number>
  tokens: Map<string, TokenRecord>
  /** Each user's newest token. */
  tokenByUser: Map<number, string>
  cases: Map<number, CaseRecord>
  caseIdsByUser: Map<number, number[]>
  activeCaseCountByUser: Map<number, number>
  caseIdsByReceipt: Map<string, number[]>
  statusUpdates: Map<number, StatusUpdate[]>
  webhooks: Map<number, WebhookRecord>
  webhookIds: number[]
  idempotency: Map<string, IdempotencyRecord>
  events: WebhookEvent[]
  outbox: OutboxMessage[]
  deliveries: DeliveryAttempt[]
  requests: RequestLogEntry[]
  jobs: ScheduledJob[]
  /** The job id of the delivery each endpoint holds back for reorder chaos (one at most). */
  heldDeliveries: Map<number, number>
  uscis: { receipts: Map<string, ReceiptRecord>; outage: UscisOutage | null }
  faults: { global: GlobalFaults; failTimes: Map<string, number> }
}

export function createState(seed: number | string, startTime: number, faults: GlobalFaults): MockState {
  return {
    now: startTime,
    counters: { user: 0, case: 0, status_update: 0, webhook: 0, request: 0, message: 0, delivery: 0, job: 0 },
    random: seedState(seed, 'data'),
    faultRandom: seedState(seed, 'faults'),
    users: new Map(),
    userIds: [],
    userIdByEmail: new Map(),
    userCountByStatus: { pending_verification: 0, active: 0, disabled: 0 },
    tokens: new Map(),
    tokenByUser: new Map(),
    cases: new Map(),
    caseIdsByUser: new Map(),
    activeCaseCountByUser: new Map(),
    caseIdsByReceipt: new Map(),
    statusUpdates: new Map(),
    webhooks: new Map(),
    webhookIds: [],
    idempotency: new Map(),
    events: [],
    outbox: [],
    deliveries: [],
    requests: [],
    jobs: [],
    heldDeliveries: new Map(),
    uscis: { receipts: new Map(), outage: null },
    faults: { global: { ...faults, webhooks: { ...faults.webhooks } }, failTimes: new Map() },
  }
}

/** Webhook chaos off. */
export const NO_WEBHOOK_CHAOS: Readonly<WebhookChaos> = Object.freeze({ duplicate: 0, reorder: false, delayMs: 0 })

/**
 * Gives a state saved before webhook chaos existed (a snapshot or state file without
 * `faults.global.webhooks`, `heldDeliveries` or the attempts' `chaos`) the values those fields
 * start with, in place. Returns the state.
 */
export function upgradeState(state: MockState): MockState {
  // Only fields missing from objects are filled: anything else damaged is left for the shape check to name.
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map)
  const loose = state as unknown as Record<string, unknown>
  const faults = loose.faults
  if (isObject(faults) && isObject(faults.global) && !('webhooks' in faults.global))
    faults.global.webhooks = { ...NO_WEBHOOK_CHAOS }
  if (!('heldDeliveries' in loose)) loose.heldDeliveries = new Map()
  if (Array.isArray(loose.deliveries))
    for (const attempt of loose.deliveries) if (isObject(attempt) && !('chaos' in attempt)) attempt.chaos = null
  return state
}

// The mock clock stands still between advances, so requests ask for the same few instants (now, a
// receipt's dates) again and again: keep their texts. Bounded; cleared when full.
const isoTexts = new Map<number, string>()
const ISO_TEXTS_LIMIT = 256

/** RFC 3339 UTC with milliseconds. */
export function isoTime(ms: number): string {
  let text = isoTexts.get(ms)
  if (text === undefined) {
    text = new Date(ms).toISOString()
    if (isoTexts.size >= ISO_TEXTS_LIMIT) isoTexts.clear()
    isoTexts.set(ms, text)
  }
  return text
}

/** The index of the first id greater than `after` in an ascending array. */
export function firstIndexAfter(ids: readonly number[], after: number): number {
  let low = 0
  let high = ids.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if ((ids[mid] as number) <= after) low = mid + 1
    else high = mid
  }
  return low
}

/**
 * Reads and writes records while keeping the indexes right. Handlers, the CLI's preload and
 * tests all go through it. It always works on the live state of its mock (`restore()`
 * swaps the state object, the store follows).
 */
export class MockStore {
  constructor(private readonly current: () => MockState) {}

  /** The raw state; prefer the methods below, which keep the indexes right. */
  get state(): MockState {
    return this.current()
  }

  // Users

  getUser(id: number): User | undefined {
    return this.state.users.get(id)
  }

  findUserByEmail(email: string): User | undefined {
    const id = this.state.userIdByEmail.get(email.toLowerCase())
    return id === undefined ? undefined : this.state.users.get(id)
  }

  /** Adds a user; `metadata` defaults to `{}`. */
  insertUser(
    fields: Omit<User, 'id' | 'metadata' | 'created_at' | 'updated_at'> & { metadata?: Metadata },
    at: string,
  ): User {
    const state = this.state
    const { metadata = {}, ...rest } = fields
    const user: User = { id: ++state.counters.user, ...rest, metadata, created_at: at, updated_at: at }
    state.users.set(user.id, user)
    state.userIds.push(user.id)
    state.userIdByEmail.set(user.email.toLowerCase(), user.id)
    state.userCountByStatus[user.status]++
    return user
  }

  updateUser(user: User, changes: Partial<Omit<User, 'id' | 'created_at'>>): User {
    const state = this.state
    if (changes.email !== undefined && changes.email.toLowerCase() !== user.email.toLowerCase()) {
      state.userIdByEmail.delete(user.email.toLowerCase())
      state.userIdByEmail.set(changes.email.toLowerCase(), user.id)
    }
    if (changes.status !== undefined && changes.status !== user.status) {
      state.userCountByStatus[user.status]--
      state.userCountByStatus[changes.status]++
    }
    Object.assign(user, changes)
    return user
  }

  // Cases

  getCase(id: number): CaseRecord | undefined {
    return this.state.cases.get(id)
  }

  /** The user's active case with this receipt, if any (other than `exceptId`). */
  activeCaseWithReceipt(userId: number, receipt: string, exceptId?: number): CaseRecord | undefined {
    for (const id of this.state.caseIdsByReceipt.get(receipt) ?? []) {
      const found = this.state.cases.get(id)
      if (found && found.user_id === userId && found.active && found.id !== exceptId) return found
    }
    return undefined
  }

  /** Adds a case; `metadata` defaults to `{}`. */
  insertCase(
    fields: Omit<CaseRecord, 'id' | 'metadata' | 'created_at' | 'last_checked'> & { metadata?: Metadata },
    at: string,
  ): CaseRecord {
    const state = this.state
    const { metadata = {}, ...rest } = fields
    const record: CaseRecord = { id: ++state.counters.case, ...rest, metadata, created_at: at, last_checked: null }
    state.cases.set(record.id, record)
    const byUser = state.caseIdsByUser.get(record.user_id)
    if (byUser) byUser.push(record.id)
    else state.caseIdsByUser.set(record.user_id, [record.id])
    const byReceipt = state.caseIdsByReceipt.get(record.receipt_number)
    if (byReceipt) byReceipt.push(record.id)
    else state.caseIdsByReceipt.set(record.receipt_number, [record.id])
    if (record.active) this.countActive(record.user_id, 1)
    return record
  }

  updateCase(
    record: CaseRecord,
    changes: Partial<Pick<CaseRecord, 'user_case_id' | 'description' | 'active' | 'metadata'>>,
  ): CaseRecord {
    if (changes.active !== undefined && changes.active !== record.active) {
      this.countActive(record.user_id, changes.active ? 1 : -1)
    }
    Object.assign(record, changes)
    return record
  }

  private countActive(userId: number, delta: number): void {
    const counts = this.state.activeCaseCountByUser
    counts.set(userId, (counts.get(userId) ?? 0) + delta)
  }

  /** The case's status updates, oldest first. */
  statusUpdatesOf(caseId: number): StatusUpdate[] {
    return this.state.statusUpdates.get(caseId) ?? []
  }

  latestStatusUpdate(caseId: number): StatusUpdate | undefined {
    const updates = this.state.statusUpdates.get(caseId)
    return updates?.[updates.length - 1]
  }

  findStatusUpdate(caseId: number, statusUpdateId: number): StatusUpdate | undefined {
    return this.state.statusUpdates.get(caseId)?.find((update) => update.id === statusUpdateId)
  }

  insertStatusUpdate(fields: Omit<StatusUpdate, 'id'>): StatusUpdate {
    const update: StatusUpdate = { id: ++this.state.counters.status_update, ...fields }
    const list = this.state.statusUpdates.get(update.case_id)
    if (list) list.push(update)
    else this.state.statusUpdates.set(update.case_id, [update])
    return update
  }

  /** A case as the API serves it. */
  caseSummary(record: CaseRecord): CaseSummary {
    const latest = this.latestStatusUpdate(record.id)
    return {
      id: record.id,
      user_id: record.user_id,
      user_case_id: record.user_case_id,
      receipt_number: record.receipt_number,
      description: record.description,
      created_at: record.created_at,
      last_checked: record.last_checked,
      active: record.active,
      metadata: record.metadata,
      latest_status: latest
        ? {
            status_update_id: latest.id,
            status_code: latest.status_code,
            status_code_es: latest.status_code_es,
            form_type: latest.form_type,
            modified_date: latest.modified_date,
            recorded_at: latest.timestamp,
          }
        : null,
    }
  }

  // Webhooks

  getWebhook(id: number): WebhookRecord | undefined {
    return this.state.webhooks.get(id)
  }

  insertWebhook(fields: Omit<WebhookRecord, 'id'>): WebhookRecord {
    const record: WebhookRecord = { id: ++this.state.counters.webhook, ...fields }
    this.state.webhooks.set(record.id, record)
    this.state.webhookIds.push(record.id)
    return record
  }

  deleteWebhook(id: number): boolean {
    const state = this.state
    if (!state.webhooks.delete(id)) return false
    state.webhookIds.splice(firstIndexAfter(state.webhookIds, id - 1), 1)
    return true
  }

  /** A webhook as the API serves it; the secret only when `withSecret`. */
  webhookView(record: WebhookRecord, withSecret = false): Webhook {
    const view: Webhook = {
      id: record.id,
      url: record.url,
      events: structuredClone(record.events),
      description: record.description,
      active: record.active,
      disabled_reason: record.disabled_reason,
      created_at: record.created_at,
      updated_at: record.updated_at,
    }
    if (withSecret) view.secret = record.secret
    return view
  }
}
