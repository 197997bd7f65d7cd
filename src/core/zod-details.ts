/**
 * zod issues → the API's error `details`: one entry per field, dot-joined paths, each unknown
 * field named on its own, in words a reader can act on. The SDK's input checking and the
 * mock's request validation share it, so both explain a bad field the same way.
 */
import type * as z from 'zod/mini'
import type { ErrorDetail } from './errors'

type Issue = z.core.$ZodIssue

/**
 * Fields whose pattern or length limits mean nothing to a reader, and what to say instead. A
 * Map, not an object: a field name comes from the request, and `constructor` or `__proto__`
 * must not find Object.prototype's members.
 */
const FIELD_HINTS = new Map<string, { message: string; codes: readonly string[] }>([
  [
    'receipt_number',
    {
      message: 'must be a USCIS receipt number: three letters and ten digits, such as EAC2190012345',
      codes: ['invalid_format', 'too_small', 'too_big'],
    },
  ],
  ['phone', { message: 'must be an E.164 number such as +14155550123', codes: ['invalid_format'] }],
  [
    'url',
    {
      message: 'must be an https URL (http is allowed only for localhost and 127.0.0.1)',
      codes: ['invalid_format'],
    },
  ],
])

/** Objects whose keys are the caller's own (records), and what to say of a key they refuse. */
const KEY_HINTS = new Map<string, string>([['metadata', 'is not a valid key: use 1–40 letters, digits, `_` or `-`']])

/** Whether a field is an entry of a record such as `metadata`, whose keys are the caller's and never field names. */
const inRecord = (path: readonly string[]) => path.length >= 2 && KEY_HINTS.has(path[path.length - 2] as string)

function sizeMessage(origin: string, bound: number | bigint, below: boolean): string {
  const word = below ? 'at least' : 'at most'
  if (origin === 'string') return `must be ${word} ${bound} character${bound === 1 ? '' : 's'} long`
  if (origin === 'array' || origin === 'set') return `must have ${word} ${bound} item${bound === 1 ? '' : 's'}`
  return `must be ${below ? '≥' : '≤'} ${bound}`
}

function message(issue: Issue, path: readonly string[]): string {
  const hint = inRecord(path) ? undefined : FIELD_HINTS.get(path[path.length - 1] ?? '')
  if (hint?.codes.includes(issue.code)) return hint.message
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required'
      if (issue.expected === 'int') return 'must be an integer'
      if (issue.expected === 'boolean') return 'must be true or false'
      if (issue.expected === 'record') return 'must be an object'
      return `must be ${issue.expected === 'object' || issue.expected === 'array' ? 'an' : 'a'} ${issue.expected}`
    case 'too_small':
      return sizeMessage(issue.origin, issue.minimum, true)
    case 'too_big':
      return sizeMessage(issue.origin, issue.maximum, false)
    case 'invalid_format':
      if (issue.format === 'email') return 'must be a valid email address'
      if (issue.format === 'url') return 'must be a valid URL'
      if (issue.format === 'regex') return `must match ${String(issue.pattern)}`
      return `must be a valid ${issue.format}`
    case 'invalid_value':
      return `must be one of: ${issue.values.map((value) => String(value)).join(', ')}`
    case 'invalid_union':
      return 'has an invalid value'
    case 'invalid_key':
      return KEY_HINTS.get(path[path.length - 2] ?? '') ?? 'is not a valid key'
    default:
      return issue.message
  }
}

/**
 * Replaces each failed union by the issues of its closest branch (the one with the fewest
 * issues), so a detail names the exact bad field (`events.1`) rather than the whole union.
 */
function closestBranches(issues: readonly Issue[], prefix: readonly PropertyKey[] = []): Issue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path]
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best))
      if (closest.length > 0) return closestBranches(closest, path)
    }
    return [{ ...issue, path } as Issue]
  })
}

/** Turns zod issues into details (parse with `reportInput: true` so missing fields read "is required"). */
export function issuesToDetails(rawIssues: readonly Issue[]): ErrorDetail[] {
  const issues = closestBranches(rawIssues)
  const details: ErrorDetail[] = []
  const seen = new Set<string>()
  const add = (field: string, text: string) => {
    if (seen.has(field)) return
    seen.add(field)
    details.push({ field, message: text })
  }
  // "send at least 1 field" is misleading when the fields sent were all unknown ones, which are reported already.
  const unknownAtRoot = issues.some((issue) => issue.code === 'unrecognized_keys' && issue.path.length === 0)
  for (const issue of issues) {
    if (unknownAtRoot && issue.code === 'custom' && issue.path.length === 0) continue
    const path = issue.path.map((part) => String(part))
    if (issue.code === 'unrecognized_keys') {
      // Under a record (metadata), an unrecognized key is one the record refuses: `__proto__`.
      const text = KEY_HINTS.get(path[path.length - 1] ?? '') ?? 'is not a known field'
      for (const key of issue.keys) add([...path, key].join('.'), text)
      continue
    }
    const field = path.length > 0 ? path.join('.') : 'body'
    add(field, message(issue, path))
  }
  return details
}

/** Parses with a schema: the data, or the details of what is wrong. */
export function check<T extends z.ZodMiniType>(
  schema: T,
  value: unknown,
): { ok: true; data: z.output<T> } | { ok: false; details: ErrorDetail[] } {
  // Parsing without options takes zod's fast path (about 10× faster on this API's schemas); only
  // a failure is parsed again with `reportInput`, which the details need. Parsing is deterministic.
  const result = schema.safeParse(value)
  if (result.success) return { ok: true, data: result.data }
  const reported = schema.safeParse(value, { reportInput: true })
  return reported.success
    ? { ok: true, data: reported.data }
    : { ok: false, details: issuesToDetails(reported.error.issues) }
}

/** A one-line summary of details, for error messages. */
export function summarizeDetails(details: readonly ErrorDetail[]): string {
  return details.map((detail) => `${detail.field} ${detail.message}`).join('; ')
}
