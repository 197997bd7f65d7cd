/**
 * A minimal ImmigraFlow webhook receiver on node:http.
 *
 *   IMMIGRAFLOW_WEBHOOK_SECRET=whsec_... PORT=3000 npx tsx examples/webhook-receiver.ts
 *
 * It verifies each delivery against the raw body bytes, answers at once, skips redeliveries it has already seen,
 * and only then hands the event on. Real receivers should put the event on a durable queue before answering 2xx.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { pathToFileURL } from 'node:url'
// #region imports
import { unwrap, type WebhookEvent, type WebhookSecret, WebhookVerificationError } from 'immigraflow/webhooks'
// #endregion

/** Options for `createWebhookReceiver`. */
export type WebhookReceiverOptions = {
  /** The endpoint's signing secret, or several while a rotation is under way. */
  secret: WebhookSecret | readonly WebhookSecret[]
  /** Called once per webhook-id, after the sender has had its 2xx. */
  onEvent: (event: WebhookEvent, webhookId: string) => unknown
  /** How many recent webhook-ids to remember for deduplication (10,000 by default). */
  rememberIds?: number
}

/** ImmigraFlow events are small; anything bigger is not one of them. */
const MAX_BODY_BYTES = 1024 * 1024

class BodyTooLargeError extends Error {}

/** The request body exactly as received: verification needs these bytes, not re-serialised JSON. */
async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError()
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
}

/** Remembers the most recent ids, forgetting the oldest beyond `limit`, so memory stays bounded. */
function recentIds(limit: number) {
  const seen = new Set<string>()
  return {
    /** True the first time an id is offered, false for a repeat. */
    add(id: string): boolean {
      if (seen.has(id)) return false
      seen.add(id)
      if (seen.size > limit) seen.delete(seen.values().next().value as string)
      return true
    },
  }
}

/** An http.Server that receives ImmigraFlow webhooks; call `listen` on it. */
export function createWebhookReceiver({ secret, onEvent, rememberIds = 10_000 }: WebhookReceiverOptions): Server {
  const seen = recentIds(rememberIds)

  return createServer(async (req, res) => {
    const reply = (status: number, body: Record<string, unknown>) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    }
    if (req.method !== 'POST') return reply(405, { error: 'method_not_allowed' })

    // #region receive
    let event: WebhookEvent
    try {
      // The raw body bytes, not parsed JSON: the signature covers the exact bytes sent.
      event = await unwrap(await readRawBody(req), req.headers, secret)
    } catch (error) {
      if (error instanceof BodyTooLargeError) return reply(413, { error: 'payload_too_large' })
      if (error instanceof WebhookVerificationError) return reply(400, { error: error.reason })
      return reply(500, { error: 'internal_error' })
    }

    // unwrap succeeded, so the header is present; it stays the same across retries of one message.
    const webhookId = String(req.headers['webhook-id'])
    const isNew = seen.add(webhookId)
    // Answer before processing: the sender times out slow receivers and retries.
    reply(200, { received: true, duplicate: !isNew })
    if (!isNew) return
    // #endregion
    try {
      await onEvent(event, webhookId)
    } catch (error) {
      console.error(`Processing ${event.type} (${webhookId}) failed:`, error)
    }
  })
}

/** Logs an event; `event.type` narrows `event.data` to that event's payload. */
export function describeEvent(event: WebhookEvent, webhookId: string): string {
  // #region narrow
  let line = `${event.created_at} ${event.type} ${event.id} (${webhookId})`
  if (event.type === 'case.status_changed') {
    const { case: changed, status_update, previous_status_code } = event.data
    line += `: ${changed.receipt_number} ${previous_status_code} → ${status_update.status_code}`
  }
  // #endregion
  console.log(line)
  return line
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (runDirectly) {
  const secret = process.env.IMMIGRAFLOW_WEBHOOK_SECRET
  if (!secret) {
    console.error('Set IMMIGRAFLOW_WEBHOOK_SECRET to the endpoint signing secret (whsec_...).')
    process.exit(1)
  }
  const port = Number(process.env.PORT ?? 3000)
  const server = createWebhookReceiver({ secret, onEvent: describeEvent })
  server.listen(port, () => console.log(`Receiving ImmigraFlow webhooks on http://localhost:${port}/`))
}
