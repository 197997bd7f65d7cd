import { hmac } from '#crypto'
import { encodeBase64 } from './encoding'
import type { SignedWebhookHeaders } from './headers'
import { rawPayload, signedContent, type WebhookPayload } from './payload'
import { hmacKeys, type WebhookSecret } from './secret'
import { toUnixSeconds } from './timestamp'

/** What `sign` needs: the message id, when it is sent, the exact body, and one secret or several (rotation). */
export type SignParams = {
  /** The `webhook-id`, stable across retries of one message (e.g. `msg_...`). */
  id: string
  /** When this attempt is sent: unix seconds or a Date. */
  timestamp: number | Date
  /** The exact body that will be sent. */
  payload: WebhookPayload
} & (
  | { /** The endpoint's signing secret. */ secret: WebhookSecret; secrets?: never }
  | {
      /** Every active secret, e.g. old and new during a rotation: one signature each. */ secrets: readonly WebhookSecret[]
      secret?: never
    }
)

/** Signs a webhook the Standard Webhooks way and returns the three headers to send with it. */
export async function sign(params: SignParams): Promise<SignedWebhookHeaders> {
  const payload = rawPayload(params.payload, 'sign')
  const keys = hmacKeys(params.secrets ?? params.secret)
  const timestamp = String(toUnixSeconds(params.timestamp))
  const content = signedContent(params.id, timestamp, payload)
  const signatures = await Promise.all(
    keys.map(async (key) => {
      return `v1,${encodeBase64(await hmac.sign(await key, content))}`
    }),
  )
  return { 'webhook-id': params.id, 'webhook-timestamp': timestamp, 'webhook-signature': signatures.join(' ') }
}
