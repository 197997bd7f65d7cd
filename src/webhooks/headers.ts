import { decodeBase64 } from './encoding'
import { WebhookVerificationError } from './errors'

/** Request headers as node:http gives them (any key case, values may be arrays), or a fetch `Headers`. */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>

/** The three Standard Webhooks headers, as sent. */
export type SignedWebhookHeaders = {
  'webhook-id': string
  'webhook-timestamp': string
  'webhook-signature': string
}

const NAMES = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const
/** HMAC-SHA256 output length; a v1 signature of any other length cannot match. */
const SIGNATURE_BYTES = 32

function isHeadersLike(headers: WebhookHeaders): headers is Headers {
  return typeof (headers as Headers).get === 'function'
}

function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  if (isHeadersLike(headers)) return headers.get(name) ?? undefined
  let value = headers[name]
  if (value === undefined) {
    for (const key in headers) {
      if (key.toLowerCase() === name) {
        value = headers[key]
        break
      }
    }
  }
  // Repeated headers are joined as fetch's Headers joins them.
  return typeof value === 'string' || value === undefined ? value : value.join(', ')
}

/** The three webhook headers, or a `missing_header` error naming each one that is absent or empty. */
export function readWebhookHeaders(headers: WebhookHeaders): SignedWebhookHeaders {
  // Without any headers (a JavaScript caller passed none) every header is reported missing.
  const given = typeof headers === 'object' && headers !== null ? headers : {}
  const [id, timestamp, signature] = NAMES.map((name) => headerValue(given, name)?.trim())
  if (id && timestamp && signature) {
    return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature }
  }
  const missing = NAMES.filter((_, index) => ![id, timestamp, signature][index])
  throw new WebhookVerificationError(
    'missing_header',
    `Missing webhook header${missing.length > 1 ? 's' : ''}: ${missing.join(', ')} (dropped by a proxy?).`,
  )
}

/** The parts of a `webhook-signature` header that matter for verification. */
export type ParsedSignatures = {
  /** The decoded `v1` signatures that have the length of an HMAC-SHA256. */
  v1: Uint8Array<ArrayBuffer>[]
  /** Whether any `v1,` entry was present, well-formed or not. */
  hasV1: boolean
  /** The other versions seen (`v1a`, `v2`, ...), which are ignored. */
  otherVersions: string[]
}

/** Splits a `webhook-signature` header into its space-separated `version,signature` entries. */
export function parseSignatures(header: string): ParsedSignatures {
  const v1: Uint8Array<ArrayBuffer>[] = []
  const otherVersions: string[] = []
  let hasV1 = false
  for (const token of header.split(/\s+/)) {
    // A trailing comma appears when a proxy joined repeated headers with ", ".
    const entry = token.endsWith(',') ? token.slice(0, -1) : token
    const comma = entry.indexOf(',')
    if (comma <= 0) continue
    const version = entry.slice(0, comma)
    if (version !== 'v1') {
      otherVersions.push(version)
      continue
    }
    hasV1 = true
    const bytes = decodeBase64(entry.slice(comma + 1))
    if (bytes?.length === SIGNATURE_BYTES) v1.push(bytes)
  }
  return { v1, hasV1, otherVersions }
}
