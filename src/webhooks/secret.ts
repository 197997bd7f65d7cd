import { hmac } from '#crypto'
import { decodeBase64, encodeBase64 } from './encoding'
import { WebhookVerificationError } from './errors'

/** An imported HMAC-SHA256 key, as the platform's crypto represents it. */
export type HmacKey = Awaited<ReturnType<typeof hmac.importKey>>

/** A signing secret: `whsec_`-prefixed base64 (as ImmigraFlow shows it), bare base64, or the raw key bytes. */
export type WebhookSecret = string | Uint8Array

const PREFIX = 'whsec_'
const FORMAT_HINT = 'expected "whsec_" + base64 as issued, bare base64, or the key bytes'

/** Imported keys by secret, so each secret pays for `importKey` once; bounded for servers with many endpoints. */
const keyCache = new Map<string, Promise<HmacKey>>()
const KEY_CACHE_LIMIT = 256

function invalidSecret(problem: string): WebhookVerificationError {
  return new WebhookVerificationError('invalid_secret', `Invalid webhook secret: ${problem}; ${FORMAT_HINT}.`)
}

// The error messages never include the secret itself: they end up in logs.
function secretBytes(secret: string): Uint8Array<ArrayBuffer> {
  const trimmed = secret.trim()
  const base64 = trimmed.startsWith(PREFIX) ? trimmed.slice(PREFIX.length) : trimmed
  const bytes = decodeBase64(base64)
  if (!bytes) throw invalidSecret('not base64')
  if (bytes.length === 0) throw invalidSecret('empty')
  return bytes
}

function isSecretList(value: WebhookSecret | readonly WebhookSecret[]): value is readonly WebhookSecret[] {
  return Array.isArray(value)
}

function hmacKey(secret: unknown): Promise<HmacKey> {
  let cacheKey: string
  let bytes: Uint8Array<ArrayBuffer> | undefined
  if (typeof secret === 'string') {
    cacheKey = secret
  } else if (ArrayBuffer.isView(secret)) {
    // A copy, so later changes to the caller's array cannot alter the key.
    bytes = new Uint8Array(secret.byteLength)
    bytes.set(new Uint8Array(secret.buffer, secret.byteOffset, secret.byteLength))
    if (bytes.length === 0) throw invalidSecret('empty')
    // The base64 of the bytes decodes to the same key, so it can share the string's cache entry.
    cacheKey = encodeBase64(bytes)
  } else {
    throw invalidSecret(
      secret === undefined
        ? 'undefined (is its environment variable set?)'
        : `${secret === null ? 'null' : typeof secret}`,
    )
  }
  const cached = keyCache.get(cacheKey)
  if (cached) return cached
  const key = hmac.importKey(bytes ?? secretBytes(cacheKey))
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.delete(keyCache.keys().next().value as string)
  keyCache.set(cacheKey, key)
  key.catch(() => keyCache.delete(cacheKey))
  return key
}

/** One HMAC-SHA256 key per secret; throws `invalid_secret` at once (before any await) for a malformed secret. */
export function hmacKeys(secretOrSecrets: WebhookSecret | readonly WebhookSecret[]): Promise<HmacKey>[] {
  const secrets = isSecretList(secretOrSecrets) ? secretOrSecrets : [secretOrSecrets]
  if (secrets.length === 0) throw invalidSecret('empty list')
  return secrets.map(hmacKey)
}

/** A new signing secret: `whsec_` and the base64 of 32 random bytes, the format ImmigraFlow issues. */
export function generateSecret(): string {
  return PREFIX + encodeBase64(globalThis.crypto.getRandomValues(new Uint8Array(32)))
}
