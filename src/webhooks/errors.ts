import { ImmigraFlowError } from '../core/base-error'

/** Why a webhook could not be verified, unwrapped or signed; stable, for code that branches on it. */
export type WebhookVerificationReason =
  | 'missing_header'
  | 'invalid_timestamp'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'no_matching_signature'
  | 'payload_not_raw'
  | 'invalid_secret'
  | 'invalid_payload'

/** One field of a signed event that does not match the event schema. */
export type WebhookPayloadIssue = { field: string; message: string }

/** Thrown when a webhook fails verification or schema validation, or when a secret or payload is unusable. */
export class WebhookVerificationError extends ImmigraFlowError {
  override name = 'WebhookVerificationError'
  /** What went wrong, as a machine-readable code. */
  readonly reason: WebhookVerificationReason
  /** For `invalid_payload`: each field that does not match the event schema; otherwise empty. */
  readonly details: WebhookPayloadIssue[]

  constructor(
    reason: WebhookVerificationReason,
    message: string,
    options?: { cause?: unknown; details?: WebhookPayloadIssue[] },
  ) {
    super(message, options)
    this.reason = reason
    this.details = options?.details ?? []
  }
}
