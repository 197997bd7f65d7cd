/**
 * fast-check arbitraries for hostile requests to any ImmigraFlow operation: plausible bodies
 * with mutations, wrong types, missing and unknown fields, ~100 kB strings, Unicode (lone
 * surrogates, emoji, right-to-left marks), nesting thousands of levels deep, non-JSON, invalid
 * UTF-8, empty bodies, arrays instead of objects, bodies over 1 MiB; odd path ids, out-of-range
 * limits, foreign cursors, unknown query parameters; wrong content types and API keys, odd
 * Idempotency-Key, X-Request-Id and Prefer headers; metadata with odd keys (`__proto__`,
 * `constructor`, spaces, 41 characters, emoji), too many keys, huge, Unicode and non-string values,
 * and `metadata[KEY]=VALUE` list filters.
 *
 * Path values are always percent-encoded correctly: a malformed escape (`%E0%A4%A`) in a path is
 * a known 500, pinned on its own in regressions.test.ts.
 */
import fc from 'fast-check'
import { EVENT_TYPES } from '../../mocks/store'
import { type OperationId, operations } from '../../src/generated/zod'

/** What the fuzzer knows of the seeded data, so some requests hit real records. */
export interface Seeded {
  apiKey: string
  userIds: number[]
  caseIds: number[]
  webhookIds: number[]
  emails: string[]
  receipts: string[]
  tokens: string[]
}

/** One generated request. */
export interface FuzzCase {
  method: string
  /** The path, percent-encoded, starting with `/`. */
  path: string
  /** `''` or `?…`, encoded. */
  query: string
  headers: Record<string, string>
  body?: string | Uint8Array<ArrayBuffer>
  /** The Idempotency-Key sent, if any. */
  idempotencyKey?: string
  /** What kind of body was sent, for failure messages and the figures. */
  bodyKind: string
}

/** One byte over the mock's 1 MiB limit, plus some. */
const OVERSIZED_BYTES = 1_048_576 + 64

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code))
const trickyChar = fc.oneof(
  fc.constantFrom(
    '😀',
    '👩🏽‍⚖️',
    '\u202e',
    '\u200f',
    'ש',
    'ع',
    '\u0000',
    '\ufeff',
    '"',
    '\\',
    '%',
    '/',
    '?',
    '#',
    '&',
    '=',
  ),
  loneSurrogate,
  fc.constantFrom('a', 'Z', '1', ' ', '-'),
)
/** Short strings from every corner of Unicode, lone surrogates included. */
export const trickyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: trickyChar, maxLength: 40 }),
  fc.constantFrom('', ' ', 'null', 'undefined', 'NaN', '[]', '{}', '0', '-1', 'true', '<script>', "' OR 1=1 --"),
)
/** About 100 kB of one character, ASCII or not. */
const hugeString = fc
  .tuple(fc.constantFrom('x', 'é', '😀', '\u202eא', '\ud800'), fc.integer({ min: 90_000, max: 110_000 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)))
const anyJson = fc.jsonValue({ stringUnit: 'binary', maxDepth: 4 })

/** Header values must be ByteStrings without control characters; printable ASCII and some Latin-1. */
const headerChar = fc.oneof(
  { arbitrary: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)), weight: 9 },
  fc.constantFrom('é', 'ß', '±', ' '),
)
const headerValue = (maxLength: number) => fc.string({ unit: headerChar, minLength: 1, maxLength })

/**
 * A request is generated either `clean` (valid auth and content type, plausible values: it
 * reaches the handlers and exercises 2xx, 404 and 409) or `hostile` (anything goes).
 */
export type Mode = 'clean' | 'hostile'

/** A field's plausible values, and its hostile ones (which include the plausible). */
function field<T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) {
  return (mode: Mode): fc.Arbitrary<T | U> =>
    mode === 'clean' ? valid : fc.oneof({ arbitrary: valid, weight: 2 }, { arbitrary: invalid, weight: 1 })
}

const email = (seeded: Seeded) =>
  field(
    fc.oneof(
      { arbitrary: fc.stringMatching(/^[a-z][a-z0-9._+-]{0,15}@[a-z]{1,10}\.(com|org|io)$/), weight: 4 },
      fc.constantFrom(...seeded.emails, ...seeded.emails.map((address) => address.toUpperCase())),
    ),
    fc.oneof(
      fc.emailAddress(),
      trickyString,
      fc.constantFrom(`${'a'.repeat(250)}@example.com`, 'a@b', '@example.com', 'a@@example.com'),
    ),
  )
const name = field(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
  fc.oneof(trickyString, fc.string({ minLength: 195, maxLength: 210 })),
)
const phone = field(
  fc.constantFrom('+14155550123', '+442071838750', '+34600000000', null),
  fc.oneof(fc.constantFrom('4155550123', '+0123', '+1234567890123456', '+1 415 555 0123', ''), trickyString),
)
const flag = field(fc.boolean(), fc.constantFrom('true', 0, 1, null, 'yes'))
const receipt = (seeded: Seeded) =>
  field(
    fc.oneof(
      fc
        .tuple(fc.constantFrom('EAC', 'wac', 'Lin', 'IOE', 'SRC'), fc.stringMatching(/^[0-9]{10}$/))
        .map(([prefix, digits]) => `${prefix}${digits}`),
      fc.constantFrom(...seeded.receipts, 'EAC2190012349', ' eac 2190012340 ', 'EAC-------2190012340'),
      fc
        .stringMatching(/^[0-9]{10}$/)
        .map((digits) => `eac-${digits.slice(0, 2)}-${digits.slice(2, 5)}-${digits.slice(5)}`),
    ),
    fc.oneof(fc.constantFrom('EAC219001234', 'EAC21900123456', 'ÉAC2190012340', 'zzz2190012340x'), trickyString),
  )
const token = (seeded: Seeded) =>
  field(
    fc.oneof(fc.constantFrom(...seeded.tokens), fc.string({ minLength: 1, maxLength: 30 })),
    fc.constantFrom('', 'x'.repeat(201)),
  )
const webhookUrl = field(
  fc.constantFrom('https://hooks.example.com/in', 'http://localhost:3000/hooks', 'http://127.0.0.1/x'),
  fc.oneof(
    fc.constantFrom(
      'http://example.com/x',
      'ftp://example.com',
      'https://',
      'javascript:alert(1)',
      'http://localhost.evil.com/',
    ),
    fc.webUrl(),
    trickyString,
  ),
)
const events = field(
  fc.oneof(fc.subarray([...EVENT_TYPES], { minLength: 1 }), fc.constant(['*'])),
  fc.array(fc.constantFrom(...EVENT_TYPES, '*', 'user.deleted', '', 'USER.CREATED'), { maxLength: 8 }),
)
const description = field(
  fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.constant(null)),
  fc.string({ minLength: 990, maxLength: 1010 }),
)
/** Metadata keys: valid ones (a few fixed, so filters find records), and keys the API refuses or must not trip on. */
const metadataKey = field(
  fc.oneof(
    { arbitrary: fc.constantFrom('crm_id', 'team', 'tier', 'A-1', 'x'), weight: 3 },
    fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
    fc.constantFrom('constructor', 'toString', 'hasOwnProperty', 'valueOf', 'k'.repeat(40)),
  ),
  fc.oneof(
    fc.constantFrom('', ' ', 'crm id', 'a.b', 'ä', '😀', '__proto__', 'k'.repeat(41), 'a\u0000b', 'a[b]', '$ref'),
    trickyString,
  ),
)
/** Metadata values: 1–500 characters of any script, and what the API refuses (empty, 501+, ~100 kB, not strings). */
const metadataValue = field(
  fc.oneof(
    { arbitrary: fc.constantFrom('gold', 'west', 'CRM-10442'), weight: 2 },
    fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }),
    fc.string({ unit: trickyChar, minLength: 1, maxLength: 40 }),
    fc.constant('é'.repeat(500)),
  ),
  fc.oneof(fc.constant(''), fc.constant('x'.repeat(501)), hugeString, anyJson),
)
/** Metadata as sent: a few entries, sometimes too many; when hostile, sometimes not an object at all. */
const metadata = (mode: Mode, forUpdate: boolean) => {
  // Object.fromEntries keeps a `__proto__` key as an own, serialised field, as JSON.parse would.
  const entries = (maxLength: number) =>
    fc.array(fc.tuple(metadataKey(mode), metadataValue(mode)), { maxLength }).map((pairs) => Object.fromEntries(pairs))
  const many = fc
    .integer({ min: 45, max: 60 })
    .map((count) =>
      Object.fromEntries(
        Array.from({ length: count }, (_, i) => [`key_${i}`, forUpdate && i % 7 === 0 ? '' : `v${i}`]),
      ),
    )
  const removals = fc
    .array(metadataKey('clean'), { maxLength: 4 })
    .map((keys) => Object.fromEntries(keys.map((key) => [key, ''])))
  const valid = forUpdate ? fc.oneof(entries(4), removals, fc.constant({})) : entries(4)
  if (mode === 'clean') return fc.oneof({ arbitrary: valid, weight: 4 }, many)
  return fc.oneof(
    { arbitrary: valid, weight: 2 },
    { arbitrary: entries(6), weight: 3 },
    many,
    fc.constantFrom(null, [], ['a'], 'crm_id=1', 42, true),
  )
}
const userStatus = field(fc.constantFrom('active', 'disabled'), fc.constantFrom('pending_verification', 'ACTIVE', null))

/** Plausible bodies for each operation that takes one; optional fields come and go. */
function plausibleBody(id: OperationId, seeded: Seeded, mode: Mode): fc.Arbitrary<Record<string, unknown>> {
  const optional = { requiredKeys: [] as never[] }
  switch (id) {
    case 'checkCaseStatus':
      return fc.record({ receipt_number: receipt(seeded)(mode) }, mode === 'clean' ? {} : optional)
    case 'verifyUserEmail':
      return fc.record({ token: token(seeded)(mode) }, mode === 'clean' ? {} : optional)
    case 'createUser':
      return fc.record(
        {
          email: email(seeded)(mode),
          name: name(mode),
          phone: phone(mode),
          notify_by_email: flag(mode),
          notify_by_whatsapp: flag(mode),
          metadata: metadata(mode, false),
        },
        { requiredKeys: mode === 'clean' ? ['email', 'name'] : [] },
      )
    case 'updateUser':
      return fc.record(
        {
          email: email(seeded)(mode),
          name: name(mode),
          phone: phone(mode),
          notify_by_email: flag(mode),
          notify_by_whatsapp: flag(mode),
          status: userStatus(mode),
          metadata: metadata(mode, true),
        },
        optional,
      )
    case 'createCase':
      return fc.record(
        {
          receipt_number: receipt(seeded)(mode),
          user_case_id: name(mode),
          description: description(mode),
          metadata: metadata(mode, false),
        },
        { requiredKeys: mode === 'clean' ? ['receipt_number'] : [] },
      )
    case 'updateCase':
      return fc.record(
        {
          user_case_id: fc.oneof(name(mode), fc.constant(null)),
          description: description(mode),
          active: flag(mode),
          metadata: metadata(mode, true),
        },
        optional,
      )
    case 'createWebhook':
      return fc.record(
        { url: webhookUrl(mode), events: events(mode), description: description(mode), active: flag(mode) },
        { requiredKeys: mode === 'clean' ? ['url', 'events'] : [] },
      )
    case 'updateWebhook':
      return fc.record(
        {
          url: webhookUrl(mode),
          events: events(mode),
          description: description(mode),
          active: flag(mode),
          rotate_secret: flag(mode),
        },
        optional,
      )
    default:
      return fc.constant({})
  }
}

/** A JSON text nested `depth` levels deep, built as text: JSON.stringify would overflow the stack on the deepest. */
const deepJson = fc
  .tuple(
    fc.constantFrom('array', 'object'),
    fc.oneof(fc.integer({ min: 1_000, max: 3_000 }), fc.constantFrom(2_000, 10_000, 100_000)),
  )
  .map(([shape, depth]) =>
    shape === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  )

/** Marks where the deep text goes in a serialised body. */
const DEEP_MARK = '\u0000deep\u0000'

/** The fields an operation's body schema knows. */
function fieldsOf(id: OperationId): string[] {
  const schema = operations[id].body
  return schema && 'shape' in schema ? Object.keys(schema.shape) : []
}

type Payload = { body?: string | Uint8Array<ArrayBuffer>; kind: string }

/** A body for `id`, as the text or bytes sent, with the kind of body it is. */
function body(id: OperationId, seeded: Seeded, mode: Mode): fc.Arbitrary<Payload> {
  if (mode === 'clean') {
    return plausibleBody(id, seeded, 'clean').map((value) => ({ body: JSON.stringify(value), kind: 'clean' }))
  }
  const plausible = plausibleBody(id, seeded, 'hostile')
  const known = fc.constantFrom('email', 'name', 'receipt_number', 'token', 'url', 'events', 'active', ...fieldsOf(id))
  const unknownField = fc.tuple(fc.oneof(known, fc.string({ unit: 'binary', minLength: 1, maxLength: 12 })), anyJson)
  const text = (kind: string, arbitrary: fc.Arbitrary<string>) => arbitrary.map((value) => ({ body: value, kind }))
  return fc.oneof(
    {
      weight: 6,
      arbitrary: text(
        'plausible',
        fc
          .tuple(plausible, fc.option(unknownField, { freq: 3 }))
          .map(([value, extra]) => JSON.stringify(extra ? { ...value, [extra[0]]: extra[1] } : value)),
      ),
    },
    {
      weight: 2,
      arbitrary: text(
        'any JSON value',
        anyJson.map((value) => JSON.stringify(value)),
      ),
    },
    {
      weight: 3,
      arbitrary: text(
        'known fields, any values',
        fc.dictionary(known, anyJson, { maxKeys: 5 }).map((value) => JSON.stringify(value)),
      ),
    },
    {
      weight: 1,
      arbitrary: text(
        '~100 kB string',
        fc
          .tuple(plausible, known, hugeString)
          .map(([value, field, huge]) => JSON.stringify({ ...value, [field]: huge })),
      ),
    },
    {
      weight: 1,
      arbitrary: text(
        'deep nesting',
        fc
          .tuple(plausible, fc.constantFrom('field', 'unknown', 'root'), known, deepJson)
          .map(([value, where, field, deep]) =>
            where === 'root'
              ? deep
              : JSON.stringify({ ...value, [where === 'field' ? field : 'nested']: DEEP_MARK }).replace(
                  JSON.stringify(DEEP_MARK),
                  deep,
                ),
          ),
      ),
    },
    {
      weight: 1,
      arbitrary: text(
        'not JSON',
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 60 }),
          fc.constantFrom(
            '{',
            '{"a":}',
            "{'a':1}",
            'undefined',
            '\ufeff{}',
            'NaN',
            '[1,]',
            '{"a":1}{"b":2}',
            '{"email":"a@b.co",}',
          ),
        ),
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ minLength: 1, maxLength: 64 })
        .map((bytes) => ({ body: new Uint8Array(bytes), kind: 'raw bytes' })),
    },
    { weight: 1, arbitrary: fc.constant({ body: '', kind: 'empty' }) },
    {
      weight: 1,
      arbitrary: text(
        'array instead of object',
        fc.array(plausible, { maxLength: 3 }).map((items) => JSON.stringify(items)),
      ),
    },
    {
      weight: 1,
      arbitrary: text(
        'over 1 MiB',
        plausible.map((value) => JSON.stringify({ ...value, padding: 'x'.repeat(OVERSIZED_BYTES) })),
      ),
    },
  )
}

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url')

/** A path parameter value, before percent-encoding. */
const pathValue = (ids: number[], mode: Mode) => {
  const plausible = fc.oneof(
    { arbitrary: fc.constantFrom(...ids.map(String)), weight: 4 },
    fc.integer({ min: 1, max: 20 }).map(String),
  )
  if (mode === 'clean') return plausible
  return fc.oneof(
    { arbitrary: plausible, weight: 4 },
    fc.integer({ min: -1_000, max: 100_000 }).map(String),
    fc.constantFrom(
      '0',
      '-0',
      '00',
      '01',
      '1.0',
      '1.5',
      '1e3',
      '0x1',
      '+1',
      ' 1',
      'Infinity',
      'NaN',
      '9007199254740991',
      '9007199254740993',
      '1'.repeat(400),
      'true',
      'null',
      '%',
      '%25',
      '..',
    ),
    trickyString,
  )
}

/** Replaces lone surrogates, which cannot be percent-encoded, as URL parsers do. */
const wellFormed = (text: string) =>
  text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')

const limit = field(
  fc.integer({ min: 1, max: 100 }).map(String),
  fc.oneof(
    fc.integer({ min: -1_000, max: 1_000 }).map(String),
    fc.constantFrom('', '0', '101', '1e1', '0x10', 'abc', '1.5', ' 5', '-0', '100000000000000000000'),
    trickyString,
  ),
)
const cursor = field(
  fc.integer({ min: 0, max: 10 }).map((id) => base64url(JSON.stringify({ id }))),
  fc.oneof(
    fc.integer({ min: -5, max: -1 }).map((id) => base64url(JSON.stringify({ id }))),
    anyJson.map((value) => base64url(JSON.stringify(value))),
    trickyString,
    fc.string({ minLength: 190, maxLength: 260 }),
  ),
)
const statusFilter = field(
  fc.constantFrom('active', 'pending_verification', 'disabled'),
  fc.oneof(fc.constantFrom('ACTIVE', ''), trickyString),
)
const activeFilter = field(
  fc.constantFrom('true', 'false'),
  fc.oneof(fc.constantFrom('1', '0', 'yes', 'off', 'TRUE', ''), trickyString),
)

/** `metadata[KEY]=VALUE` list filters; when hostile, also a bare `metadata=…`, nested brackets and odd keys. */
function metadataFilters(mode: Mode): fc.Arbitrary<Array<[string, string]>> {
  const value = (mode === 'clean' ? metadataValue('clean') : fc.oneof(metadataValue('clean'), trickyString)).map(
    (text) => (typeof text === 'string' ? text : JSON.stringify(text)),
  )
  const pair = fc.tuple(metadataKey(mode), value).map(([key, text]): [string, string] => [`metadata[${key}]`, text])
  if (mode === 'clean') return fc.array(pair, { maxLength: 2 })
  const odd = fc.tuple(fc.constantFrom('metadata', 'metadata[]', 'metadata[a][b]', 'metadata[', 'metadata]'), value)
  return fc.array(fc.oneof({ arbitrary: pair, weight: 3 }, odd), { maxLength: 4 })
}

/** Query parameters: the operation's own and, when hostile, sometimes an unknown one. */
function queryParams(id: OperationId, seeded: Seeded, mode: Mode): fc.Arbitrary<Array<[string, string]>> {
  const unknownParam = fc.tuple(
    fc.constantFrom('expand', 'page', 'sort', 'LIMIT', 'limit[]', 'constructor', '__proto__'),
    trickyString,
  )
  const extra = mode === 'clean' ? fc.constant(null) : fc.option(unknownParam, { freq: 6 })
  const own: Record<string, fc.Arbitrary<string>> = {}
  if (id === 'listUsers' || id === 'listUserCases' || id === 'listWebhooks') {
    Object.assign(own, { limit: limit(mode), cursor: cursor(mode) })
  }
  if (id === 'listUsers') {
    own.status = statusFilter(mode)
    own.email = email(seeded)(mode).map((value) => String(value))
  }
  if (id === 'listUserCases') own.active = activeFilter(mode)
  const filters = id === 'listUsers' || id === 'listUserCases' ? metadataFilters(mode) : fc.constant([])
  return fc
    .tuple(fc.record(own, { requiredKeys: [] }), filters, extra)
    .map(([params, pairs, unknown]) => [
      ...(Object.entries(params) as Array<[string, string]>),
      ...pairs,
      ...(unknown ? [unknown] : []),
    ])
}

/** Everything about one request to operation `id`: clean two times in five, hostile otherwise. */
export function fuzzCase(id: OperationId, seeded: Seeded): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    { arbitrary: request(id, seeded, 'clean'), weight: 2 },
    { arbitrary: request(id, seeded, 'hostile'), weight: 3 },
  )
}

function request(id: OperationId, seeded: Seeded, mode: Mode): fc.Arbitrary<FuzzCase> {
  const operation = operations[id]
  const idsFor = (param: string) =>
    param === 'user_id' ? seeded.userIds : param === 'case_id' ? seeded.caseIds : seeded.webhookIds
  const params = [...operation.path.matchAll(/\{([a-z_]+)\}/g)].map((match) => match[1] as string)
  const path = fc.tuple(...params.map((param) => pathValue(idsFor(param), mode))).map((values) => {
    let index = 0
    return operation.path.replace(/\{[a-z_]+\}/g, () => encodeURIComponent(wellFormed(values[index++] ?? '')))
  })
  const query = queryParams(id, seeded, mode).map((pairs) => {
    const search = new URLSearchParams(pairs.map(([key, value]) => [key, wellFormed(value)])).toString()
    return search ? `?${search}` : ''
  })
  const validAuth = fc.constant(`Bearer ${seeded.apiKey}`)
  const auth =
    mode === 'clean'
      ? validAuth
      : fc.oneof(
          { arbitrary: validAuth, weight: 12 },
          fc.constantFrom(undefined, 'Bearer sk_wrong', `Basic ${seeded.apiKey}`, 'Bearer', `bearer ${seeded.apiKey}`),
        )
  const hostileContentType = fc.oneof(
    { arbitrary: fc.constant('application/json'), weight: 10 },
    fc.constantFrom(
      undefined,
      'text/plain',
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/vnd.api+json',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonx',
    ),
  )
  const contentType = mode === 'clean' ? fc.constant('application/json') : hostileContentType
  // A few fixed keys come back, so some requests reuse a key: replays and idempotency_key_reused.
  const reusedKey = fc.constantFrom('key-a', 'key-b', 'key-c')
  const idempotencyKey = fc.option(
    mode === 'clean'
      ? fc.oneof(reusedKey, headerValue(40))
      : fc.oneof(reusedKey, headerValue(40), fc.constantFrom('k'.repeat(256), 'k'.repeat(255))),
    { freq: 2 },
  )
  const requestId = fc.option(mode === 'clean' ? headerValue(60) : fc.oneof(headerValue(60), headerValue(260)), {
    freq: 3,
  })
  const hostilePrefer = fc.option(
    fc.constantFrom(
      'code=abc',
      'code=99',
      'latency=abc',
      'latency=999999',
      'fault=explode',
      'fail-times=0',
      'respond-async',
      'return=minimal',
    ),
    { freq: 10 },
  )
  const prefer = mode === 'clean' ? fc.constant(null) : hostilePrefer
  const withBody: fc.Arbitrary<Payload> = operation.body
    ? body(id, seeded, mode)
    : fc.constant({ kind: `no body, ${mode}` })
  return fc
    .record({ path, query, auth, contentType, idempotencyKey, requestId, prefer, payload: withBody })
    .map((parts) => {
      const headers: Record<string, string> = {}
      if (parts.auth !== undefined) headers.authorization = parts.auth
      if (operation.body && parts.contentType !== undefined) headers['content-type'] = parts.contentType
      const key = operation.method === 'POST' && parts.idempotencyKey !== null ? parts.idempotencyKey : undefined
      if (key !== undefined) headers['idempotency-key'] = key
      if (parts.requestId !== null) headers['x-request-id'] = parts.requestId
      if (parts.prefer !== null) headers.prefer = parts.prefer
      const fuzz: FuzzCase = {
        method: operation.method,
        path: parts.path,
        query: parts.query,
        headers,
        bodyKind: parts.payload.kind,
      }
      if (parts.payload.body !== undefined) fuzz.body = parts.payload.body
      if (key !== undefined) fuzz.idempotencyKey = key
      return fuzz
    })
}

/** Requests under /v1 that mostly address no operation: odd methods and paths. */
export function strayRequest(seeded: Seeded): fc.Arbitrary<FuzzCase> {
  const segment = fc.oneof(
    fc.constantFrom('v1', 'users', 'cases', 'webhooks', 'check', 'verify-email', '1', '2', '0', 'V1', 'USERS'),
    trickyString.map((value) => encodeURIComponent(wellFormed(value))),
  )
  return fc
    .record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
      segments: fc.array(segment, { maxLength: 5 }),
      auth: fc.constantFrom(`Bearer ${seeded.apiKey}`, undefined),
      body: fc.option(
        anyJson.map((value) => JSON.stringify(value)),
        { nil: undefined },
      ),
    })
    .map(({ method, segments, auth, body: payload }) => {
      const headers: Record<string, string> = {}
      if (auth) headers.authorization = auth
      // Dot segments would climb out of /v1; paths outside it are pinned in regressions.test.ts.
      const path = `/v1/${segments.map((value) => (/^\.+$/.test(value) ? 'x' : value)).join('/')}`
      const fuzz: FuzzCase = { method, path, query: '', headers, bodyKind: 'stray' }
      if (payload !== undefined && method !== 'GET') {
        fuzz.body = payload
        headers['content-type'] = 'application/json'
      }
      return fuzz
    })
}
