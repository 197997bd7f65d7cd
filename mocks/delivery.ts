/**
 * Webhook events and their delivery, per Standard Webhooks v1. Each event is POSTed to every
 * active endpoint subscribed to it (or to `*`), signed with `sign` from `immigraflow/webhooks`
 * with every active secret (the previous one too for 24 h after a rotation). `webhook-id`
 * stays the same on every retry. `webhook-timestamp` is the real time of each attempt
 * (`Date.now()`, not the mock clock), so any Standard Webhooks receiver accepts it with its own
 * clock however far the mock clock has moved; the event's `created_at`, the body and the
 * delivery log keep mock time, so bodies stay byte-identical for a given seed.
 * Non-2xx answers, network errors and timeouts are retried after 5 s, 5 min, 30 min, 2 h,
 * 5 h, 10 h and 10 h of mock time (plus up to 10 % seeded jitter); a 410 disables the endpoint.
 * Webhook chaos (duplicates, reordering, delays; `mocks/webhook-chaos.ts`) shapes first deliveries.
 */
import { sign } from '../src/webhooks'
import { DAY_MS as DAY } from './clock'
import type { MockContext } from './context'
import { nextRandom, seedState } from './random'
import { type DeliverJob, isoTime, type WebhookEvent, type WebhookRecord } from './store'
import { endHold, scheduleFirstDelivery, sendFollowers } from './webhook-chaos'

/** Mock-time waits before delivery attempts 2 to 8 (Standard Webhooks' usual schedule). */
export const DELIVERY_RETRY_DELAYS_MS = [
  5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
] as const
/** The extra share of a retry delay added as jitter, at most. */
export const DELIVERY_JITTER = 0.1

export function subscribes(webhook: WebhookRecord, type: WebhookEvent['type']): boolean {
  return webhook.events.some((event) => event === '*' || event === type)
}

/**
 * Schedules one attempt of `event`, now, to every active endpoint subscribed to its type;
 * returns how many endpoints it goes to.
 */
function scheduleDeliveries(ctx: MockContext, event: WebhookEvent, messageId: string, redelivery: boolean): number {
  const state = ctx.state()
  const body = JSON.stringify(event)
  let endpoints = 0
  for (const id of state.webhookIds) {
    const webhook = state.webhooks.get(id)
    if (!webhook?.active || !subscribes(webhook, event.type)) continue
    endpoints++
    const job: DeliverJob = {
      kind: 'deliver',
      webhook_id: id,
      event_id: event.id,
      event_type: event.type,
      message_id: messageId,
      body,
      attempt: 1,
    }
    if (redelivery) ctx.clock.schedule(state.now, { ...job, redelivery: true })
    else scheduleFirstDelivery(ctx, job)
  }
  return endpoints
}

/** Records an event and schedules its first delivery to every subscribed active endpoint, now. */
export function emitEvent(ctx: MockContext, event: WebhookEvent): WebhookEvent {
  ctx.state().events.push(event)
  scheduleDeliveries(ctx, event, `msg_${ctx.token(20)}`, false)
  return event
}

/** The secrets that sign right now: the current one, and the previous one within 24 h of a rotation. */
export function activeSecrets(webhook: WebhookRecord, now: number): string[] {
  const secrets = [webhook.secret]
  if (webhook.previous_secret && (webhook.previous_secret_expires_at ?? 0) > now) secrets.push(webhook.previous_secret)
  return secrets
}

export const ROTATION_OVERLAP_MS = DAY

/** How much of a receiver's answer a delivery attempt keeps. */
export const RESPONSE_EXCERPT_CHARS = 500

/**
 * Sends a recorded event again, now, to every active endpoint subscribed to its type: one
 * attempt each, never retried, with the event's original `webhook-id`. Undefined when no event
 * has this id; otherwise the number of endpoints it goes to (the attempts run on the mock clock).
 */
export function redeliverEvent(ctx: MockContext, eventId: string): number | undefined {
  const state = ctx.state()
  const event = state.events.find((candidate) => candidate.id === eventId)
  if (!event) return undefined
  const original = state.deliveries.find((attempt) => attempt.event_id === eventId)
  return scheduleDeliveries(ctx, event, original?.message_id ?? `msg_${ctx.token(20)}`, true)
}

/** One delivery attempt; then the deliveries chaos queued behind it. */
export async function runDelivery(ctx: MockContext, job: DeliverJob): Promise<void> {
  endHold(ctx, job)
  const owner = ctx.state()
  try {
    await attemptDelivery(ctx, job)
  } finally {
    // Whatever became of this attempt (even a paused endpoint): what waits behind it is not lost,
    // unless `reset()` or `restore()` replaced the state it belonged to meanwhile.
    if (ctx.state() === owner) sendFollowers(ctx, job)
  }
}

async function attemptDelivery(ctx: MockContext, job: DeliverJob): Promise<void> {
  const webhook = ctx.store.getWebhook(job.webhook_id)
  // Deleted or paused endpoints get nothing more.
  if (!webhook?.active) return
  const owner = ctx.state()
  const attemptedAt = owner.now
  const headers = await sign({
    id: job.message_id,
    // Real time: a receiver checks it against its own clock (5 minutes of tolerance by default).
    timestamp: Math.floor(Date.now() / 1000),
    payload: job.body,
    secrets: activeSecrets(webhook, attemptedAt),
  })
  let status: number | null = null
  let error: string | null = null
  let excerpt: string | null = null
  const started = Date.now()
  try {
    const response = await ctx.fetch(webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'ImmigraFlow-Webhooks/1 (mock)', ...headers },
      body: job.body,
      // A redirect is not a delivery: followed, the POST would become a GET without the event.
      redirect: 'manual',
      signal: AbortSignal.timeout(ctx.deliveryTimeoutMs),
    })
    // Browsers hide a redirect's status behind an opaque response (status 0); a custom fetch
    // that follows redirects anyway marks its answer `redirected`.
    status = response.type === 'opaqueredirect' ? null : response.status
    const redirect =
      response.type === 'opaqueredirect' || response.redirected || (status !== null && status >= 300 && status < 400)
    if (redirect) {
      const location = response.headers.get('location')
      error = `The endpoint answered with a redirect${location ? ` to ${location}` : ''}; deliveries do not follow redirects, so point the webhook at the final URL`
    }
    const text = await response.text().catch(() => '')
    excerpt =
      text.length === 0
        ? null
        : text.length <= RESPONSE_EXCERPT_CHARS
          ? text
          : `${text.slice(0, RESPONSE_EXCERPT_CHARS)}…`
  } catch (cause) {
    const name = (cause as Error).name
    error =
      name === 'TimeoutError' || name === 'AbortError'
        ? `The endpoint did not answer within ${ctx.deliveryTimeoutMs} ms`
        : `Network error: ${(cause as Error).message}`
  }
  const durationMs = Date.now() - started
  // `reset()` or `restore()` replaced the state this attempt was made for: its outcome (record,
  // retry) belongs to a mock that is gone, so the fresh one is left as it was.
  if (ctx.state() !== owner) return
  const state = owner
  const delivered = error === null && status !== null && status >= 200 && status < 300
  const delay = DELIVERY_RETRY_DELAYS_MS[job.attempt - 1]
  let outcome: 'delivered' | 'retry_scheduled' | 'failed' | 'endpoint_disabled' = 'delivered'
  let nextAt: number | null = null
  if (!delivered) {
    if (status === 410) {
      outcome = 'endpoint_disabled'
      const current = ctx.store.getWebhook(job.webhook_id)
      if (current) {
        current.active = false
        current.disabled_reason = `The endpoint answered 410 Gone on ${isoTime(attemptedAt)}; no more events are sent until it is re-enabled.`
        current.updated_at = isoTime(state.now)
      }
    } else if (delay !== undefined && !job.redelivery) {
      outcome = 'retry_scheduled'
      // Jitter from the message, endpoint and attempt, so concurrent deliveries finishing in any order stay deterministic.
      const jitter = nextRandom(seedState(`${job.message_id}:${job.webhook_id}:${job.attempt}`, 'jitter'))
      nextAt = attemptedAt + Math.round(delay * (1 + DELIVERY_JITTER * jitter))
      // A retry keeps the chaos mark; what followed the first attempt has been sent already.
      const { followers: _followers, held: _held, ...retry } = job
      ctx.clock.schedule(nextAt, { ...retry, attempt: job.attempt + 1 })
    } else {
      outcome = 'failed'
    }
  }
  state.deliveries.push({
    id: ++state.counters.delivery,
    webhook_id: job.webhook_id,
    event_id: job.event_id,
    event_type: job.event_type,
    message_id: job.message_id,
    attempt: job.attempt,
    url: webhook.url,
    status,
    error,
    attempted_at: isoTime(attemptedAt),
    outcome,
    next_attempt_at: nextAt === null ? null : isoTime(nextAt),
    duration_ms: durationMs,
    response_excerpt: excerpt,
    timestamp: headers['webhook-timestamp'],
    signature: headers['webhook-signature'],
    redelivery: job.redelivery === true,
    chaos: job.chaos ?? null,
  })
}
