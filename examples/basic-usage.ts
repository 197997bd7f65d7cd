/**
 * Basic usage: register a user, verify their email, track a case and check it at USCIS, then
 * keep your own data on the case and find it by that data.
 *
 * Run it against the built-in mock with `npx tsx examples/basic-usage.ts`.
 */
import type { ImmigraFlow } from 'immigraflow'
import { runExample } from './support'

/** What the example needs from outside: the token the user would click in their verification email. */
export type Inbox = { verificationToken(email: string): Promise<string> }

export async function basicUsage(client: ImmigraFlow, inbox: Inbox) {
  // #region register
  const user = await client.users.create({
    email: 'maria.lopez@example.com',
    name: 'María López',
    phone: '+14155550123',
    notify_by_whatsapp: true,
  })
  console.log(user.status) // "pending_verification": a verification email is on its way
  // #endregion

  const token = await inbox.verificationToken(user.email)
  // #region verify
  const verified = await client.users.verifyEmail({ token })
  console.log(verified.status) // "active"
  // #endregion

  // #region track
  // Receipt numbers may be typed the way people write them; the SDK normalises them.
  const { case: tracked } = await client.cases.create(user.id, {
    receipt_number: 'eac-21-900-12345',
    user_case_id: 'Green card',
  })
  const check = await client.check.status({ receipt_number: tracked.receipt_number })
  console.log(check.status.status_code, '/', check.status.status_code_es)

  const details = await client.cases.retrieve(tracked.id)
  for (const update of details.status_updates) {
    console.log(update.timestamp, update.status_code, update.email_notify_status)
  }
  // #endregion

  // #region metadata
  // Your own data on a user or case, such as your CRM's ids: string values, merged on update.
  await client.cases.update(tracked.id, { metadata: { crm_case_id: 'OPP-2291', stage: 'filed' } })
  await client.cases.update(tracked.id, { metadata: { stage: '' } }) // "" removes a key
  const ours = await client.cases.list(user.id, { metadata: { crm_case_id: 'OPP-2291' } })
  console.log(ours.data[0]?.metadata) // { crm_case_id: 'OPP-2291' }
  // #endregion
  return { user: verified, details, check, ours }
}

await runExample(import.meta.url, basicUsage)
