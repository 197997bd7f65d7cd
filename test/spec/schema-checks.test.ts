/**
 * The generated schemas' own checks (src/core/schema-checks.ts) against the zod checks they stand
 * in for: over many inputs, each pair must agree on success, output, every issue and its message
 * (zod's English locale and the API's error details).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { en } from 'zod/locales'
import * as z from 'zod/mini'
import {
  emailFormat,
  intFormat,
  isoDateFormat,
  isoDateTimeFormat,
  maximum,
  maxLength,
  minimum,
  minLength,
  pattern,
  refine,
  urlFormat,
} from '../../src/core/schema-checks'
import { issuesToDetails } from '../../src/core/zod-details'

const RUNS = 3000

/** zod's string format issues name its regex in `pattern`; ours leave it out (nothing reads it). */
const withoutFormatPattern = (issues: readonly z.core.$ZodIssue[]) =>
  issues.map((issue) =>
    issue.code === 'invalid_format' && issue.format !== 'regex' ? { ...issue, pattern: undefined } : issue,
  )

function parsed(schema: z.ZodMiniType, input: unknown) {
  const plain = schema.safeParse(input, { reportInput: true })
  const english = schema.safeParse(input, { reportInput: true, error: en().localeError })
  return {
    success: plain.success,
    data: plain.data,
    issues: withoutFormatPattern(plain.error?.issues ?? []),
    english: withoutFormatPattern(english.error?.issues ?? []),
    details: issuesToDetails(plain.error?.issues ?? []),
  }
}

/** Asserts that `ours` and `zods` agree on every input `inputs` draws. */
function agree(ours: z.ZodMiniType, zods: z.ZodMiniType, inputs: fc.Arbitrary<unknown>, numRuns = RUNS): void {
  fc.assert(
    fc.property(inputs, (input) => {
      expect(parsed(ours, input)).toEqual(parsed(zods, input))
    }),
    { numRuns },
  )
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')
/** Dates and times near and beyond the calendar's limits: day 0 to 32, month 0 to 13, leap and century years. */
const dateParts = fc.record({
  year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(1900, 2000, 2100, 2024, 2023, 1600, 400, 0, 4)),
  month: fc.oneof(fc.integer({ min: 0, max: 13 }), fc.constant(2)),
  day: fc.oneof(fc.integer({ min: 0, max: 32 }), fc.constantFrom(29, 30, 31)),
})
const isoDates = dateParts.map(({ year, month, day }) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`)
/** Well-formed UTC timestamps on any of those days, as the API writes them. */
const utcDateTimes = fc
  .tuple(isoDates, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }))
  .map(([date, hour, minute, second]) => `${date}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.000Z`)
const isoDateTimes = fc
  .tuple(
    isoDates,
    fc.constantFrom('T', 't', ' ', 'T'),
    fc.integer({ min: 0, max: 25 }),
    fc.integer({ min: 0, max: 61 }),
    fc.option(fc.integer({ min: 0, max: 61 })),
    fc.option(fc.stringMatching(/^[0-9]{0,12}$/)),
    fc.constantFrom('Z', 'Z', 'z', '', '+01:00', '-00:00', 'Z\n', ' Z'),
  )
  .map(
    ([date, t, hour, minute, second, fraction, zone]) =>
      `${date}${t}${pad(hour, 2)}:${pad(minute, 2)}${second === null ? '' : `:${pad(second, 2)}`}${
        fraction === null ? '' : `.${fraction}`
      }${zone}`,
  )
/** A string with characters inserted, removed or swapped, so near misses of a format are drawn too. */
const mutated = (strings: fc.Arbitrary<string>, alphabet: string) =>
  fc
    .tuple(strings, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...alphabet), fc.boolean()), { maxLength: 3 }))
    .map(([text, edits]) =>
      edits.reduce((acc, [at, char, insert]) => {
        const i = acc.length === 0 ? 0 : at % acc.length
        return insert ? acc.slice(0, i) + char + acc.slice(i) : acc.slice(0, i) + acc.slice(i + 1)
      }, text),
    )
const notStrings = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.object())

describe('schema checks behave as the zod checks they replace', () => {
  it('isoDateTimeFormat: z.iso.datetime()', () => {
    const strings = fc.oneof(
      utcDateTimes,
      isoDateTimes,
      mutated(isoDateTimes, '0123456789-:.TZ \n'),
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
      fc.string(),
      notStrings,
    )
    agree(z.string().check(isoDateTimeFormat), z.iso.datetime(), strings)
  })

  it('isoDateFormat: z.iso.date()', () => {
    const strings = fc.oneof(isoDates, mutated(isoDates, '0123456789-T\n '), fc.string(), notStrings)
    agree(z.string().check(isoDateFormat), z.iso.date(), strings)
  })

  it('isoDateFormat accepts every day of the calendar from year 0 to 9999, and no other', () => {
    fc.assert(
      fc.property(dateParts, ({ year, month, day }) => {
        const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
        const real = new Date(0)
        real.setUTCFullYear(year, month - 1, day)
        const exists = month >= 1 && month <= 12 && real.getUTCMonth() === month - 1 && real.getUTCDate() === day
        expect(z.string().check(isoDateFormat).safeParse(text).success).toBe(exists)
      }),
      { numRuns: RUNS },
    )
  })

  it('emailFormat: z.email()', () => {
    const emails = fc.oneof(
      fc.emailAddress(),
      mutated(fc.emailAddress(), "aZ09_'+-.@ é"),
      fc.stringMatching(/^[a-zA-Z0-9_'+.-]{0,6}@[a-zA-Z0-9.-]{0,8}$/),
      fc.string(),
      notStrings,
    )
    agree(z.string().check(emailFormat), z.email(), emails)
  })

  it('urlFormat: z.url(), and the checks after it see the same trimmed value', () => {
    const webhookPattern = /^(https:\/\/|http:\/\/(localhost|127\.0\.0\.1)(:[0-9]+)?(\/|$))/
    const urls = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      mutated(fc.webUrl(), ' \t\n\r:/[]%@#?\\'),
      fc
        .tuple(fc.constantFrom('', ' ', '\t', '\n', ' \r\n'), fc.webUrl(), fc.constantFrom('', ' ', '\n', '\u00a0'))
        .map(([before, url, after]) => before + url + after),
      fc.stringMatching(/^[a-z]{0,6}:[/]{0,3}[a-z0-9.:\t\n@]{0,12}$/),
      fc.constantFrom('http://localhost', 'http://127.0.0.1:8080/x', 'mailto:a@b.c', 'https://', 'a:b', ' '),
      fc.string(),
      notStrings,
    )
    agree(z.string().check(urlFormat), z.url(), urls)
    agree(
      z.string().check(urlFormat, z.maxLength(40), pattern(webhookPattern)),
      z.url().check(z.maxLength(40), z.regex(webhookPattern)),
      urls,
    )
  })

  it('intFormat, minimum, maximum: z.int(), z.minimum(), z.maximum()', () => {
    const numbers = fc.oneof(
      fc.integer({ min: -5, max: 105 }),
      fc.integer(),
      fc.double(),
      fc.constantFrom(2 ** 53, 2 ** 53 - 1, -(2 ** 53), -(2 ** 53) + 1, 1e300, -1e300, 0.5, -0, Number.NaN),
      fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
      fc.string(),
      notStrings,
    )
    agree(z.number().check(intFormat), z.int(), numbers)
    agree(z.number().check(intFormat, minimum(1)), z.int().check(z.minimum(1)), numbers)
    agree(z.number().check(intFormat, minimum(1), maximum(100)), z.int().check(z.minimum(1), z.maximum(100)), numbers)
    agree(z.number().check(minimum(0), maximum(1)), z.number().check(z.minimum(0), z.maximum(1)), numbers)
  })

  it('pattern: z.regex() with the patterns of openapi.yaml', () => {
    const patterns = [
      /^[A-Z]{3}[0-9]{10}$/,
      /^[\s-]*([A-Za-z][\s-]*){3}([0-9][\s-]*){10}$/,
      /^\+[1-9][0-9]{1,14}$/,
      /^(?!__proto__$)[A-Za-z0-9_-]{1,40}$/,
      /^whsec_[A-Za-z0-9+/]{43}=$/,
    ]
    const strings = fc.oneof(
      fc.stringMatching(/^[A-Z]{3}[0-9]{10}$/),
      fc.stringMatching(/^\+[0-9]{1,16}$/),
      fc.stringMatching(/^[A-Za-z0-9_ -]{0,41}$/),
      fc.constantFrom('__proto__', 'eac-21-900-12345'),
      fc.string(),
      notStrings,
    )
    for (const regex of patterns) {
      agree(
        z.string().check(pattern(regex), z.maxLength(20)),
        z.string().check(z.regex(regex), z.maxLength(20)),
        strings,
      )
    }
  })

  it('refine: z.refine(), with and without `when`', () => {
    const atLeastOne = (value: object) => Object.keys(value).length >= 1
    const atMostTwo = (value: object) => Object.keys(value).length <= 2
    const when = (payload: z.core.ParsePayload<unknown>) => typeof payload.value === 'object' && payload.value !== null
    const objects = fc.oneof(
      fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.oneof(fc.string({ maxLength: 3 }), fc.integer())),
      notStrings,
      fc.string(),
    )
    const shape = { a: z.optional(z.string().check(z.minLength(1))), b: z.optional(z.string()) }
    agree(
      z.strictObject(shape).check(refine(atLeastOne, 'send at least 1 field')),
      z.strictObject(shape).check(z.refine(atLeastOne, { message: 'send at least 1 field' })),
      objects,
    )
    agree(
      z.record(z.string(), z.string().check(z.minLength(1))).check(refine(atMostTwo, 'must have at most 2 keys', when)),
      z
        .record(z.string(), z.string().check(z.minLength(1)))
        .check(z.refine(atMostTwo, { message: 'must have at most 2 keys', when })),
      objects,
    )
    const unique = (items: unknown[]) => new Set(items.map((item) => JSON.stringify(item))).size === items.length
    agree(
      z.array(z.enum(['x', 'y', 'z'])).check(z.minLength(1), refine(unique, 'items must be unique')),
      z.array(z.enum(['x', 'y', 'z'])).check(z.minLength(1), z.refine(unique, { message: 'items must be unique' })),
      fc.oneof(fc.array(fc.constantFrom('x', 'y', 'z', 'w'), { maxLength: 4 }), notStrings),
    )
  })

  it('minLength, maxLength: z.minLength(), z.maxLength(), counting code points, and run after a wrong type', () => {
    const texts = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.string({ unit: fc.constantFrom('a', '\ud83d', '\ude00', '\ud83d\ude00'), maxLength: 8 }),
    )
    const values = fc.oneof(
      texts,
      fc.array(fc.string({ maxLength: 2 }), { maxLength: 6 }),
      fc.record({ length: fc.oneof(fc.nat(10), fc.constant(undefined)) }),
      notStrings,
    )
    for (const [min, max] of [
      [1, 3],
      [3, 5],
      [0, 0],
      [2, 2],
    ] as const) {
      agree(
        z.string().check(minLength(min), maxLength(max)),
        z.string().check(z.minLength(min), z.maxLength(max)),
        values,
      )
      agree(
        z.array(z.string()).check(minLength(min), maxLength(max)),
        z.array(z.string()).check(z.minLength(min), z.maxLength(max)),
        values,
      )
    }
  })
})
