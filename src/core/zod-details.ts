import type { ErrorDetail } from './errors'

/** The parts of a zod issue the API's error details are made from. */
export type IssueLike = {
  code: string
  path: readonly PropertyKey[]
  message: string
  keys?: readonly string[]
}

/** Clearer words for fields whose pattern or length limits mean nothing to a reader. */
const FIELD_HINTS: Record<string, { message: string; codes: readonly string[] }> = {
  receipt_number: {
    message: 'must be 3 letters and 10 digits, like EAC2190012345 (spaces and hyphens are ignored)',
    codes: ['invalid_format', 'too_small', 'too_big'],
  },
  phone: { message: 'must be an E.164 number such as +14155550123', codes: ['invalid_format'] },
  url: { message: 'must be an https URL (http is allowed for localhost and 127.0.0.1)', codes: ['invalid_format'] },
}

/**
 * Turns zod issues into the API's `details`: one entry per field, dot-separated paths, each
 * unknown field named on its own.
 */
export function issuesToDetails(issues: readonly IssueLike[], prefix: readonly PropertyKey[] = []): ErrorDetail[] {
  const details: ErrorDetail[] = []
  for (const issue of issues) {
    const path = [...prefix, ...issue.path].map(String)
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) details.push({ field: [...path, key].join('.'), message: 'is not a known field' })
      continue
    }
    const field = path.join('.') || 'body'
    if (details.some((detail) => detail.field === field)) continue
    const last = path[path.length - 1] ?? ''
    const hint = FIELD_HINTS[last]
    const message = hint?.codes.includes(issue.code) ? hint.message : lowerFirst(issue.message)
    details.push({ field, message })
  }
  return details
}

/** A one-line summary of details, for error messages. */
export function summarizeDetails(details: readonly ErrorDetail[]): string {
  return details.map((detail) => `${detail.field} ${detail.message}`).join('; ')
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}
