/**
 * What the request log keeps of a request's headers: small, and with no usable credential.
 * Platform-neutral.
 */

/** Headers the log leaves out: transport details that say nothing about what the caller asked. */
const SKIPPED = new Set([
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'accept-encoding',
  'accept-language',
  'te',
  'upgrade',
])

/** Headers logged when a host cannot list a request's headers: those an API client sends. */
const WELL_KNOWN = [
  'accept',
  'authorization',
  'content-type',
  'idempotency-key',
  'prefer',
  'user-agent',
  'x-immigraflow-client',
  'x-mock-session',
  'x-request-id',
]

/** At most this many headers per entry, each value cut to `LOGGED_HEADER_CHARS`. */
export const LOGGED_HEADERS = 24
export const LOGGED_HEADER_CHARS = 200

/**
 * An `Authorization` value as the log keeps it: the scheme, then the first 3 and last 4
 * characters of a credential of 12 or more (`Bearer sk_…x9Qz`), else `[redacted]`. Enough to
 * tell two keys apart in a test, not enough to use either.
 */
export function redactAuthorization(value: string): string {
  const match = /^(\S+)\s+(\S.*)$/.exec(value.trim())
  if (!match) return '[redacted]'
  const [, scheme, credential] = match as unknown as [string, string, string]
  return credential.length >= 12
    ? `${scheme} ${credential.slice(0, 3)}…${credential.slice(-4)}`
    : `${scheme} [redacted]`
}

/**
 * A request's headers as the log keeps them: names lower-cased, sorted; transport headers left
 * out; `Authorization` redacted; at most `LOGGED_HEADERS`, each value at most
 * `LOGGED_HEADER_CHARS` characters. `names` lists the request's header names when the host can
 * (fetch `Headers`, node); otherwise the headers an API client sends are looked up.
 */
export function loggedHeaders(
  header: (name: string) => string | null,
  names: Iterable<string> | undefined,
): Record<string, string> {
  // One array, sorted, duplicates skipped as they come: this runs on every request.
  const wanted: string[] = []
  for (const name of names ?? WELL_KNOWN) {
    const lower = name.toLowerCase()
    if (!SKIPPED.has(lower) && !lower.startsWith('sec-')) wanted.push(lower)
  }
  wanted.sort()
  const logged: Record<string, string> = {}
  let kept = 0
  for (let index = 0; index < wanted.length && kept < LOGGED_HEADERS; index++) {
    const name = wanted[index] as string
    if (index > 0 && name === wanted[index - 1]) continue
    kept++
    const value = header(name)
    if (value === null) continue
    const shown = name === 'authorization' ? redactAuthorization(value) : value
    logged[name] = shown.length > LOGGED_HEADER_CHARS ? `${shown.slice(0, LOGGED_HEADER_CHARS)}…` : shown
  }
  return logged
}
