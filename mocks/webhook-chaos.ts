/**
 * Webhook chaos: what real senders do to receivers (duplicates, reordering, late arrivals), on
 * demand and repeatable, so a team can test that its receiver survives them. Set with
 * `faults.set({ webhooks: { duplicate, reorder, delayMs } })`, `createMockApi({ webhookChaos })`,
 * `POST /__mock/faults` or the CLI's `--webhook-*` flags. Each event's first delivery to an
 * endpoint may be:
 *
 * - **duplicated** (a share `duplicate` of deliveries): once the delivery's first attempt has
 *   finished, the message is sent again as a delivery of its own (with its own retries): same
 *   `webhook-id`, same body, signed anew for its own `webhook-timestamp`. Marked `duplicate`.
 * - **held back** (`reorder`; half of the events, drawn per event and endpoint, while the
 *   endpoint holds none already): it is not sent until the endpoint's next event has had its
 *   first attempt, and then right after it, so the later event arrives first. Marked
 *   `reordered`. An event that releases a held one is never held itself. When no next event
 *   comes within `WEBHOOK_REORDER_HOLD_MS` of mock time, the held event goes then, marked
 *   `delayed`: nothing waits forever.
 * - **delayed** (`delayMs` > 0; half of the events not held back, drawn per event and endpoint):
 *   sent `delayMs` of mock time later, so `clock.advance` releases it. Marked `delayed`. What
 *   follows it (its duplicate, an event it releases) follows it then.
 *
 * A delivery's retries keep its mark. Manual redeliveries are never chaotic. Settings apply to
 * events emitted after they change; an event already held back is released by the same rule
 * after `faults.clear()`, so it is not lost.
 *
 * The draws are three numbers per event and endpoint from a PRNG of their own, seeded with the
 * message's `webhook-id` (made by the mock's seeded PRNG) and the endpoint's id. Nothing is drawn
 * from the mock's data PRNG, so turning chaos on changes no response byte, event id or
 * `webhook-id`; the same seed and calls give the same chaos; and a delivery's chaos does not
 * depend on the order in which concurrent work finishes. The three numbers are drawn whatever
 * the settings, so raising `duplicate` from 0.2 to 0.5 keeps the first 0.2's duplicates.
 */
import type { MockContext } from './context'
import { nextRandom, seedState } from './random'
import type { DeliverJob } from './store'

/** How long (mock ms) reorder chaos holds an event back when no later event to its endpoint comes. */
export const WEBHOOK_REORDER_HOLD_MS = 30_000
/** The share of events reorder chaos holds back (of those whose endpoint holds none already). */
export const WEBHOOK_REORDER_SHARE = 0.5
/** The share of events (not held back) that `delayMs` delays. */
export const WEBHOOK_DELAY_SHARE = 0.5

/** The chaos draws of one event's delivery to one endpoint, each in [0, 1). */
export function chaosDraws(messageId: string, webhookId: number): { duplicate: number; hold: number; delay: number } {
  const random = seedState(`${messageId}:${webhookId}`, 'webhook-chaos')
  return { duplicate: nextRandom(random), hold: nextRandom(random), delay: nextRandom(random) }
}

/** Takes the delivery `webhookId`'s endpoint holds back off the clock, if it holds one. */
function takeHeld(ctx: MockContext, webhookId: number): DeliverJob | undefined {
  const state = ctx.state()
  const jobId = state.heldDeliveries.get(webhookId)
  if (jobId === undefined) return undefined
  state.heldDeliveries.delete(webhookId)
  const index = state.jobs.findIndex((entry) => entry.id === jobId)
  if (index < 0) return undefined
  const [entry] = state.jobs.splice(index, 1)
  return entry?.job.kind === 'deliver' ? entry.job : undefined
}

/**
 * Schedules the first attempt of an event's delivery to one endpoint, with the chaos the
 * current settings and its draws give it; a delivery the endpoint was holding back follows it.
 */
export function scheduleFirstDelivery(ctx: MockContext, job: DeliverJob): void {
  const state = ctx.state()
  const chaos = state.faults.global.webhooks
  const draws = chaosDraws(job.message_id, job.webhook_id)
  const followers: DeliverJob[] = []
  // Released whatever the settings now are: a held event is never left behind.
  const released = takeHeld(ctx, job.webhook_id)
  if (released) {
    const { followers: after = [], held: _held, ...rest } = released
    followers.push({ ...rest, chaos: 'reordered' }, ...after)
  }
  if (draws.duplicate < chaos.duplicate) followers.push({ ...job, chaos: 'duplicate' })
  const first: DeliverJob = followers.length > 0 ? { ...job, followers } : job
  // Held only while the endpoint holds nothing: an event that releases a held one goes now.
  if (chaos.reorder && released === undefined && draws.hold < WEBHOOK_REORDER_SHARE) {
    // Marked `delayed` in case its hold runs out; the event that releases it marks it `reordered`.
    const jobId = ctx.clock.schedule(state.now + WEBHOOK_REORDER_HOLD_MS, { ...first, held: true, chaos: 'delayed' })
    state.heldDeliveries.set(job.webhook_id, jobId)
    return
  }
  if (chaos.delayMs > 0 && draws.delay < WEBHOOK_DELAY_SHARE) {
    ctx.clock.schedule(state.now + chaos.delayMs, { ...first, chaos: 'delayed' })
    return
  }
  ctx.clock.schedule(state.now, first)
}

/** A held-back delivery that falls due was not released by a later event: its endpoint holds nothing now. */
export function endHold(ctx: MockContext, job: DeliverJob): void {
  if (job.held) ctx.state().heldDeliveries.delete(job.webhook_id)
}

/** Once an attempt has finished, schedules the first delivery that follows it; the rest follow that one. */
export function sendFollowers(ctx: MockContext, job: DeliverJob): void {
  const [next, ...rest] = job.followers ?? []
  if (next === undefined) return
  ctx.clock.schedule(ctx.state().now, rest.length > 0 ? { ...next, followers: rest } : next)
}
