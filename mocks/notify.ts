/**
 * Email and WhatsApp notifications of status updates, per channel:
 * `skipped` (baseline, channel off, user not active, WhatsApp without phone), else `pending`,
 * then `sent`, or `failed` after 3 attempts (retried 1 min and 5 min later on the mock clock).
 * A retry due once the user is no longer active (disabled, or re-verifying a changed email) or
 * has turned the channel off ends `skipped`, keeping the last attempt's error.
 *
 * Deterministic failures: email to any address at `bounce.example.com` and WhatsApp to any
 * number ending in `0000` are always rejected. Verification emails are always delivered (they
 * carry the token tests need), whatever the address.
 */
import type { MockContext } from './context'
import type { CaseRecord, Job, NotifyStatus, StatusUpdate, User } from './store'

/** Attempts per channel before a notification is marked `failed`. */
export const MAX_NOTIFY_ATTEMPTS = 3
/** Wait after a failed attempt 1 and 2. */
export const NOTIFY_RETRY_DELAYS_MS = [60_000, 300_000] as const

/** Why a message to this address fails, or null when it goes through. */
export function emailFailure(email: string): string | null {
  return /@bounce\.example\.com$/i.test(email)
    ? 'Mail server rejected the message: 550 5.1.1 mailbox unavailable'
    : null
}

/** Why a WhatsApp message to this number fails, or null when it goes through. */
export function whatsappFailure(phone: string): string | null {
  return phone.endsWith('0000') ? 'WhatsApp rejected the message: recipient not on WhatsApp' : null
}

type NotifyFields = Pick<
  StatusUpdate,
  | 'notified'
  | 'email_notify_status'
  | 'whatsapp_notify_status'
  | 'email_notify_attempts'
  | 'whatsapp_notify_attempts'
  | 'email_notify_last_error'
  | 'whatsapp_notify_last_error'
  | 'email_notify_sent_at'
  | 'whatsapp_notify_sent_at'
>

/** The starting notification fields of a new status update. */
export function initialNotifyFields(user: User | undefined, baseline: boolean): NotifyFields {
  const reachable = !baseline && user?.status === 'active'
  const email: NotifyStatus = reachable && user.notify_by_email ? 'pending' : 'skipped'
  const whatsapp: NotifyStatus = reachable && user.notify_by_whatsapp && user.phone ? 'pending' : 'skipped'
  return {
    notified: 0,
    email_notify_status: email,
    whatsapp_notify_status: whatsapp,
    email_notify_attempts: 0,
    whatsapp_notify_attempts: 0,
    email_notify_last_error: null,
    whatsapp_notify_last_error: null,
    email_notify_sent_at: null,
    whatsapp_notify_sent_at: null,
  }
}

/** Schedules the first attempt of every pending channel, now. */
export function scheduleNotifications(ctx: MockContext, update: StatusUpdate): void {
  for (const channel of ['email', 'whatsapp'] as const) {
    if (update[`${channel}_notify_status`] === 'pending') {
      ctx.clock.schedule(ctx.state().now, {
        kind: 'notify',
        case_id: update.case_id,
        status_update_id: update.id,
        channel,
        attempt: 1,
      })
    }
  }
}

function compose(channel: 'email' | 'whatsapp', record: CaseRecord, update: StatusUpdate) {
  const label = record.user_case_id ? ` (${record.user_case_id})` : ''
  if (channel === 'email') {
    return {
      subject: `${record.receipt_number}${label}: ${update.status_code}`,
      text: `${update.status_description}\n\n${update.status_description_es}`,
    }
  }
  return { subject: null, text: `ImmigraFlow: ${record.receipt_number}${label} is now "${update.status_code}".` }
}

/** One delivery attempt of one channel of one status update. */
export function runNotification(ctx: MockContext, job: Extract<Job, { kind: 'notify' }>): void {
  const state = ctx.state()
  const record = ctx.store.getCase(job.case_id)
  const update = ctx.store.findStatusUpdate(job.case_id, job.status_update_id)
  const user = record ? ctx.store.getUser(record.user_id) : undefined
  if (!record || !update || !user) return
  const channel = job.channel
  // A retry goes out only where a first attempt could: a user no longer active (disabled, or
  // re-verifying a changed email) or who turned the channel off is skipped from now on.
  const wanted = channel === 'email' ? user.notify_by_email : user.notify_by_whatsapp && user.phone !== null
  if (user.status !== 'active' || !wanted) {
    update[`${channel}_notify_status`] = 'skipped'
    return
  }
  const to = channel === 'email' ? user.email : (user.phone ?? '')
  const error = channel === 'email' ? emailFailure(to) : to ? whatsappFailure(to) : 'The user has no phone number'
  const message = compose(channel, record, update)
  state.outbox.push({
    id: ++state.counters.message,
    channel,
    kind: 'status_update',
    to,
    subject: message.subject,
    text: message.text,
    token: null,
    user_id: user.id,
    case_id: record.id,
    status_update_id: update.id,
    attempt: job.attempt,
    status: error ? 'failed' : 'sent',
    error,
    created_at: ctx.now(),
  })
  update[`${channel}_notify_attempts`] = job.attempt
  if (!error) {
    update[`${channel}_notify_status`] = 'sent'
    update[`${channel}_notify_sent_at`] = ctx.now()
    update[`${channel}_notify_last_error`] = null
    update.notified++
    return
  }
  update[`${channel}_notify_last_error`] = error
  const delay = NOTIFY_RETRY_DELAYS_MS[job.attempt - 1]
  if (job.attempt < MAX_NOTIFY_ATTEMPTS && delay !== undefined) {
    ctx.clock.schedule(state.now + delay, { ...job, attempt: job.attempt + 1 })
  } else {
    update[`${channel}_notify_status`] = 'failed'
  }
}
