import { WebhookVerificationError } from './errors'
import type { WebhookEvent } from './events'
import type { WebhookHeaders } from './headers'
import type { WebhookPayload } from './payload'
import type { WebhookSecret } from './secret'
import { type VerifyOptions, verifySignature } from './verify'

/** How many schema issues the error message lists; `details` keeps them all. */
const ISSUES_IN_MESSAGE = 5

function parseJson(body: string | Uint8Array): unknown {
  try {
    return JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body))
  } catch (cause) {
    throw new WebhookVerificationError('invalid_payload', 'The webhook is signed but its body is not JSON.', { cause })
  }
}

/** Verifies a webhook, then parses and validates its body, and returns the event typed by its `type`. */
export async function unwrap(
  payload: WebhookPayload,
  headers: WebhookHeaders,
  secretOrSecrets: WebhookSecret | readonly WebhookSecret[],
  options: VerifyOptions = {},
): Promise<WebhookEvent> {
  const body = await verifySignature(payload, headers, secretOrSecrets, options, 'unwrap')
  const json = parseJson(body)
  // Loaded on first use so that sign() and verify() users never download zod.
  const { parseEvent } = await import('./event-schema')
  const result = parseEvent(json)
  if (result.success) return result.data
  const details = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }))
  const listed = details.slice(0, ISSUES_IN_MESSAGE).map(({ field, message }) => `${field}: ${message}`)
  if (details.length > ISSUES_IN_MESSAGE) listed.push(`and ${details.length - ISSUES_IN_MESSAGE} more`)
  throw new WebhookVerificationError(
    'invalid_payload',
    `The webhook is signed but is not a valid event (${listed.join('; ')}); if the event is new, upgrade immigraflow.`,
    { details },
  )
}
