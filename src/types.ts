import type { components, operations } from './generated/openapi'

type Schemas = components['schemas']

/** A person who tracks cases and receives notifications. */
export type User = Schemas['User']
/** Your own string values on a user or case, by key (at most 50 keys of 1–40 `[A-Za-z0-9_-]`, values 1–500 characters). */
export type Metadata = Schemas['Metadata']
/** Metadata changes for an update: a string sets a key, `""` removes it, keys not named are kept. */
export type MetadataUpdate = Schemas['MetadataUpdate']
/** `pending_verification`, `active` or `disabled`. */
export type UserStatus = Schemas['UserStatus']
/** The body of `users.create`. */
export type UserCreateParams = Schemas['UserCreateRequest']
/** The body of `users.update`: at least one field. */
export type UserUpdateParams = Schemas['UserUpdateRequest']
/** The body of `users.verifyEmail`. */
export type VerifyEmailParams = Schemas['VerifyEmailRequest']
/** Filters and paging of `users.list`. */
export type UserListParams = NonNullable<operations['listUsers']['parameters']['query']>

/** A tracked USCIS receipt. */
export type CaseSummary = Schemas['CaseSummary']
/** A case with its user embedded. */
export type CaseWithUser = Schemas['CaseWithUser']
/** A case with its user and full status history. */
export type CaseDetails = Schemas['CaseDetailsResponse']
/** One recorded USCIS status with its notification outcomes. */
export type StatusUpdate = Schemas['StatusUpdate']
/** The body of `cases.create`. */
export type CaseCreateParams = Schemas['CaseCreateRequest']
/** The body of `cases.update`: at least one field. */
export type CaseUpdateParams = Schemas['CaseUpdateRequest']
/** Filters and paging of `cases.list`. */
export type CaseListParams = NonNullable<operations['listUserCases']['parameters']['query']>

/** The body of `check.status`. */
export type CheckParams = Schemas['CheckRequest']
/** What `check.status` answers: the USCIS status and what changed. */
export type CheckResult = Schemas['CheckResponse']
/** A receipt's status as USCIS reports it. */
export type UscisStatus = Schemas['UscisStatus']

/** A webhook endpoint. */
export type Webhook = Schemas['Webhook']
/** The body of `webhooks.create`. */
export type WebhookCreateParams = Schemas['WebhookCreateRequest']
/** The body of `webhooks.update`: at least one field. */
export type WebhookUpdateParams = Schemas['WebhookUpdateRequest']
/** Paging of `webhooks.list`. */
export type WebhookListParams = NonNullable<operations['listWebhooks']['parameters']['query']>

/** The API's error body. */
export type ErrorEnvelope = Schemas['ErrorEnvelope']
