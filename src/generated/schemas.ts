// Generated from openapi.yaml by scripts/generate.ts. Do not edit: run `npm run generate`.
import * as z from 'zod/mini'
import {
  emailFormat,
  intFormat,
  isoDateFormat,
  isoDateTimeFormat,
  maxLength,
  maximum,
  minLength,
  minimum,
  pattern,
  refine,
  urlFormat,
} from '../core/schema-checks'

/** Reports an own `__proto__` key, which a zod record would drop without a word. */
export const ProtoKeyGuardSchema = /* @__PURE__ */ z.transform((value: unknown, ctx) => {
  if (typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')) {
    ctx.issues.push({ code: 'unrecognized_keys', keys: ['__proto__'], input: value as Record<string, unknown> })
  }
  return value
})

/** A positive integer id. */
export const IdSchema = /* @__PURE__ */ z.number().check(intFormat, /* @__PURE__ */ minimum(1))

/** An RFC 3339 UTC timestamp with milliseconds. */
export const TimestampSchema = /* @__PURE__ */ z
  .string()
  .check(
    isoDateTimeFormat,
    /* @__PURE__ */ pattern(/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$/),
  )

/** An RFC 3339 UTC timestamp with milliseconds, or null when it has not happened. */
export const NullableTimestampSchema = /* @__PURE__ */ z.nullable(
  /* @__PURE__ */ z
    .string()
    .check(
      isoDateTimeFormat,
      /* @__PURE__ */ pattern(/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$/),
    ),
)

/** A normalised USCIS receipt number (three letters, ten digits). */
export const ReceiptNumberSchema = /* @__PURE__ */ z.string().check(/* @__PURE__ */ pattern(/^[A-Z]{3}[0-9]{10}$/))

/** A USCIS receipt number as people type it (`eac-21-900-12345`); it is trimmed, upper-cased and stripped of spaces and hyphens, then must be three letters and ten digits. */
export const ReceiptNumberInputSchema = /* @__PURE__ */ z
  .string()
  .check(
    /* @__PURE__ */ minLength(13),
    /* @__PURE__ */ maxLength(40),
    /* @__PURE__ */ pattern(/^[\s-]*([A-Za-z][\s-]*){3}([0-9][\s-]*){10}$/),
  )

export const EmailSchema = /* @__PURE__ */ z.string().check(emailFormat, /* @__PURE__ */ maxLength(254))

/** An E.164 phone number. */
export const PhoneSchema = /* @__PURE__ */ z.string().check(/* @__PURE__ */ pattern(/^\+[1-9][0-9]{1,14}$/))

/** Your own data on a record, such as the ids your CRM gives it: at most 50 keys, each 1–40 letters, digits, `_` or `-` (`__proto__` is refused), each value a string of 1–500 characters. */
export const MetadataSchema = /* @__PURE__ */ z.pipe(
  ProtoKeyGuardSchema,
  /* @__PURE__ */ z
    .record(
      /* @__PURE__ */ z.string().check(/* @__PURE__ */ pattern(/^(?!__proto__$)[A-Za-z0-9_-]{1,40}$/)),
      /* @__PURE__ */ z.string().check(/* @__PURE__ */ minLength(1), /* @__PURE__ */ maxLength(500)),
    )
    .check(
      /* @__PURE__ */ refine(
        (value: object) => Object.keys(value).length <= 50,
        'must have at most 50 keys',
        (payload) => typeof payload.value === 'object' && payload.value !== null,
      ),
    ),
)

/** Metadata changes, merged into what the record has: a key set to a string is added or replaced, a key set to `""` is removed, and keys not sent are kept (`{}` changes nothing). The result may hold at most 50 keys. */
export const MetadataUpdateSchema = /* @__PURE__ */ z.pipe(
  ProtoKeyGuardSchema,
  /* @__PURE__ */ z
    .record(
      /* @__PURE__ */ z.string().check(/* @__PURE__ */ pattern(/^(?!__proto__$)[A-Za-z0-9_-]{1,40}$/)),
      /* @__PURE__ */ z.string().check(/* @__PURE__ */ maxLength(500)),
    )
    .check(
      /* @__PURE__ */ refine(
        (value: object) => Object.keys(value).length <= 50,
        'must have at most 50 keys',
        (payload) => typeof payload.value === 'object' && payload.value !== null,
      ),
    ),
)

/** `pending_verification` until the email is verified; `disabled` users get no notifications. */
export const UserStatusSchema = /* @__PURE__ */ z.enum(['pending_verification', 'active', 'disabled'])

/** `skipped` (baseline, channel off, user not active, WhatsApp without phone), `pending`, `sent`, or `failed` after 3 attempts. */
export const NotifyStatusSchema = /* @__PURE__ */ z.enum(['skipped', 'pending', 'sent', 'failed'])

export const ErrorCodeSchema = /* @__PURE__ */ z.enum([
  'bad_request',
  'unauthorized',
  'not_found',
  'receipt_not_found',
  'conflict',
  'gone',
  'payload_too_large',
  'validation_failed',
  'idempotency_key_reused',
  'rate_limited',
  'internal_error',
  'upstream_error',
  'service_unavailable',
])

export const ErrorDetailSchema = /* @__PURE__ */ z.looseObject({
  field: /* @__PURE__ */ z.string(),
  message: /* @__PURE__ */ z.string(),
})

export const ErrorEnvelopeSchema = /* @__PURE__ */ z.looseObject({
  error: /* @__PURE__ */ z.looseObject({
    code: ErrorCodeSchema,
    message: /* @__PURE__ */ z.string(),
    request_id: /* @__PURE__ */ z.string(),
    details: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(ErrorDetailSchema)),
  }),
})

export const CheckRequestSchema = /* @__PURE__ */ z.strictObject({ receipt_number: ReceiptNumberInputSchema })

export const StatusHistoryEntrySchema = /* @__PURE__ */ z.looseObject({
  date: /* @__PURE__ */ z.string().check(isoDateFormat),
  completed_text_en: /* @__PURE__ */ z.string(),
  completed_text_es: /* @__PURE__ */ z.string(),
})

/** A receipt's status as USCIS reports it, in English and Spanish. */
export const UscisStatusSchema = /* @__PURE__ */ z.looseObject({
  form_type: /* @__PURE__ */ z.string(),
  status_code: /* @__PURE__ */ z.string(),
  status_description: /* @__PURE__ */ z.string(),
  status_code_es: /* @__PURE__ */ z.string(),
  status_description_es: /* @__PURE__ */ z.string(),
  submitted_date: TimestampSchema,
  modified_date: TimestampSchema,
  history: /* @__PURE__ */ z.array(StatusHistoryEntrySchema),
})

export const CheckResponseSchema = /* @__PURE__ */ z.looseObject({
  receipt_number: ReceiptNumberSchema,
  status: UscisStatusSchema,
  checked_at: TimestampSchema,
  changed: /* @__PURE__ */ z.boolean(),
  checked_case_ids: /* @__PURE__ */ z.array(IdSchema),
  updated_case_ids: /* @__PURE__ */ z.array(IdSchema),
})

export const VerifyEmailRequestSchema = /* @__PURE__ */ z.strictObject({
  token: /* @__PURE__ */ z.string().check(/* @__PURE__ */ minLength(1), /* @__PURE__ */ maxLength(200)),
})

export const UserSchema = /* @__PURE__ */ z.looseObject({
  id: IdSchema,
  email: EmailSchema,
  name: /* @__PURE__ */ z.string(),
  phone: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string().check(/* @__PURE__ */ pattern(/^\+[1-9][0-9]{1,14}$/))),
  notify_by_email: /* @__PURE__ */ z.boolean(),
  notify_by_whatsapp: /* @__PURE__ */ z.boolean(),
  status: UserStatusSchema,
  metadata: MetadataSchema,
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
})

/** `notify_by_whatsapp: true` needs a `phone`. */
export const UserCreateRequestSchema = /* @__PURE__ */ z.strictObject({
  email: EmailSchema,
  name: /* @__PURE__ */ z.string().check(/* @__PURE__ */ minLength(1), /* @__PURE__ */ maxLength(200)),
  phone: /* @__PURE__ */ z.optional(PhoneSchema),
  notify_by_email: /* @__PURE__ */ z._default(/* @__PURE__ */ z.boolean(), true),
  notify_by_whatsapp: /* @__PURE__ */ z._default(/* @__PURE__ */ z.boolean(), false),
  metadata: /* @__PURE__ */ z.optional(MetadataSchema),
})

/** Send at least one field. A new `email` needs verifying again; `phone: null` removes the phone (and needs `notify_by_whatsapp` off). */
export const UserUpdateRequestSchema = /* @__PURE__ */ z
  .strictObject({
    email: /* @__PURE__ */ z.optional(EmailSchema),
    name: /* @__PURE__ */ z.optional(
      /* @__PURE__ */ z.string().check(/* @__PURE__ */ minLength(1), /* @__PURE__ */ maxLength(200)),
    ),
    phone: /* @__PURE__ */ z.optional(
      /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string().check(/* @__PURE__ */ pattern(/^\+[1-9][0-9]{1,14}$/))),
    ),
    notify_by_email: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
    notify_by_whatsapp: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
    status: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(['active', 'disabled'])),
    metadata: /* @__PURE__ */ z.optional(MetadataUpdateSchema),
  })
  .check(/* @__PURE__ */ refine((value: object) => Object.keys(value).length >= 1, 'send at least 1 field'))

export const UserListSchema = /* @__PURE__ */ z.looseObject({
  data: /* @__PURE__ */ z.array(UserSchema),
  has_more: /* @__PURE__ */ z.boolean(),
  next_cursor: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  total: /* @__PURE__ */ z.number().check(intFormat, /* @__PURE__ */ minimum(0)),
})

/** The case's latest recorded status, in brief. */
export const CaseStatusSummarySchema = /* @__PURE__ */ z.looseObject({
  status_update_id: IdSchema,
  status_code: /* @__PURE__ */ z.string(),
  status_code_es: /* @__PURE__ */ z.string(),
  form_type: /* @__PURE__ */ z.string(),
  modified_date: TimestampSchema,
  recorded_at: TimestampSchema,
})

export const CaseSummarySchema = /* @__PURE__ */ z.looseObject({
  id: IdSchema,
  user_id: IdSchema,
  user_case_id: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  receipt_number: ReceiptNumberSchema,
  description: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  created_at: TimestampSchema,
  last_checked: NullableTimestampSchema,
  active: /* @__PURE__ */ z.boolean(),
  metadata: MetadataSchema,
  latest_status: /* @__PURE__ */ z.nullable(CaseStatusSummarySchema),
})

/** A case with its user embedded. */
export const CaseWithUserSchema = /* @__PURE__ */ z.looseObject({
  id: IdSchema,
  user_id: IdSchema,
  user_case_id: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  receipt_number: ReceiptNumberSchema,
  description: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  created_at: TimestampSchema,
  last_checked: NullableTimestampSchema,
  active: /* @__PURE__ */ z.boolean(),
  metadata: MetadataSchema,
  latest_status: /* @__PURE__ */ z.nullable(CaseStatusSummarySchema),
  user: UserSchema,
})

export const CaseCreateRequestSchema = /* @__PURE__ */ z.strictObject({
  receipt_number: ReceiptNumberInputSchema,
  user_case_id: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.string().check(/* @__PURE__ */ minLength(1), /* @__PURE__ */ maxLength(100)),
  ),
  description: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ maxLength(1000))),
  metadata: /* @__PURE__ */ z.optional(MetadataSchema),
})

/** Send at least one field; `null` clears a text field. */
export const CaseUpdateRequestSchema = /* @__PURE__ */ z
  .strictObject({
    user_case_id: /* @__PURE__ */ z.optional(
      /* @__PURE__ */ z.nullable(
        /* @__PURE__ */ z.string().check(/* @__PURE__ */ minLength(1), /* @__PURE__ */ maxLength(100)),
      ),
    ),
    description: /* @__PURE__ */ z.optional(
      /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string().check(/* @__PURE__ */ maxLength(1000))),
    ),
    active: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
    metadata: /* @__PURE__ */ z.optional(MetadataUpdateSchema),
  })
  .check(/* @__PURE__ */ refine((value: object) => Object.keys(value).length >= 1, 'send at least 1 field'))

export const CaseListSchema = /* @__PURE__ */ z.looseObject({
  data: /* @__PURE__ */ z.array(CaseSummarySchema),
  has_more: /* @__PURE__ */ z.boolean(),
  next_cursor: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  total: /* @__PURE__ */ z.number().check(intFormat, /* @__PURE__ */ minimum(0)),
})

/** One recorded USCIS status of a case, with its notification outcomes. */
export const StatusUpdateSchema = /* @__PURE__ */ z.looseObject({
  id: IdSchema,
  case_id: IdSchema,
  status_code: /* @__PURE__ */ z.string(),
  status_description: /* @__PURE__ */ z.string(),
  form_type: /* @__PURE__ */ z.string(),
  detail_message: /* @__PURE__ */ z.string(),
  status_code_es: /* @__PURE__ */ z.string(),
  status_description_es: /* @__PURE__ */ z.string(),
  submitted_date: TimestampSchema,
  modified_date: TimestampSchema,
  history: /* @__PURE__ */ z.array(StatusHistoryEntrySchema),
  timestamp: TimestampSchema,
  notified: /* @__PURE__ */ z.number().check(intFormat, /* @__PURE__ */ minimum(0), /* @__PURE__ */ maximum(2)),
  email_notify_status: NotifyStatusSchema,
  whatsapp_notify_status: NotifyStatusSchema,
  email_notify_attempts: /* @__PURE__ */ z
    .number()
    .check(intFormat, /* @__PURE__ */ minimum(0), /* @__PURE__ */ maximum(3)),
  whatsapp_notify_attempts: /* @__PURE__ */ z
    .number()
    .check(intFormat, /* @__PURE__ */ minimum(0), /* @__PURE__ */ maximum(3)),
  email_notify_last_error: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  whatsapp_notify_last_error: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  email_notify_sent_at: NullableTimestampSchema,
  whatsapp_notify_sent_at: NullableTimestampSchema,
})

export const CaseDetailsResponseSchema = /* @__PURE__ */ z.looseObject({
  case: CaseWithUserSchema,
  status_updates: /* @__PURE__ */ z.array(StatusUpdateSchema),
  update_count: /* @__PURE__ */ z.number().check(intFormat, /* @__PURE__ */ minimum(0)),
})

/** The type of a webhook event. */
export const EventTypeSchema = /* @__PURE__ */ z.enum([
  'user.created',
  'user.updated',
  'user.verified',
  'case.created',
  'case.updated',
  'case.status_changed',
])

/** Some of the event types (each at most once), or `["*"]` for all of them, present and future. */
export const WebhookEventSelectionSchema = /* @__PURE__ */ z.union([
  /* @__PURE__ */ z.array(EventTypeSchema).check(
    /* @__PURE__ */ minLength(1),
    /* @__PURE__ */ refine(
      (items: unknown[]) => new Set(items.map((item) => JSON.stringify(item))).size === items.length,
      'items must be unique',
    ),
  ),
  /* @__PURE__ */ z
    .array(/* @__PURE__ */ z.enum(['*']))
    .check(/* @__PURE__ */ minLength(1), /* @__PURE__ */ maxLength(1)),
])

export const WebhookSchema = /* @__PURE__ */ z.looseObject({
  id: IdSchema,
  url: /* @__PURE__ */ z.string().check(urlFormat),
  events: WebhookEventSelectionSchema,
  description: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  active: /* @__PURE__ */ z.boolean(),
  disabled_reason: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
  secret: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.string().check(/* @__PURE__ */ pattern(/^whsec_[A-Za-z0-9+/]{43}=$/)),
  ),
})

/** An https URL (http is allowed for localhost and 127.0.0.1). */
export const WebhookUrlSchema = /* @__PURE__ */ z
  .string()
  .check(
    urlFormat,
    /* @__PURE__ */ maxLength(2048),
    /* @__PURE__ */ pattern(/^(https:\/\/|http:\/\/(localhost|127\.0\.0\.1)(:[0-9]+)?(\/|$))/),
  )

export const WebhookCreateRequestSchema = /* @__PURE__ */ z.strictObject({
  url: WebhookUrlSchema,
  events: WebhookEventSelectionSchema,
  description: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ maxLength(500))),
  active: /* @__PURE__ */ z._default(/* @__PURE__ */ z.boolean(), true),
})

export const WebhookUpdateRequestSchema = /* @__PURE__ */ z
  .strictObject({
    url: /* @__PURE__ */ z.optional(WebhookUrlSchema),
    events: /* @__PURE__ */ z.optional(WebhookEventSelectionSchema),
    description: /* @__PURE__ */ z.optional(
      /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string().check(/* @__PURE__ */ maxLength(500))),
    ),
    active: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
    rotate_secret: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
  })
  .check(/* @__PURE__ */ refine((value: object) => Object.keys(value).length >= 1, 'send at least 1 field'))

export const WebhookListSchema = /* @__PURE__ */ z.looseObject({
  data: /* @__PURE__ */ z.array(WebhookSchema),
  has_more: /* @__PURE__ */ z.boolean(),
  next_cursor: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  total: /* @__PURE__ */ z.number().check(intFormat, /* @__PURE__ */ minimum(0)),
})

export const EventIdSchema = /* @__PURE__ */ z.string().check(/* @__PURE__ */ pattern(/^evt_[A-Za-z0-9]+$/))

export const UserCreatedEventSchema = /* @__PURE__ */ z.looseObject({
  id: EventIdSchema,
  type: /* @__PURE__ */ z.enum(['user.created']),
  created_at: TimestampSchema,
  data: UserSchema,
})

export const UserUpdatedEventSchema = /* @__PURE__ */ z.looseObject({
  id: EventIdSchema,
  type: /* @__PURE__ */ z.enum(['user.updated']),
  created_at: TimestampSchema,
  data: UserSchema,
})

export const UserVerifiedEventSchema = /* @__PURE__ */ z.looseObject({
  id: EventIdSchema,
  type: /* @__PURE__ */ z.enum(['user.verified']),
  created_at: TimestampSchema,
  data: UserSchema,
})

export const CaseCreatedEventSchema = /* @__PURE__ */ z.looseObject({
  id: EventIdSchema,
  type: /* @__PURE__ */ z.enum(['case.created']),
  created_at: TimestampSchema,
  data: CaseSummarySchema,
})

export const CaseUpdatedEventSchema = /* @__PURE__ */ z.looseObject({
  id: EventIdSchema,
  type: /* @__PURE__ */ z.enum(['case.updated']),
  created_at: TimestampSchema,
  data: CaseSummarySchema,
})

export const CaseStatusChangedEventSchema = /* @__PURE__ */ z.looseObject({
  id: EventIdSchema,
  type: /* @__PURE__ */ z.enum(['case.status_changed']),
  created_at: TimestampSchema,
  data: /* @__PURE__ */ z.looseObject({
    case: CaseSummarySchema,
    status_update: StatusUpdateSchema,
    previous_status_code: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  }),
})

/** Any event ImmigraFlow sends, told apart by `type`. */
export const WebhookEventSchema = /* @__PURE__ */ z.discriminatedUnion('type', [
  UserCreatedEventSchema,
  UserUpdatedEventSchema,
  UserVerifiedEventSchema,
  CaseCreatedEventSchema,
  CaseUpdatedEventSchema,
  CaseStatusChangedEventSchema,
])
