/**
 * `immigraflow/webhooks`: Standard Webhooks signing and verification for ImmigraFlow events, on Web Crypto only, so it
 * runs in Node, browsers, Deno, Bun and edge workers. It never imports the client, and loads zod only inside `unwrap`.
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
