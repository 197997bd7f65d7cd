import type { components } from '../generated/openapi'

type Schemas = components['schemas']

/** Any event ImmigraFlow sends; narrow on `type` to get its `data`. */
export type WebhookEvent = Schemas['WebhookEvent']
/** Every event type, e.g. `'case.status_changed'`. */
export type WebhookEventType = WebhookEvent['type']
/** The event of one type, e.g. `WebhookEventOf<'case.created'>`. */
export type WebhookEventOf<T extends WebhookEventType> = Extract<WebhookEvent, { type: T }>
/** `user.created`: a user registered. */
export type UserCreatedEvent = Schemas['UserCreatedEvent']
/** `user.updated`: a user's profile, notification settings or status changed. */
export type UserUpdatedEvent = Schemas['UserUpdatedEvent']
/** `user.verified`: a user verified their email and is now active. */
export type UserVerifiedEvent = Schemas['UserVerifiedEvent']
/** `case.created`: a user started tracking a receipt. */
export type CaseCreatedEvent = Schemas['CaseCreatedEvent']
/** `case.updated`: a case's label, description or tracking flag changed. */
export type CaseUpdatedEvent = Schemas['CaseUpdatedEvent']
/** `case.status_changed`: USCIS reported a new status, recorded as a StatusUpdate. */
export type CaseStatusChangedEvent = Schemas['CaseStatusChangedEvent']
