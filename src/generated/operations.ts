// Generated from openapi.yaml by scripts/generate.ts. Do not edit: run `npm run generate`.
import * as z from 'zod/mini'
import { emailFormat, intFormat, maxLength, maximum, minLength, minimum } from '../core/schema-checks'
import {
  CaseCreateRequestSchema,
  CaseDetailsResponseSchema,
  CaseListSchema,
  CaseSummarySchema,
  CaseUpdateRequestSchema,
  CheckRequestSchema,
  CheckResponseSchema,
  ErrorEnvelopeSchema,
  MetadataSchema,
  UserCreateRequestSchema,
  UserListSchema,
  UserSchema,
  UserStatusSchema,
  UserUpdateRequestSchema,
  VerifyEmailRequestSchema,
  WebhookCreateRequestSchema,
  WebhookListSchema,
  WebhookSchema,
  WebhookUpdateRequestSchema,
} from './schemas'

/** Every operation's method, path, input schemas (path and query values coerced from strings) and response schemas by status. */
export const operations = {
  checkCaseStatus: {
    method: 'POST',
    path: '/v1/check',
    pathParams: /* @__PURE__ */ z.strictObject({}),
    query: /* @__PURE__ */ z.strictObject({}),
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
    pathParams: /* @__PURE__ */ z.strictObject({}),
    query: /* @__PURE__ */ z.strictObject({}),
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
    pathParams: /* @__PURE__ */ z.strictObject({}),
    query: /* @__PURE__ */ z.strictObject({
      limit: /* @__PURE__ */ z._default(
        /* @__PURE__ */ z.pipe(
          /* @__PURE__ */ z.transform((value) =>
            typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value,
          ),
          /* @__PURE__ */ z.number().check(intFormat, /* @__PURE__ */ minimum(1), /* @__PURE__ */ maximum(100)),
        ),
        20,
      ),
      cursor: /* @__PURE__ */ z.optional(
        /* @__PURE__ */ z.string().check(/* @__PURE__ */ minLength(1), /* @__PURE__ */ maxLength(200)),
      ),
      status: /* @__PURE__ */ z.optional(UserStatusSchema),
      email: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(emailFormat, /* @__PURE__ */ maxLength(254))),
      metadata: /* @__PURE__ */ z.optional(MetadataSchema),
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
    pathParams: /* @__PURE__ */ z.strictObject({}),
    query: /* @__PURE__ */ z.strictObject({}),
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
    pathParams: /* @__PURE__ */ z.strictObject({
      user_id: /* @__PURE__ */ z.pipe(
        /* @__PURE__ */ z.transform((value) =>
          typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value,
        ),
        /* @__PURE__ */ z.number().check(intFormat, /* @__PURE__ */ minimum(1)),
      ),
    }),
    query: /* @__PURE__ */ z.strictObject({}),
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
    pathParams: /* @__PURE__ */ z.strictObject({
      user_id: /* @__PURE__ */ z.pipe(
        /* @__PURE__ */ z.transform((value) =>
          typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value,
        ),
        /* @__PURE__ */ z.number().check(intFormat, /* @__PURE__ */ minimum(1)),
      ),
    }),
    query: /* @__PURE__ */ z.strictObject({}),
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
    pathParams: /* @__PURE__ */ z.strictObject({
      user_id: /* @__PURE__ */ z.pipe(
        /* @__PURE__ */ z.transform((value) =>
          typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value,
        ),
        /* @__PURE__ */ z.number().check(intFormat, /* @__PURE__ */ minimum(1)),
      ),
    }),
    query: /* @__PURE__ */ z.strictObject({
      limit: /* @__PURE__ */ z._default(
        /* @__PURE__ */ z.pipe(
          /* @__PURE__ */ z.transform((value) =>
            typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value,
          ),
          /* @__PURE__ */ z.number().check(intFormat, /* @__PURE__ */ minimum(1), /* @__PURE__ */ maximum(100)),
        ),
        20,
      ),
      cursor: /* @__PURE__ */ z.optional(
        /* @__PURE__ */ z.string().check(/* @__PURE__ */ minLength(1), /* @__PURE__ */ maxLength(200)),
      ),
      active: /* @__PURE__ */ z.optional(
        /* @__PURE__ */ z.pipe(
          /* @__PURE__ */ z.transform((value) => (value === 'true' ? true : value === 'false' ? false : value)),
          /* @__PURE__ */ z.boolean(),
        ),
      ),
      metadata: /* @__PURE__ */ z.optional(MetadataSchema),
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
    pathParams: /* @__PURE__ */ z.strictObject({
      user_id: /* @__PURE__ */ z.pipe(
        /* @__PURE__ */ z.transform((value) =>
          typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value,
        ),
        /* @__PURE__ */ z.number().check(intFormat, /* @__PURE__ */ minimum(1)),
      ),
    }),
    query: /* @__PURE__ */ z.strictObject({}),
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
    pathParams: /* @__PURE__ */ z.strictObject({
      case_id: /* @__PURE__ */ z.pipe(
        /* @__PURE__ */ z.transform((value) =>
          typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value,
        ),
        /* @__PURE__ */ z.number().check(intFormat, /* @__PURE__ */ minimum(1)),
      ),
    }),
    query: /* @__PURE__ */ z.strictObject({}),
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
    pathParams: /* @__PURE__ */ z.strictObject({
      case_id: /* @__PURE__ */ z.pipe(
        /* @__PURE__ */ z.transform((value) =>
          typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value,
        ),
        /* @__PURE__ */ z.number().check(intFormat, /* @__PURE__ */ minimum(1)),
      ),
    }),
    query: /* @__PURE__ */ z.strictObject({}),
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
    pathParams: /* @__PURE__ */ z.strictObject({}),
    query: /* @__PURE__ */ z.strictObject({
      limit: /* @__PURE__ */ z._default(
        /* @__PURE__ */ z.pipe(
          /* @__PURE__ */ z.transform((value) =>
            typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value,
          ),
          /* @__PURE__ */ z.number().check(intFormat, /* @__PURE__ */ minimum(1), /* @__PURE__ */ maximum(100)),
        ),
        20,
      ),
      cursor: /* @__PURE__ */ z.optional(
        /* @__PURE__ */ z.string().check(/* @__PURE__ */ minLength(1), /* @__PURE__ */ maxLength(200)),
      ),
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
    pathParams: /* @__PURE__ */ z.strictObject({}),
    query: /* @__PURE__ */ z.strictObject({}),
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
    pathParams: /* @__PURE__ */ z.strictObject({
      webhook_id: /* @__PURE__ */ z.pipe(
        /* @__PURE__ */ z.transform((value) =>
          typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value,
        ),
        /* @__PURE__ */ z.number().check(intFormat, /* @__PURE__ */ minimum(1)),
      ),
    }),
    query: /* @__PURE__ */ z.strictObject({}),
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
    pathParams: /* @__PURE__ */ z.strictObject({
      webhook_id: /* @__PURE__ */ z.pipe(
        /* @__PURE__ */ z.transform((value) =>
          typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value,
        ),
        /* @__PURE__ */ z.number().check(intFormat, /* @__PURE__ */ minimum(1)),
      ),
    }),
    query: /* @__PURE__ */ z.strictObject({}),
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
    pathParams: /* @__PURE__ */ z.strictObject({
      webhook_id: /* @__PURE__ */ z.pipe(
        /* @__PURE__ */ z.transform((value) =>
          typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value,
        ),
        /* @__PURE__ */ z.number().check(intFormat, /* @__PURE__ */ minimum(1)),
      ),
    }),
    query: /* @__PURE__ */ z.strictObject({}),
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
