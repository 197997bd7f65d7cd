/**
 * `immigraflow/webhooks`: Standard Webhooks signing and verification for ImmigraFlow events. HMACs come from `#crypto`:
 * node:crypto under the `node` condition, Web Crypto everywhere else (browsers, edge workers). It never imports the
 * client, and loads zod only inside `unwrap`.
 */
export { type WebhookPayloadIssue, WebhookVerificationError, type WebhookVerificationReason } from './errors'
export type {
  CaseCreatedEvent,
  CaseStatusChangedEvent,
  CaseUpdatedEvent,
  UserCreatedEvent,
  UserUpdatedEvent,
  UserVerifiedEvent,
  WebhookEvent,
  WebhookEventOf,
  WebhookEventType,
} from './events'
export type { SignedWebhookHeaders, WebhookHeaders } from './headers'
export type { WebhookPayload } from './payload'
export { generateSecret, type WebhookSecret } from './secret'
export { type SignParams, sign } from './sign'
export { unwrap } from './unwrap'
export { type VerifyOptions, verify } from './verify'
