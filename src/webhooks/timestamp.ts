import { WebhookVerificationError } from './errors'

/** Seconds a webhook-timestamp may differ from the clock, either way, before it is rejected (Standard Webhooks' default). */
export const DEFAULT_TOLERANCE_SECONDS = 300

/** Beyond this a number given as seconds is surely milliseconds (it would be after the year 5000). */
const MAX_PLAUSIBLE_SECONDS = 1e11

/** Checks a `webhook-timestamp` header against the clock; throws `invalid_timestamp` or `timestamp_too_old/new`. */
export function checkTimestamp(header: string, tolerance: number, now: Date | number | undefined): void {
  if (!/^[0-9]+$/.test(header)) {
    throw new WebhookVerificationError(
      'invalid_timestamp',
      `webhook-timestamp must be unix seconds, got ${JSON.stringify(header.slice(0, 40))}.`,
    )
  }
  const nowMs = typeof now === 'number' ? now : now === undefined ? Date.now() : now.getTime()
  // Fail closed: with NaN every comparison below is false, which would switch the replay check off.
  if (!Number.isFinite(nowMs) || !(tolerance >= 0)) {
    throw new WebhookVerificationError('invalid_timestamp', 'Invalid `now` (Date or epoch ms) or `tolerance` option.')
  }
  const age = Math.floor(nowMs / 1000) - Number(header)
  if (age > tolerance) {
    throw new WebhookVerificationError(
      'timestamp_too_old',
      `webhook-timestamp is too old: ${age} s ago, ${age - tolerance} s past the ${tolerance} s tolerance (a replay, or a wrong clock?).`,
    )
  }
  if (-age > tolerance) {
    throw new WebhookVerificationError(
      'timestamp_too_new',
      `webhook-timestamp is too new: ${-age} s ahead, ${-age - tolerance} s past the ${tolerance} s tolerance (a wrong clock?).`,
    )
  }
}

/** Unix seconds from a Date or a number of seconds; throws `invalid_timestamp` for anything else. */
export function toUnixSeconds(timestamp: Date | number): number {
  const seconds = typeof timestamp === 'number' ? timestamp : Math.floor(timestamp.getTime() / 1000)
  // Written so that NaN fails too.
  if (!(seconds >= 0 && seconds < MAX_PLAUSIBLE_SECONDS)) {
    throw new WebhookVerificationError(
      'invalid_timestamp',
      `sign() needs \`timestamp\` as unix seconds or a Date, got ${seconds}${seconds > 0 ? ' (milliseconds?)' : ''}.`,
    )
  }
  return Math.floor(seconds)
}
