/**
 * Data to load into a fresh mock (`createMockApi({ preload })`, `immigraflow-mock --seed FILE`):
 *
 * ```json
 * {
 *   "users": [{ "email": "maria@example.com", "name": "María", "phone": "+14155550123",
 *               "notify_by_email": true, "notify_by_whatsapp": true, "status": "active",
 *               "metadata": { "crm_id": "CRM-10442" },
 *               "cases": [{ "receipt_number": "EAC2190012345", "user_case_id": "Green card",
 *                           "description": "…", "active": true, "metadata": {} }] }],
 *   "webhooks": [{ "url": "https://hooks.example.com/x", "events": ["*"], "description": "…",
 *                  "active": true, "secret": "whsec_…" }]
 * }
 * ```
 * Users and cases follow the create request schemas plus `status` (default `active`) and
 * `active` (default true); a webhook may bring its own `secret`. Ids are given in order.
 * Preloading sends no events; pending users get a verification email with a token.
 */
import * as z from 'zod/mini'
import { normalizeReceiptNumber } from '../src/core/receipt'
import {
  CaseCreateRequestSchema,
  UserCreateRequestSchema,
  UserStatusSchema,
  WebhookCreateRequestSchema,
  WebhookSchema,
} from '../src/generated/zod'
import type { MockContext } from './context'
import { issueVerificationToken } from './handlers/users'
import { issuesToDetails } from './handlers/validation'

/** The format of a preload (`--seed FILE`): users with their cases, and webhooks. */
export const PreloadSchema = z.strictObject({
  users: z._default(
    z.array(
      z.extend(UserCreateRequestSchema, {
        status: z._default(UserStatusSchema, 'active'),
        cases: z._default(z.array(z.extend(CaseCreateRequestSchema, { active: z._default(z.boolean(), true) })), []),
      }),
    ),
    [],
  ),
  webhooks: z._default(z.array(z.extend(WebhookCreateRequestSchema, { secret: WebhookSchema.shape.secret })), []),
})

/** Preload data as written in a seed file. */
export type PreloadInput = z.input<typeof PreloadSchema>
export type PreloadData = z.output<typeof PreloadSchema>

/** Thrown for preload data that breaks the format; the message lists every problem. */
export class PreloadError extends Error {
  override name = 'PreloadError'

  constructor(readonly problems: string[]) {
    super(`Invalid preload data:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`)
  }
}

/** Validates preload data, including the rules the API enforces (unique emails, WhatsApp needs a phone, one active case per receipt). */
export function parsePreload(input: unknown): PreloadData {
  const result = PreloadSchema.safeParse(input, { reportInput: true })
  if (!result.success) {
    throw new PreloadError(issuesToDetails(result.error.issues).map((detail) => `${detail.field}: ${detail.message}`))
  }
  const problems: string[] = []
  const emails = new Set<string>()
  result.data.users.forEach((user, index) => {
    const email = user.email.toLowerCase()
    if (emails.has(email)) problems.push(`users.${index}.email: ${user.email} appears twice`)
    emails.add(email)
    if (user.notify_by_whatsapp && !user.phone)
      problems.push(`users.${index}.phone: required when notify_by_whatsapp is true`)
    const receipts = new Set<string>()
    user.cases.forEach((item, caseIndex) => {
      const receipt = normalizeReceiptNumber(item.receipt_number)
      if (item.active && receipts.has(receipt)) {
        problems.push(`users.${index}.cases.${caseIndex}.receipt_number: ${receipt} is already tracked by this user`)
      }
      if (item.active) receipts.add(receipt)
    })
  })
  if (problems.length > 0) throw new PreloadError(problems)
  return result.data
}

/** Loads validated data into the mock's store, without sending events. */
export function applyPreload(ctx: MockContext, data: PreloadData): void {
  const now = ctx.now()
  for (const input of data.users) {
    const user = ctx.store.insertUser(
      {
        email: input.email,
        name: input.name,
        phone: input.phone ?? null,
        notify_by_email: input.notify_by_email,
        notify_by_whatsapp: input.notify_by_whatsapp,
        status: input.status,
        metadata: input.metadata ?? {},
      },
      now,
    )
    if (user.status === 'pending_verification') issueVerificationToken(ctx, user)
    for (const item of input.cases) {
      ctx.store.insertCase(
        {
          user_id: user.id,
          user_case_id: item.user_case_id ?? null,
          receipt_number: normalizeReceiptNumber(item.receipt_number),
          description: item.description ?? null,
          active: item.active,
          metadata: item.metadata ?? {},
        },
        now,
      )
    }
  }
  for (const input of data.webhooks) {
    ctx.store.insertWebhook({
      url: input.url,
      events: input.events,
      description: input.description ?? null,
      active: input.active,
      disabled_reason: null,
      created_at: now,
      updated_at: now,
      secret: input.secret ?? ctx.secret(),
      previous_secret: null,
      previous_secret_expires_at: null,
    })
  }
}
