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

/** Every operation as the SDK checks it: input schemas (path and query values coerced from strings) and the schemas of its success responses, by status. */
export const operations = {
  checkCaseStatus: {
    pathParams: /* @__PURE__ */ z.strictObject({}),
    query: /* @__PURE__ */ z.strictObject({}),
    body: CheckRequestSchema,
    responses: { 200: CheckResponseSchema },
  },
  verifyUserEmail: {
    pathParams: /* @__PURE__ */ z.strictObject({}),
    query: /* @__PURE__ */ z.strictObject({}),
    body: VerifyEmailRequestSchema,
    responses: { 200: UserSchema },
  },
  listUsers: {
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
    responses: { 200: UserListSchema },
  },
  createUser: {
    pathParams: /* @__PURE__ */ z.strictObject({}),
    query: /* @__PURE__ */ z.strictObject({}),
    body: UserCreateRequestSchema,
    responses: { 201: UserSchema },
  },
  getUser: {
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
    responses: { 200: UserSchema },
  },
  updateUser: {
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
    responses: { 200: UserSchema },
  },
  listUserCases: {
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
    responses: { 200: CaseListSchema },
  },
  createCase: {
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
    responses: { 201: CaseDetailsResponseSchema },
  },
  getCase: {
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
    responses: { 200: CaseDetailsResponseSchema },
  },
  updateCase: {
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
    responses: { 200: CaseSummarySchema },
  },
  listWebhooks: {
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
    responses: { 200: WebhookListSchema },
  },
  createWebhook: {
    pathParams: /* @__PURE__ */ z.strictObject({}),
    query: /* @__PURE__ */ z.strictObject({}),
    body: WebhookCreateRequestSchema,
    responses: { 201: WebhookSchema },
  },
  getWebhook: {
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
    responses: { 200: WebhookSchema },
  },
  updateWebhook: {
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
    responses: { 200: WebhookSchema },
  },
  deleteWebhook: {
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
    responses: { 204: null },
  },
} as const
