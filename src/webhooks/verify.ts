import { hmac } from '#crypto'
import { WebhookVerificationError } from './errors'
import { parseSignatures, readWebhookHeaders, type WebhookHeaders } from './headers'
import { rawPayload, signedContent, type WebhookPayload } from './payload'
import { hmacKeys, type WebhookSecret } from './secret'
import { checkTimestamp, DEFAULT_TOLERANCE_SECONDS } from './timestamp'

/** Options for `verify` and `unwrap`. */
export type VerifyOptions = {
  /** Seconds the webhook-timestamp may differ from `now`, either way; 300 by default. */
  tolerance?: number
  /** The current time as a Date or epoch milliseconds (like `Date.now()`); the real clock by default. */
  now?: Date | number
}

function noMatch(hasV1: boolean, otherVersions: string[]): WebhookVerificationError {
  return new WebhookVerificationError(
    'no_matching_signature',
    hasV1
      ? "No v1 signature matches: check the secret is this endpoint's, and pass the raw request body, byte for byte."
      : `webhook-signature has no v1 signature (found: ${otherVersions.join(', ') || 'none'}); only v1 is supported.`,
  )
}

/** Verifies a webhook and returns its payload as a string or bytes, ready to parse; `verify` and `unwrap` share it. */
export async function verifySignature(
  payload: WebhookPayload,
  headers: WebhookHeaders,
  secretOrSecrets: WebhookSecret | readonly WebhookSecret[],
  { tolerance = DEFAULT_TOLERANCE_SECONDS, now }: VerifyOptions = {},
  caller: 'verify' | 'unwrap' = 'verify',
): Promise<string | Uint8Array> {
  const body = rawPayload(payload, caller)
  const keys = hmacKeys(secretOrSecrets)
  const {
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': signature,
  } = readWebhookHeaders(headers)
  checkTimestamp(timestamp, tolerance, now)
  const { v1, hasV1, otherVersions } = parseSignatures(signature)
  if (v1.length > 0) {
    const content = signedContent(id, timestamp, body)
    // Both implementations compare in constant time, so no timing leaks how much of a signature matched.
    for (const key of keys) if (await hmac.verify(await key, v1, content)) return body
  }
  throw noMatch(hasV1, otherVersions)
}

/** Checks a webhook's Standard Webhooks signature and timestamp; resolves to true or throws WebhookVerificationError. */
export async function verify(
  payload: WebhookPayload,
  headers: WebhookHeaders,
  secretOrSecrets: WebhookSecret | readonly WebhookSecret[],
  options: VerifyOptions = {},
): Promise<true> {
  await verifySignature(payload, headers, secretOrSecrets, options)
  return true
}
