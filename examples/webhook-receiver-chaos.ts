/**
 * A webhook receiver that ends up right when deliveries come twice, out of order or late, tried
 * against the mock's webhook chaos.
 *
 *   npx tsx examples/webhook-receiver-chaos.ts
 *
 * Real senders resend a message when they miss its acknowledgement, and deliver events
 * concurrently and with retries, so a receiver sees duplicates, reordering and late arrivals.
 * Two habits keep its view right:
 * - deduplicate by `webhook-id` (`createWebhookReceiver` does): a resend is not a new event;
 * - order by the event's own data, never by arrival: status update ids are given in order, so
 *   a case's newest status is the one with the highest id, whatever arrived last. (Their
 *   `timestamp` can tie: one check may record several changes in the same millisecond.)
 */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'
import { ImmigraFlow } from 'immigraflow'
import { createMockApi, type WebhookChaos } from 'immigraflow/mock'
import type { WebhookEvent } from 'immigraflow/webhooks'
import { createWebhookReceiver } from './webhook-receiver'

/** One status of a case, as the receiver keeps it. */
export type KnownStatus = { status_update_id: number; status_code: string; modified_date: string }

// #region timelines
/** Each case's status changes, ordered by status update id however they arrive. */
export function createCaseTimelines() {
  const byCase = new Map<number, Map<number, KnownStatus>>()
  return {
    /** Takes in one event; anything but `case.status_changed` is ignored. Applying an event twice changes nothing. */
    apply(event: WebhookEvent): void {
      if (event.type !== 'case.status_changed') return
      const { case: changed, status_update: update } = event.data
      const statuses = byCase.get(changed.id) ?? new Map<number, KnownStatus>()
      byCase.set(changed.id, statuses)
      statuses.set(update.id, {
        status_update_id: update.id,
        status_code: update.status_code,
        modified_date: update.modified_date,
      })
    },
    /** A case's known status changes, oldest first. */
    timeline(caseId: number): KnownStatus[] {
      return [...(byCase.get(caseId)?.values() ?? [])].sort((a, b) => a.status_update_id - b.status_update_id)
    },
    /** A case's newest known status: the highest id, not the last to arrive. */
    latest(caseId: number): KnownStatus | undefined {
      return this.timeline(caseId).at(-1)
    },
    /** The cases heard of. */
    caseIds(): number[] {
      return [...byCase.keys()].sort((a, b) => a - b)
    },
  }
}
// #endregion

export type CaseTimelines = ReturnType<typeof createCaseTimelines>

/** Receipts whose simulated USCIS lifecycles have at least four steps from where they start. */
const RECEIPTS = ['EAC2190012300', 'EAC2190010620', 'IOE0912345611']
/** Status changes made per case, one after another, without moving the clock. */
const CHANGES_PER_CASE = 4

/** What `runChaosDemo` saw. */
export interface ChaosDemoResult {
  /** The mock, to read its delivery log and its own case timelines. */
  api: ReturnType<typeof createMockApi>
  /** The receiver's view. */
  timelines: CaseTimelines
  /** Status update ids in the order they first reached the receiver, per case. */
  arrivals: Map<number, number[]>
  /** The ids of the cases tracked. */
  caseIds: number[]
}

/**
 * Runs a receiver on 127.0.0.1 (port 0) against an in-process mock with webhook chaos on, makes
 * `CHANGES_PER_CASE` status changes to each of three cases, lets every delivery through, and
 * returns what the receiver ended up knowing.
 */
export async function runChaosDemo(
  chaos: Partial<WebhookChaos> = { duplicate: 0.5, reorder: true, delayMs: 60_000 },
  seed: number | string = 1,
): Promise<ChaosDemoResult> {
  const timelines = createCaseTimelines()
  const arrivals = new Map<number, number[]>()
  const secrets: string[] = []
  const receiver: Server = createWebhookReceiver({
    secret: secrets,
    onEvent: (event) => {
      timelines.apply(event)
      if (event.type !== 'case.status_changed') return
      const seen = arrivals.get(event.data.case.id) ?? []
      arrivals.set(event.data.case.id, [...seen, event.data.status_update.id])
    },
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  try {
    const api = createMockApi({ seed, webhookChaos: chaos })
    const client = new ImmigraFlow({ apiKey: 'sk_test_chaos', baseUrl: api.baseUrl, fetch: api.fetch })
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks`
    const webhook = await client.webhooks.create({ url, events: ['case.status_changed'] })
    secrets.push(webhook.secret ?? '')

    const user = await client.users.create({ email: 'lena.novak@example.com', name: 'Lena Novak' })
    const token = api.outbox.find((message) => message.kind === 'verification')?.token ?? ''
    await client.users.verifyEmail({ token })
    const caseIds: number[] = []
    for (const receipt_number of RECEIPTS) {
      const { case: tracked } = await client.cases.create(user.id, { receipt_number })
      caseIds.push(tracked.id)
      // The first check records the case's first status: a baseline, which sends no event.
      await client.check.status({ receipt_number })
      for (let step = 0; step < CHANGES_PER_CASE; step++) {
        api.uscis.advance(receipt_number)
        await client.check.status({ receipt_number })
      }
    }
    // Delayed deliveries, events still held back and retries fall due on the mock clock.
    await api.clock.advance(24 * 60 * 60 * 1000)
    return { api, timelines, arrivals, caseIds }
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()))
    receiver.closeAllConnections()
  }
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (runDirectly) {
  const { api, timelines, arrivals, caseIds } = await runChaosDemo()
  const marks = api.deliveries.map((attempt) => attempt.chaos ?? 'plain')
  console.log(
    `${api.deliveries.length} deliveries: ${[...new Set(marks)].map((mark) => `${marks.filter((m) => m === mark).length} ${mark}`).join(', ')}`,
  )
  for (const caseId of caseIds) {
    const truth = api.store.statusUpdatesOf(caseId).slice(1)
    const known = timelines.timeline(caseId)
    const right = known.map((status) => status.status_update_id).join() === truth.map((update) => update.id).join()
    console.log(
      `case ${caseId}: arrived ${arrivals.get(caseId)?.join(' → ')}; newest ${timelines.latest(caseId)?.status_code} (${right ? 'matches the mock' : 'WRONG'})`,
    )
  }
}
