/**
 * The checks of the generated schemas (src/generated/schemas.ts): the string formats openapi.yaml
 * uses (`date-time`, `date`, `uri`, `email`), integers, numeric bounds, lengths, patterns and
 * property counts, as plain zod checks on `z.string()`, `z.number()`, `z.array()` and objects, in
 * the order zod's own schemas and checks run them. Each accepts, rejects, outputs and reports
 * exactly what zod's `z.iso.datetime()`, `z.iso.date()`, `z.url()`, `z.email()`, `z.int()`,
 * `z.minimum()`, `z.maximum()`, `z.minLength()`, `z.maxLength()`, `z.regex()` and `z.refine()` do:
 * the same issues with the same messages (test/spec/schema-checks.test.ts compares them over many
 * inputs).
 *
 * Why not zod's own: size. Everything a bundler emits for `immigraflow` has a 20 kB min+gz budget
 * (`npm run size`), and zod's classes behind these checks were most of what it was over by. As
 * measured in that bundle: zod's four string format schemas cost 1015 B (a calendar regex built
 * from parts, URL options this API never sets, a schema class per format), these 427 B; `z.int()`
 * (a number format schema with every format's range) 386 B, `intFormat` 125 B; the rest together
 * took the bundle from 21.09 to 20.44 kB (21.43 kB before any of this).
 *
 * One difference nobody sees: string format issues carry no `pattern` (zod puts its regex's source
 * there); error details and zod's messages for a format never read it.
 */
import * as z from 'zod/mini'

type Payload<T> = z.core.ParsePayload<T>

/**
 * Reports `format` when `valid` refuses the string, as zod's string format schemas do (`url`
 * issues have no `origin` in zod).
 */
const formatCheck = (format: string, valid: (value: string) => boolean) => (payload: Payload<string>) => {
  if (valid(payload.value)) return
  payload.issues.push({
    ...(format === 'url' ? {} : { origin: 'string' as const }),
    code: 'invalid_format',
    format,
    input: payload.value,
    continue: true,
  })
}

/**
 * Whether `date` is `YYYY-MM-DD` naming a real day of the Gregorian calendar: what zod's date
 * regex spells out with one alternative per month length and per leap-year rule.
 */
function isRealDate(date: string): boolean {
  const match = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.exec(date)
  if (!match) return false
  const year = Number(match[1])
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Number(match[2]) - 1] as number
  return Number(match[3]) <= days
}

/** `format: date`: `z.iso.date()`. */
export const isoDateFormat = /* @__PURE__ */ formatCheck('date', isRealDate)

/** `format: date-time`: `z.iso.datetime()` (UTC `Z`, seconds required, any fraction of a second). */
export const isoDateTimeFormat = /* @__PURE__ */ formatCheck('datetime', (value) => {
  const match = /^(.{10})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z$/s.exec(value)
  return match !== null && isRealDate(match[1] as string)
})

/** `format: email`: `z.email()`, whose regex this is. */
export const emailFormat = /* @__PURE__ */ formatCheck('email', (value) =>
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/.test(value),
)

/** Whether the platform's URL parser accepts `value` (zod's test, with the fallback it has for runtimes without `URL.canParse`). */
function canParseUrl(value: string): boolean {
  try {
    return typeof URL.canParse === 'function' ? URL.canParse(value) : Boolean(new URL(value))
  } catch {
    return false
  }
}

/**
 * `format: uri`: `z.url()`. Like zod, it accepts what the platform's URL parser accepts once trimmed,
 * and outputs the trimmed string without tabs and line breaks (which the parser ignores), so the
 * checks after it see that string.
 */
export function urlFormat(payload: Payload<string>): void {
  const trimmed = payload.value.trim()
  if (canParseUrl(trimmed)) payload.value = trimmed.replace(/[\t\n\r]/g, '')
  else formatCheck('url', () => false)(payload)
}

/**
 * `type: integer`: `z.int()`, a safe integer. A value that is no integer stops the checks after it
 * (zod's `continue: false`); one beyond the safe range is reported as too big or too small.
 */
export function intFormat(payload: Payload<number>): void {
  const input = payload.value
  if (!Number.isInteger(input)) {
    payload.issues.push({ expected: 'int', format: 'safeint', code: 'invalid_type', continue: false, input })
    return
  }
  if (Number.isSafeInteger(input)) return
  const note = 'Integers must be within the safe integer range.'
  payload.issues.push(
    input > 0
      ? {
          input,
          code: 'too_big',
          maximum: Number.MAX_SAFE_INTEGER,
          note,
          origin: 'int',
          inclusive: true,
          continue: true,
        }
      : {
          input,
          code: 'too_small',
          minimum: Number.MIN_SAFE_INTEGER,
          note,
          origin: 'int',
          inclusive: true,
          continue: true,
        },
  )
}

/** `minimum`: `z.minimum(bound)`. */
export const minimum = (bound: number) => (payload: Payload<number>) => {
  const input = payload.value
  if (input >= bound) return
  payload.issues.push({ origin: 'number', code: 'too_small', minimum: bound, input, inclusive: true, continue: true })
}

/** `maximum`: `z.maximum(bound)`. */
export const maximum = (bound: number) => (payload: Payload<number>) => {
  const input = payload.value
  if (input <= bound) return
  payload.issues.push({ origin: 'number', code: 'too_big', maximum: bound, input, inclusive: true, continue: true })
}

/** `pattern`: `z.regex(regex)`. */
export const pattern = (regex: RegExp) => (payload: Payload<string>) => {
  const input = payload.value
  // zod resets `lastIndex` first; the generator writes its regexes without flags, so none has one to reset.
  if (regex.test(input)) return
  payload.issues.push({
    origin: 'string',
    code: 'invalid_format',
    format: 'regex',
    input,
    pattern: regex.toString(),
    continue: true,
  })
}

/**
 * `z.refine(valid, { message, when })`: a custom issue with `message` when `valid` refuses the
 * value. Without `when` it runs only when nothing before it stopped the checks; with it, whenever
 * `when` says so.
 */
export const refine = <T>(
  valid: (value: T) => boolean,
  message: string,
  when?: (payload: Payload<unknown>) => boolean,
) =>
  /* @__PURE__ */ z.check<T>((payload) => {
    if (!valid(payload.value)) {
      payload.issues.push({ code: 'custom', message, input: payload.value, path: [], continue: true })
    }
  }, when && { when })

/**
 * Whether zod's length checks run on a value: whenever it has a length, even after an issue that
 * would stop other checks (a value of the wrong type, say), so one answer reports both.
 */
const hasLength = (payload: Payload<unknown>) =>
  (payload.value as { length?: unknown } | null | undefined)?.length !== undefined

/**
 * A length as zod counts it: a string's in code points (a surrogate pair is one); anything else's
 * `length`. Counted only when the UTF-16 length cannot settle the comparison, as zod does, since a
 * code point is one or two units.
 */
const lengthOf = (input: { length: number }, inDoubt: (units: number) => boolean) =>
  typeof input === 'string' && inDoubt(input.length) ? [...input].length : input.length

const lengthOrigin = (input: unknown) =>
  Array.isArray(input) ? 'array' : typeof input === 'string' ? 'string' : ('unknown' as const)

/** `minLength` and `minItems`: `z.minLength(bound)`. */
export const minLength = (bound: number) =>
  /* @__PURE__ */ z.check<{ length: number }>(
    (payload) => {
      const input = payload.value
      if (lengthOf(input, (units) => units >= bound && units < bound * 2) >= bound) return
      payload.issues.push({
        origin: lengthOrigin(input),
        code: 'too_small',
        minimum: bound,
        inclusive: true,
        input,
        continue: true,
      })
    },
    { when: hasLength },
  )

/** `maxLength` and `maxItems`: `z.maxLength(bound)`. */
export const maxLength = (bound: number) =>
  /* @__PURE__ */ z.check<{ length: number }>(
    (payload) => {
      const input = payload.value
      if (lengthOf(input, (units) => units > bound) <= bound) return
      payload.issues.push({
        origin: lengthOrigin(input),
        code: 'too_big',
        maximum: bound,
        inclusive: true,
        input,
        continue: true,
      })
    },
    { when: hasLength },
  )
