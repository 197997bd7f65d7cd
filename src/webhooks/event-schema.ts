/**
 * What `unwrap` loads on first use: the event schemas alone (none of the API's request and
 * response schemas) and zod's English messages for the issues it reports.
 */
import { en } from 'zod/locales'
import { WebhookEventSchema } from '../generated/webhook-events'

/** Parses an event; on failure, each issue with zod's English message, whatever locale the app configured. */
export function parseEvent(json: unknown) {
  const result = WebhookEventSchema.safeParse(json)
  if (result.success) return result
  // zod/mini carries no messages of its own: they come from the locale, given only when needed.
  return WebhookEventSchema.safeParse(json, { error: en().localeError })
}
