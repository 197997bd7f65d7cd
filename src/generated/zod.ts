// Generated from openapi.yaml by scripts/generate.ts. Do not edit: run `npm run generate`.
import { z } from 'zod'

/** A positive integer id. */
export const IdSchema = z.number().int().min(1)

/** An RFC 3339 UTC timestamp with milliseconds. */
export const TimestampSchema = z.iso
  .datetime()
  .regex(new RegExp('^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$'))

/** An RFC 3339 UTC timestamp with milliseconds, or null when it has not happened. */
export const NullableTimestampSchema = z.iso
  .datetime()
  .regex(new RegExp('^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$'))
  .nullable()

/** A normalised USCIS receipt number (three letters, ten digits). */
export const ReceiptNumberSchema = z.string().regex(new RegExp('^[A-Z]{3}[0-9]{10}$'))

/** A USCIS receipt number as people type it (`eac-21-900-12345`); it is trimmed, upper-cased and stripped of spaces and hyphens, then must be three letters and ten digits. */
export const ReceiptNumberInputSchema = z
  .string()
  .min(13)
  .max(40)
  .regex(new RegExp('^[\\s-]*([A-Za-z][\\s-]*){3}([0-9][\\s-]*){10}$'))

export const EmailSchema = z.email().max(254)

/** An E.164 phone number. */
export const PhoneSchema = z.string().regex(new RegExp('^\\+[1-9][0-9]{1,14}$'))

/** `pending_verification` until the email is verified; `disabled` users get no notifications. */
export const UserStatusSchema = z.enum(['pending_verification', 'active', 'disabled'])

/** `skipped` (baseline, channel off, user not active, WhatsApp without phone), `pending`, `sent`, or `failed` after 3 attempts. */
export const NotifyStatusSchema = z.enum(['skipped', 'pending', 'sent', 'failed'])

export const ErrorCodeSchema = z.enum([
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

export const ErrorDetailSchema = z.looseObject({ field: z.string(), message: z.string() })

export const ErrorEnvelopeSchema = z.looseObject({
  error: z.looseObject({
    code: ErrorCodeSchema,
    message: z.string(),
    request_id: z.string(),
    details: z.array(ErrorDetailSchema).optional(),
  }),
})

export const CheckRequestSchema = z.strictObject({ receipt_number: ReceiptNumberInputSchema })

export const StatusHistoryEntrySchema = z.looseObject({
  date: z.iso.date(),
  completed_text_en: z.string(),
  completed_text_es: z.string(),
})

/** A receipt's status as USCIS reports it, in English and Spanish. */
export const UscisStatusSchema = z.looseObject({
  form_type: z.string(),
  status_code: z.string(),
  status_description: z.string(),
  status_code_es: z.string(),
  status_description_es: z.string(),
  submitted_date: TimestampSchema,
  modified_date: TimestampSchema,
  history: z.array(StatusHistoryEntrySchema),
})

export const CheckResponseSchema = z.looseObject({
  receipt_number: ReceiptNumberSchema,
  status: UscisStatusSchema,
  checked_at: TimestampSchema,
  changed: z.boolean(),
  checked_case_ids: z.array(IdSchema),
  updated_case_ids: z.array(IdSchema),
})

export const VerifyEmailRequestSchema = z.strictObject({ token: z.string().min(1).max(200) })

export const UserSchema = z.looseObject({
  id: IdSchema,
  email: EmailSchema,
  name: z.string(),
  phone: z.string().regex(new RegExp('^\\+[1-9][0-9]{1,14}$')).nullable(),
  notify_by_email: z.boolean(),
  notify_by_whatsapp: z.boolean(),
  status: UserStatusSchema,
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
})

/** `notify_by_whatsapp: true` needs a `phone`. */
export const UserCreateRequestSchema = z.strictObject({
  email: EmailSchema,
  name: z.string().min(1).max(200),
  phone: PhoneSchema.optional(),
  notify_by_email: z.boolean().default(true),
  notify_by_whatsapp: z.boolean().default(false),
})

/** Send at least one field. A new `email` needs verifying again; `phone: null` removes the phone (and needs `notify_by_whatsapp` off). */
export const UserUpdateRequestSchema = z
  .strictObject({
    email: EmailSchema.optional(),
    name: z.string().min(1).max(200).optional(),
    phone: z.string().regex(new RegExp('^\\+[1-9][0-9]{1,14}$')).nullable().optional(),
    notify_by_email: z.boolean().optional(),
    notify_by_whatsapp: z.boolean().optional(),
    status: z.enum(['active', 'disabled']).optional(),
  })
  .refine((value) => Object.keys(value).length >= 1, { message: 'send at least 1 field' })

export const UserListSchema = z.looseObject({
  data: z.array(UserSchema),
  has_more: z.boolean(),
  next_cursor: z.string().nullable(),
  total: z.number().int().min(0),
})

/** The case's latest recorded status, in brief. */
export const CaseStatusSummarySchema = z.looseObject({
  status_update_id: IdSchema,
  status_code: z.string(),
  status_code_es: z.string(),
  form_type: z.string(),
  modified_date: TimestampSchema,
  recorded_at: TimestampSchema,
})

export const CaseSummarySchema = z.looseObject({
  id: IdSchema,
  user_id: IdSchema,
  user_case_id: z.string().nullable(),
  receipt_number: ReceiptNumberSchema,
  description: z.string().nullable(),
  created_at: TimestampSchema,
  last_checked: NullableTimestampSchema,
  active: z.boolean(),
  latest_status: CaseStatusSummarySchema.nullable(),
})

/** A case with its user embedded. */
export const CaseWithUserSchema = CaseSummarySchema.extend(z.looseObject({ user: UserSchema }).shape)

export const CaseCreateRequestSchema = z.strictObject({
  receipt_number: ReceiptNumberInputSchema,
  user_case_id: z.string().min(1).max(100).optional(),
  description: z.string().max(1000).optional(),
})

/** Send at least one field; `null` clears a text field. */
export const CaseUpdateRequestSchema = z
  .strictObject({
    user_case_id: z.string().min(1).max(100).nullable().optional(),
    description: z.string().max(1000).nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((value) => Object.keys(value).length >= 1, { message: 'send at least 1 field' })

export const CaseListSchema = z.looseObject({
  data: z.array(CaseSummarySchema),
  has_more: z.boolean(),
  next_cursor: z.string().nullable(),
  total: z.number().int().min(0),
})

/** One recorded USCIS status of a case, with its notification outcomes. */
export const StatusUpdateSchema = z.looseObject({
  id: IdSchema,
  case_id: IdSchema,
  status_code: z.string(),
  status_description: z.string(),
  form_type: z.string(),
  detail_message: z.string(),
  status_code_es: z.string(),
  status_description_es: z.string(),
  submitted_date: TimestampSchema,
  modified_date: TimestampSchema,
  history: z.array(StatusHistoryEntrySchema),
  timestamp: TimestampSchema,
  notified: z.number().int().min(0).max(2),
  email_notify_status: NotifyStatusSchema,
  whatsapp_notify_status: NotifyStatusSchema,
  email_notify_attempts: z.number().int().min(0).max(3),
  whatsapp_notify_attempts: z.number().int().min(0).max(3),
  email_notify_last_error: z.string().nullable(),
  whatsapp_notify_last_error: z.string().nullable(),
  email_notify_sent_at: NullableTimestampSchema,
  whatsapp_notify_sent_at: NullableTimestampSchema,
})

export const CaseDetailsResponseSchema = z.looseObject({
  case: CaseWithUserSchema,
  status_updates: z.array(StatusUpdateSchema),
  update_count: z.number().int().min(0),
})

/** The type of a webhook event. */
export const EventTypeSchema = z.enum([
  'user.created',
  'user.updated',
  'user.verified',
  'case.created',
  'case.updated',
  'case.status_changed',
])

/** Some of the event types (each at most once), or `["*"]` for all of them, present and future. */
export const WebhookEventSelectionSchema = z.union([
  z
    .array(EventTypeSchema)
    .min(1)
    .refine((items) => new Set(items.map((item) => JSON.stringify(item))).size === items.length, {
      message: 'items must be unique',
    }),
  z.array(z.literal('*')).min(1).max(1),
])

export const WebhookSchema = z.looseObject({
  id: IdSchema,
  url: z.url(),
  events: WebhookEventSelectionSchema,
  description: z.string().nullable(),
  active: z.boolean(),
  disabled_reason: z.string().nullable(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
  secret: z.string().regex(new RegExp('^whsec_[A-Za-z0-9+/]{43}=$')).optional(),
})

/** An https URL (http is allowed for localhost and 127.0.0.1). */
export const WebhookUrlSchema = z
  .url()
  .max(2048)
  .regex(new RegExp('^(https://|http://(localhost|127\\.0\\.0\\.1)(:[0-9]+)?(/|$))'))

export const WebhookCreateRequestSchema = z.strictObject({
  url: WebhookUrlSchema,
  events: WebhookEventSelectionSchema,
  description: z.string().max(500).optional(),
  active: z.boolean().default(true),
})

export const WebhookUpdateRequestSchema = z
  .strictObject({
    url: WebhookUrlSchema.optional(),
    events: WebhookEventSelectionSchema.optional(),
    description: z.string().max(500).nullable().optional(),
    active: z.boolean().optional(),
    rotate_secret: z.boolean().optional(),
  })
  .refine((value) => Object.keys(value).length >= 1, { message: 'send at least 1 field' })

export const WebhookListSchema = z.looseObject({
  data: z.array(WebhookSchema),
  has_more: z.boolean(),
  next_cursor: z.string().nullable(),
  total: z.number().int().min(0),
})

export const EventIdSchema = z.string().regex(new RegExp('^evt_[A-Za-z0-9]+$'))

export const UserCreatedEventSchema = z.looseObject({
  id: EventIdSchema,
  type: z.literal('user.created'),
  created_at: TimestampSchema,
  data: UserSchema,
})

export const UserUpdatedEventSchema = z.looseObject({
  id: EventIdSchema,
  type: z.literal('user.updated'),
  created_at: TimestampSchema,
  data: UserSchema,
})

export const UserVerifiedEventSchema = z.looseObject({
  id: EventIdSchema,
  type: z.literal('user.verified'),
  created_at: TimestampSchema,
  data: UserSchema,
})

export const CaseCreatedEventSchema = z.looseObject({
  id: EventIdSchema,
  type: z.literal('case.created'),
  created_at: TimestampSchema,
  data: CaseSummarySchema,
})

export const CaseUpdatedEventSchema = z.looseObject({
  id: EventIdSchema,
  type: z.literal('case.updated'),
  created_at: TimestampSchema,
  data: CaseSummarySchema,
})

export const CaseStatusChangedEventSchema = z.looseObject({
  id: EventIdSchema,
  type: z.literal('case.status_changed'),
  created_at: TimestampSchema,
  data: z.looseObject({
    case: CaseSummarySchema,
    status_update: StatusUpdateSchema,
    previous_status_code: z.string().nullable(),
  }),
})

/** Any event ImmigraFlow sends, told apart by `type`. */
export const WebhookEventSchema = z.discriminatedUnion('type', [
  UserCreatedEventSchema,
  UserUpdatedEventSchema,
  UserVerifiedEventSchema,
  CaseCreatedEventSchema,
  CaseUpdatedEventSchema,
  CaseStatusChangedEventSchema,
])

/** Every operation's method, path, input schemas (path and query values coerced from strings) and response schemas by status. */
export const operations = {
  checkCaseStatus: {
    method: 'POST',
    path: '/v1/check',
    pathParams: z.strictObject({}),
    query: z.strictObject({}),
    body: CheckRequestSchema,
    responses: {
      200: CheckResponseSchema,
      400: ErrorEnvelopeSchema,
      401: ErrorEnvelopeSchema,
      404: ErrorEnvelopeSchema,
      413: ErrorEnvelopeSchema,
      422: ErrorEnvelopeSchema,
      429: ErrorEnvelopeSchema,
      500: ErrorEnvelopeSchema,
      502: ErrorEnvelopeSchema,
      503: ErrorEnvelopeSchema,
    },
  },
  verifyUserEmail: {
    method: 'POST',
    path: '/v1/users/verify-email',
    pathParams: z.strictObject({}),
    query: z.strictObject({}),
    body: VerifyEmailRequestSchema,
    responses: {
      200: UserSchema,
      400: ErrorEnvelopeSchema,
      401: ErrorEnvelopeSchema,
      404: ErrorEnvelopeSchema,
      409: ErrorEnvelopeSchema,
      410: ErrorEnvelopeSchema,
      413: ErrorEnvelopeSchema,
      422: ErrorEnvelopeSchema,
      429: ErrorEnvelopeSchema,
      500: ErrorEnvelopeSchema,
      503: ErrorEnvelopeSchema,
    },
  },
  listUsers: {
    method: 'GET',
    path: '/v1/users',
    pathParams: z.strictObject({}),
    query: z.strictObject({
      limit: z
        .preprocess(
          (value) => (typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value),
          z.number().int().min(1).max(100),
        )
        .default(20),
      cursor: z.string().min(1).max(200).optional(),
      status: z.enum(['pending_verification', 'active', 'disabled']).optional(),
      email: z.email().max(254).optional(),
    }),
    body: null,
    responses: {
      200: UserListSchema,
      401: ErrorEnvelopeSchema,
      422: ErrorEnvelopeSchema,
      429: ErrorEnvelopeSchema,
      500: ErrorEnvelopeSchema,
      503: ErrorEnvelopeSchema,
    },
  },
  createUser: {
    method: 'POST',
    path: '/v1/users',
    pathParams: z.strictObject({}),
    query: z.strictObject({}),
    body: UserCreateRequestSchema,
    responses: {
      201: UserSchema,
      400: ErrorEnvelopeSchema,
      401: ErrorEnvelopeSchema,
      409: ErrorEnvelopeSchema,
      413: ErrorEnvelopeSchema,
      422: ErrorEnvelopeSchema,
      429: ErrorEnvelopeSchema,
      500: ErrorEnvelopeSchema,
      503: ErrorEnvelopeSchema,
    },
  },
  getUser: {
    method: 'GET',
    path: '/v1/users/{user_id}',
    pathParams: z.strictObject({
      user_id: z.preprocess(
        (value) => (typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value),
        z.number().int().min(1),
      ),
    }),
    query: z.strictObject({}),
    body: null,
    responses: {
      200: UserSchema,
      401: ErrorEnvelopeSchema,
      404: ErrorEnvelopeSchema,
      422: ErrorEnvelopeSchema,
      429: ErrorEnvelopeSchema,
      500: ErrorEnvelopeSchema,
      503: ErrorEnvelopeSchema,
    },
  },
  updateUser: {
    method: 'PUT',
    path: '/v1/users/{user_id}',
    pathParams: z.strictObject({
      user_id: z.preprocess(
        (value) => (typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value),
        z.number().int().min(1),
      ),
    }),
    query: z.strictObject({}),
    body: UserUpdateRequestSchema,
    responses: {
      200: UserSchema,
      400: ErrorEnvelopeSchema,
      401: ErrorEnvelopeSchema,
      404: ErrorEnvelopeSchema,
      409: ErrorEnvelopeSchema,
      413: ErrorEnvelopeSchema,
      422: ErrorEnvelopeSchema,
      429: ErrorEnvelopeSchema,
      500: ErrorEnvelopeSchema,
      503: ErrorEnvelopeSchema,
    },
  },
  listUserCases: {
    method: 'GET',
    path: '/v1/users/{user_id}/cases',
    pathParams: z.strictObject({
      user_id: z.preprocess(
        (value) => (typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value),
        z.number().int().min(1),
      ),
    }),
    query: z.strictObject({
      limit: z
        .preprocess(
          (value) => (typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value),
          z.number().int().min(1).max(100),
        )
        .default(20),
      cursor: z.string().min(1).max(200).optional(),
      active: z
        .union([z.boolean(), z.stringbool({ truthy: ['true'], falsy: ['false'], case: 'sensitive' })])
        .optional(),
    }),
    body: null,
    responses: {
      200: CaseListSchema,
      401: ErrorEnvelopeSchema,
      404: ErrorEnvelopeSchema,
      422: ErrorEnvelopeSchema,
      429: ErrorEnvelopeSchema,
      500: ErrorEnvelopeSchema,
      503: ErrorEnvelopeSchema,
    },
  },
  createCase: {
    method: 'POST',
    path: '/v1/users/{user_id}/cases',
    pathParams: z.strictObject({
      user_id: z.preprocess(
        (value) => (typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value),
        z.number().int().min(1),
      ),
    }),
    query: z.strictObject({}),
    body: CaseCreateRequestSchema,
    responses: {
      201: CaseDetailsResponseSchema,
      400: ErrorEnvelopeSchema,
      401: ErrorEnvelopeSchema,
      404: ErrorEnvelopeSchema,
      409: ErrorEnvelopeSchema,
      413: ErrorEnvelopeSchema,
      422: ErrorEnvelopeSchema,
      429: ErrorEnvelopeSchema,
      500: ErrorEnvelopeSchema,
      503: ErrorEnvelopeSchema,
    },
  },
  getCase: {
    method: 'GET',
    path: '/v1/cases/{case_id}',
    pathParams: z.strictObject({
      case_id: z.preprocess(
        (value) => (typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value),
        z.number().int().min(1),
      ),
    }),
    query: z.strictObject({}),
    body: null,
    responses: {
      200: CaseDetailsResponseSchema,
      401: ErrorEnvelopeSchema,
      404: ErrorEnvelopeSchema,
      422: ErrorEnvelopeSchema,
      429: ErrorEnvelopeSchema,
      500: ErrorEnvelopeSchema,
      503: ErrorEnvelopeSchema,
    },
  },
  updateCase: {
    method: 'PUT',
    path: '/v1/cases/{case_id}',
    pathParams: z.strictObject({
      case_id: z.preprocess(
        (value) => (typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value),
        z.number().int().min(1),
      ),
    }),
    query: z.strictObject({}),
    body: CaseUpdateRequestSchema,
    responses: {
      200: CaseSummarySchema,
      400: ErrorEnvelopeSchema,
      401: ErrorEnvelopeSchema,
      404: ErrorEnvelopeSchema,
      409: ErrorEnvelopeSchema,
      413: ErrorEnvelopeSchema,
      422: ErrorEnvelopeSchema,
      429: ErrorEnvelopeSchema,
      500: ErrorEnvelopeSchema,
      503: ErrorEnvelopeSchema,
    },
  },
  listWebhooks: {
    method: 'GET',
    path: '/v1/webhooks',
    pathParams: z.strictObject({}),
    query: z.strictObject({
      limit: z
        .preprocess(
          (value) => (typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value),
          z.number().int().min(1).max(100),
        )
        .default(20),
      cursor: z.string().min(1).max(200).optional(),
    }),
    body: null,
    responses: {
      200: WebhookListSchema,
      401: ErrorEnvelopeSchema,
      422: ErrorEnvelopeSchema,
      429: ErrorEnvelopeSchema,
      500: ErrorEnvelopeSchema,
      503: ErrorEnvelopeSchema,
    },
  },
  createWebhook: {
    method: 'POST',
    path: '/v1/webhooks',
    pathParams: z.strictObject({}),
    query: z.strictObject({}),
    body: WebhookCreateRequestSchema,
    responses: {
      201: WebhookSchema,
      400: ErrorEnvelopeSchema,
      401: ErrorEnvelopeSchema,
      413: ErrorEnvelopeSchema,
      422: ErrorEnvelopeSchema,
      429: ErrorEnvelopeSchema,
      500: ErrorEnvelopeSchema,
      503: ErrorEnvelopeSchema,
    },
  },
  getWebhook: {
    method: 'GET',
    path: '/v1/webhooks/{webhook_id}',
    pathParams: z.strictObject({
      webhook_id: z.preprocess(
        (value) => (typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value),
        z.number().int().min(1),
      ),
    }),
    query: z.strictObject({}),
    body: null,
    responses: {
      200: WebhookSchema,
      401: ErrorEnvelopeSchema,
      404: ErrorEnvelopeSchema,
      422: ErrorEnvelopeSchema,
      429: ErrorEnvelopeSchema,
      500: ErrorEnvelopeSchema,
      503: ErrorEnvelopeSchema,
    },
  },
  updateWebhook: {
    method: 'PUT',
    path: '/v1/webhooks/{webhook_id}',
    pathParams: z.strictObject({
      webhook_id: z.preprocess(
        (value) => (typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value),
        z.number().int().min(1),
      ),
    }),
    query: z.strictObject({}),
    body: WebhookUpdateRequestSchema,
    responses: {
      200: WebhookSchema,
      400: ErrorEnvelopeSchema,
      401: ErrorEnvelopeSchema,
      404: ErrorEnvelopeSchema,
      413: ErrorEnvelopeSchema,
      422: ErrorEnvelopeSchema,
      429: ErrorEnvelopeSchema,
      500: ErrorEnvelopeSchema,
      503: ErrorEnvelopeSchema,
    },
  },
  deleteWebhook: {
    method: 'DELETE',
    path: '/v1/webhooks/{webhook_id}',
    pathParams: z.strictObject({
      webhook_id: z.preprocess(
        (value) => (typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value),
        z.number().int().min(1),
      ),
    }),
    query: z.strictObject({}),
    body: null,
    responses: {
      204: null,
      401: ErrorEnvelopeSchema,
      404: ErrorEnvelopeSchema,
      422: ErrorEnvelopeSchema,
      429: ErrorEnvelopeSchema,
      500: ErrorEnvelopeSchema,
      503: ErrorEnvelopeSchema,
    },
  },
} as const

/** The operationId of each operation in openapi.yaml. */
export type OperationId = keyof typeof operations
