/**
 * Request expectations over the mock's request log: which entries match, and when none (or not
 * the expected number) do, the closest that did not, each with what differed, as WireMock's
 * `verify` reports them. One module for both transports: `api.control.expectRequest` evaluates
 * in process, and `POST /__mock/expect` evaluates beside the log, so a client in another process
 * never downloads the log. Platform-neutral.
 */
import { type OperationId, operations } from '../src/generated/zod'
import type { RequestLogEntry } from './store'

/** Which request log entries `requests(filter)` returns: every field given must match. */
export interface RequestFilter {
  /** The operationId, as in openapi.yaml (`createCase`). */
  operation?: OperationId
  /** The HTTP status answered. */
  status?: number
  /** The HTTP method (any case). */
  method?: string
  /** The path as logged (`/v1/users/1/cases`), without the query. */
  path?: string
}

/** What `expectRequest` looks for in the request log. Every field given must match. */
export interface RequestExpectation extends RequestFilter {
  /**
   * How many requests must match: exactly this many (a whole number 0–1 000 000) when given, else
   * at least one.
   */
  times?: number
  /**
   * Part of the JSON request body: every field given must be there with that value, nested
   * objects compared the same way, arrays element by element with the same length.
   */
  body?: unknown
  /** Path parameters, compared as text (`{ user_id: 1 }` matches `/v1/users/1/cases`). */
  params?: Record<string, string | number>
  /** Query parameters, compared as text; an array matches a repeated parameter. */
  query?: Record<string, string | number | boolean | Array<string | number | boolean>>
  /**
   * Request headers (names in any case), compared as logged. `Authorization` is refused: the log
   * keeps it redacted (`Bearer sk_…1234`), so two keys with the same ends would look the same.
   */
  headers?: Record<string, string>
}

/** A request that did not match, and why. */
export interface NearMiss {
  request_id: string
  method: string
  path: string
  operation: string | null
  status: number
  /** What differed from the expectation, e.g. `status 422, not 201 (validation_failed: …)`. */
  reasons: string[]
}

/** The outcome of one expectation. */
export interface ExpectationResult {
  /** Whether the log satisfies the expectation. */
  matched: boolean
  /** The entries that match, oldest first. */
  data: RequestLogEntry[]
  /** The closest entries that did not match (5 at most), closest first; empty when matched. */
  near_misses: NearMiss[]
  /** Why the expectation failed, with the near misses; null when matched. */
  message: string | null
}

/** At most this many near misses are reported. */
export const NEAR_MISSES = 5

const FILTER_FIELDS = ['operation', 'status', 'method', 'path'] as const
const EXPECTATION_FIELDS = [...FILTER_FIELDS, 'times', 'body', 'params', 'query', 'headers'] as const
const IDS = Object.keys(operations) as OperationId[]

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Checks a filter or expectation as sent by a caller; a bad field is a `RangeError` naming it. */
function checkFields(input: unknown, allowed: readonly string[], what: string): Record<string, unknown> {
  if (!isRecord(input)) throw new RangeError(`${what} must be an object.`)
  const unknown = Object.keys(input).filter((name) => !allowed.includes(name))
  if (unknown.length > 0)
    throw new RangeError(`${what}: unknown field ${unknown.join(', ')}; use any of ${allowed.join(', ')}.`)
  const { operation, status, method, path } = input
  if (operation !== undefined) {
    if (typeof operation !== 'string' || !(IDS as string[]).includes(operation)) {
      const near = typeof operation === 'string' && IDS.find((id) => id.toLowerCase() === operation.toLowerCase())
      throw new RangeError(
        `${what}: operation ${JSON.stringify(operation)} is not an operationId of openapi.yaml${near ? `; did you mean ${near}?` : ''}.`,
      )
    }
  }
  if (status !== undefined && !(Number.isInteger(status) && (status as number) >= 100 && (status as number) <= 599))
    throw new RangeError(`${what}: status must be an HTTP status (100–599), got ${JSON.stringify(status)}.`)
  if (method !== undefined && (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method)))
    throw new RangeError(`${what}: method must be an HTTP method such as "POST", got ${JSON.stringify(method)}.`)
  if (path !== undefined && (typeof path !== 'string' || !path.startsWith('/')))
    throw new RangeError(`${what}: path must start with "/", got ${JSON.stringify(path)}.`)
  return input
}

/** A request filter from a caller, checked. */
export function parseRequestFilter(input: unknown): RequestFilter {
  return checkFields(input, FILTER_FIELDS, 'requests filter') as RequestFilter
}

function checkTextRecord(value: unknown, field: string, allowArrays: boolean): void {
  if (value === undefined) return
  if (!isRecord(value)) throw new RangeError(`expectation: ${field} must be an object of names and values.`)
  for (const [name, item] of Object.entries(value)) {
    const items = allowArrays && Array.isArray(item) ? item : [item]
    for (const one of items) {
      if (!['string', 'number', 'boolean'].includes(typeof one) || (typeof one === 'boolean' && field !== 'query'))
        throw new RangeError(
          `expectation: ${field}.${name} must be ${field === 'query' ? 'a string, number or boolean' : 'a string or number'}.`,
        )
    }
  }
}

/** The most `times` may ask for. */
export const MAX_TIMES = 1_000_000

/** Throws unless `value` is what JSON carries (so an expectation means the same in process and over HTTP). */
function checkJson(value: unknown, at: string): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return
    throw new RangeError(`expectation: ${at} is ${value}, which a JSON body cannot hold.`)
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) checkJson(item, `${at}[${index}]`)
    return
  }
  if (isRecord(value) && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) checkJson(item, `${at}.${key}`)
    return
  }
  const kind = value === undefined ? 'undefined' : isRecord(value) ? 'not a plain object' : `a ${typeof value}`
  throw new RangeError(
    `expectation: ${at} is ${kind}, which a JSON body cannot hold; leave it out or give a JSON value.`,
  )
}

/** An expectation from a caller, checked. */
export function parseExpectation(input: unknown): RequestExpectation {
  const expectation = checkFields(input, EXPECTATION_FIELDS, 'expectation')
  const { times } = expectation
  if (times !== undefined && !(Number.isInteger(times) && (times as number) >= 0 && (times as number) <= MAX_TIMES))
    throw new RangeError(
      `expectation: times must be a whole number from 0 to 1 000 000, got ${typeof times === 'number' ? String(times) : JSON.stringify(times)}.`,
    )
  if (expectation.body !== undefined) checkJson(expectation.body, 'body')
  checkTextRecord(expectation.params, 'params', false)
  checkTextRecord(expectation.query, 'query', true)
  if (expectation.headers !== undefined) {
    if (!isRecord(expectation.headers))
      throw new RangeError('expectation: headers must be an object of names and values.')
    for (const [name, value] of Object.entries(expectation.headers)) {
      if (name.toLowerCase() === 'authorization')
        throw new RangeError(
          `expectation: headers.${name} cannot be matched: the request log keeps it redacted ("Bearer sk_…1234"), so different keys with the same ends would match. Leave it out; a mock started with an API key answers 401 to a wrong one.`,
        )
      if (typeof value !== 'string') throw new RangeError(`expectation: headers.${name} must be a string.`)
    }
  }
  return expectation as RequestExpectation
}

/** The entries that pass `filter`, oldest first. */
export function filterRequests(entries: readonly RequestLogEntry[], filter: RequestFilter = {}): RequestLogEntry[] {
  const method = filter.method?.toUpperCase()
  return entries.filter(
    (entry) =>
      (filter.operation === undefined || entry.operation === filter.operation) &&
      (filter.status === undefined || entry.status === filter.status) &&
      (method === undefined || entry.method.toUpperCase() === method) &&
      (filter.path === undefined || entry.path === filter.path),
  )
}

const show = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value))

/** Where `actual` differs from the partial `expected`, as `body.a.b: expected …, got …` (3 at most). */
function bodyDifferences(expected: unknown, actual: unknown, at: string, found: string[]): void {
  if (found.length >= 3) return
  if (isRecord(expected)) {
    if (!isRecord(actual)) {
      found.push(`${at}: expected an object, got ${show(actual)}`)
      return
    }
    for (const [key, value] of Object.entries(expected)) {
      if (!(key in actual)) found.push(`${at}.${key}: expected ${show(value)}, missing`)
      else bodyDifferences(value, actual[key], `${at}.${key}`, found)
      if (found.length >= 3) return
    }
    return
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      found.push(`${at}: expected ${show(expected)}, got ${show(actual)}`)
      return
    }
    for (const [index, item] of expected.entries()) bodyDifferences(item, actual[index], `${at}[${index}]`, found)
    return
  }
  if (!Object.is(expected, actual) && !(expected === 0 && actual === 0))
    found.push(`${at}: expected ${show(expected)}, got ${show(actual)}`)
}

/** The error an entry's response body describes: `validation_failed: receipt_number: must …`. */
function answeredError(entry: RequestLogEntry): string | null {
  if (entry.response_body === null) return null
  try {
    const { error } = JSON.parse(entry.response_body) as {
      error?: { code?: string; message?: string; details?: Array<{ field: string; message: string }> }
    }
    if (!error?.code) return null
    const details = error.details?.map((detail) => `${detail.field}: ${detail.message}`).join('; ')
    return `${error.code}: ${details || error.message}`
  } catch {
    return null
  }
}

/** How far an entry is from the expectation (lower is closer) and why it does not match. */
function compare(expectation: RequestExpectation, entry: RequestLogEntry): { score: number; reasons: string[] } {
  const reasons: string[] = []
  let score = 0
  const miss = (weight: number, reason: string) => {
    score += weight
    reasons.push(reason)
  }
  if (expectation.operation !== undefined && entry.operation !== expectation.operation)
    miss(100, `operation ${entry.operation ?? '(none: no operation has this path)'}, not ${expectation.operation}`)
  if (expectation.method !== undefined && entry.method.toUpperCase() !== expectation.method.toUpperCase())
    miss(50, `method ${entry.method}, not ${expectation.method.toUpperCase()}`)
  if (expectation.path !== undefined && entry.path !== expectation.path)
    miss(20, `path ${entry.path}, not ${expectation.path}`)
  if (expectation.status !== undefined && entry.status !== expectation.status) {
    const error = answeredError(entry)
    const answered = entry.status === 0 ? 'the connection was dropped' : `status ${entry.status}`
    miss(10, `${answered}, not ${expectation.status}${error ? ` (${error})` : ''}`)
  }
  for (const [name, value] of Object.entries(expectation.params ?? {})) {
    const actual = entry.params?.[name]
    if (actual === undefined) miss(5, `path parameter ${name} missing`)
    else if (actual !== String(value)) miss(5, `path parameter ${name} is ${actual}, not ${value}`)
  }
  if (Object.keys(expectation.query ?? {}).length > 0) {
    const query = new URLSearchParams(entry.query)
    for (const [name, value] of Object.entries(expectation.query ?? {})) {
      const actual = query.getAll(name)
      const wanted = (Array.isArray(value) ? value : [value]).map(String)
      if (actual.length === 0) miss(3, `query ${name} missing`)
      else if (actual.join('\u0000') !== wanted.join('\u0000'))
        miss(3, `query ${name} is ${actual.join(', ')}, not ${wanted.join(', ')}`)
    }
  }
  if (expectation.body !== undefined) {
    let actual: unknown
    let parsed = entry.request_body !== null
    try {
      actual = parsed ? JSON.parse(entry.request_body as string) : undefined
    } catch {
      parsed = false
    }
    if (entry.request_body === null) miss(3, 'no request body')
    else if (!parsed) miss(3, 'the request body is not JSON (or was longer than the 2 000 characters the log keeps)')
    else {
      const found: string[] = []
      bodyDifferences(expectation.body, actual, 'body', found)
      for (const difference of found) miss(3, difference)
    }
  }
  for (const [name, wanted] of Object.entries(expectation.headers ?? {})) {
    const lower = name.toLowerCase()
    const actual = entry.headers?.[lower]
    if (actual === undefined) miss(3, `header ${lower} missing`)
    else if (actual !== wanted) miss(3, `header ${lower} is ${JSON.stringify(actual)}, not ${JSON.stringify(wanted)}`)
  }
  return { score, reasons }
}

/** The expectation in words: `createCase, status 201, body {"receipt_number":"EAC2190012340"}`. */
export function describeExpectation(expectation: RequestExpectation): string {
  const parts: string[] = []
  if (expectation.operation !== undefined) parts.push(expectation.operation)
  if (expectation.method !== undefined) parts.push(`method ${expectation.method.toUpperCase()}`)
  if (expectation.path !== undefined) parts.push(`path ${expectation.path}`)
  if (expectation.status !== undefined) parts.push(`status ${expectation.status}`)
  if (expectation.params !== undefined) parts.push(`params ${JSON.stringify(expectation.params)}`)
  if (expectation.query !== undefined) parts.push(`query ${JSON.stringify(expectation.query)}`)
  if (expectation.body !== undefined) parts.push(`body ${JSON.stringify(expectation.body)}`)
  if (expectation.headers !== undefined) parts.push(`headers ${JSON.stringify(expectation.headers)}`)
  return parts.length === 0 ? 'any request' : parts.join(', ')
}

const line = (entry: { request_id: string; method: string; path: string; status: number; operation: string | null }) =>
  `${entry.request_id} ${entry.method} ${entry.path} → ${entry.status === 0 ? 'dropped' : entry.status}`

/** Evaluates an expectation (checked with `parseExpectation`) over the request log. */
export function evaluateExpectation(
  entries: readonly RequestLogEntry[],
  expectation: RequestExpectation,
): ExpectationResult {
  const matches: RequestLogEntry[] = []
  const misses: Array<{ entry: RequestLogEntry; score: number; reasons: string[]; index: number }> = []
  entries.forEach((entry, index) => {
    const { score, reasons } = compare(expectation, entry)
    if (reasons.length === 0) matches.push(entry)
    else misses.push({ entry, score, reasons, index })
  })
  const { times } = expectation
  const matched = times === undefined ? matches.length > 0 : matches.length === times
  if (matched) return { matched, data: structuredClone(matches), near_misses: [], message: null }

  // Closest first; among equals, the newest first.
  misses.sort((a, b) => a.score - b.score || b.index - a.index)
  const tooMany = times !== undefined && matches.length > times
  const near_misses: NearMiss[] = (tooMany ? [] : misses.slice(0, NEAR_MISSES)).map(({ entry, reasons }) => ({
    request_id: entry.request_id,
    method: entry.method,
    path: entry.path,
    operation: entry.operation,
    status: entry.status,
    reasons,
  }))
  const wanted = times === undefined ? 'at least 1 request' : `${times} request${times === 1 ? '' : 's'}`
  const saw =
    matches.length === 0
      ? 'saw 0'
      : `saw ${matches.length}: ${matches
          .slice(0, 10)
          .map((entry) => entry.request_id)
          .join(', ')}${matches.length > 10 ? ', …' : ''}`
  const lines = [`Expected ${wanted} matching ${describeExpectation(expectation)}; ${saw}.`]
  if (tooMany) {
    // Too many: the near misses would not help; the extra matches are the story.
    lines.push('Requests that matched:', ...matches.slice(0, 10).map((entry) => `  ${line(entry)}`))
  } else if (entries.length === 0) {
    lines.push('The request log is empty: the mock has answered no API request (since its last reset).')
  } else if (near_misses.length > 0) {
    lines.push('Closest requests that did not match:')
    for (const miss of near_misses)
      lines.push(`  ${line(miss)}${miss.operation ? ` (${miss.operation})` : ''}: ${miss.reasons.join('; ')}`)
  }
  return { matched, data: structuredClone(matches), near_misses, message: lines.join('\n') }
}
