import { describe, expect, it } from 'vitest'
import { generateSecret, sign, verify, type WebhookPayload } from '../../src/webhooks'
import { REFERENCE, REFERENCE_HEADERS, REFERENCE_NOW, rejection } from './fixtures'

const { payload, secret } = REFERENCE
const options = { now: REFERENCE_NOW }

/** The reference headers with one header replaced. */
function withHeader(name: keyof typeof REFERENCE_HEADERS, value: string) {
  return { ...REFERENCE_HEADERS, [name]: value }
}

/** Headers signed by the reference secret at `REFERENCE.timestamp + offset` seconds. */
function signedAt(offsetSeconds: number) {
  return sign({ id: REFERENCE.id, timestamp: REFERENCE.timestamp + offsetSeconds, payload, secret })
}

describe('verify rejects', () => {
  it('a tampered body', async () => {
    const error = await rejection(verify('{"test": 2432232315}', REFERENCE_HEADERS, secret, options))
    expect(error.reason).toBe('no_matching_signature')
    expect(error.message).toMatch(/raw request body/)
  })

  it('a signature made with another secret', async () => {
    const error = await rejection(verify(payload, REFERENCE_HEADERS, generateSecret(), options))
    expect(error.reason).toBe('no_matching_signature')
  })

  it('a truncated signature', async () => {
    const truncated = REFERENCE.signature.slice(0, -4)
    const error = await rejection(verify(payload, withHeader('webhook-signature', truncated), secret, options))
    expect(error.reason).toBe('no_matching_signature')
  })

  it('a signature header with only v2 signatures, saying only v1 is checked', async () => {
    const v2Only = `v2,${REFERENCE.signature.slice(3)} v2,abc`
    const error = await rejection(verify(payload, withHeader('webhook-signature', v2Only), secret, options))
    expect(error.reason).toBe('no_matching_signature')
    expect(error.message).toMatch(/no v1 signature \(found: v2, v2\); only v1 is supported/)
  })

  it('a timestamp 301 s old, saying it is too old and by how much', async () => {
    const error = await rejection(verify(payload, await signedAt(-301), secret, options))
    expect(error.reason).toBe('timestamp_too_old')
    expect(error.message).toMatch(/too old: 301 s ago, 1 s past the 300 s tolerance/)
  })

  it('a timestamp 301 s in the future, saying it is too new and by how much', async () => {
    const error = await rejection(verify(payload, await signedAt(301), secret, options))
    expect(error.reason).toBe('timestamp_too_new')
    expect(error.message).toMatch(/too new: 301 s ahead, 1 s past the 300 s tolerance/)
  })

  it('a timestamp outside a custom tolerance', async () => {
    const error = await rejection(verify(payload, await signedAt(-11), secret, { ...options, tolerance: 10 }))
    expect(error.reason).toBe('timestamp_too_old')
  })

  it('any webhook when now is an invalid Date, instead of skipping the timestamp check', async () => {
    const error = await rejection(verify(payload, REFERENCE_HEADERS, secret, { now: new Date('not a date') }))
    expect(error.reason).toBe('invalid_timestamp')
    expect(error.message).toMatch(/`now`/)
  })

  it('any webhook when the tolerance is not a number of seconds', async () => {
    const error = await rejection(verify(payload, REFERENCE_HEADERS, secret, { ...options, tolerance: Number.NaN }))
    expect(error.reason).toBe('invalid_timestamp')
  })

  it('a non-numeric timestamp', async () => {
    const error = await rejection(
      verify(payload, withHeader('webhook-timestamp', '2021-02-25T15:02:10Z'), secret, options),
    )
    expect(error.reason).toBe('invalid_timestamp')
    expect(error.message).toMatch(/unix seconds/)
  })

  it.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const)(
    'a request without %s, naming it',
    async (name) => {
      const { [name]: _dropped, ...headers } = REFERENCE_HEADERS
      const error = await rejection(verify(payload, headers, secret, options))
      expect(error.reason).toBe('missing_header')
      expect(error.message).toContain(`Missing webhook header: ${name} (`)
    },
  )

  it('a parsed JSON payload, asking for the raw body with express and node:http hints', async () => {
    const parsed = JSON.parse(payload) as unknown as WebhookPayload
    const error = await rejection(verify(parsed, REFERENCE_HEADERS, secret, options))
    expect(error.reason).toBe('payload_not_raw')
    expect(error.message).toMatch(/raw request body/)
    expect(error.message).toContain("express.raw({ type: 'application/json' })")
    expect(error.message).toContain('node:http')
  })

  it('a malformed secret, without echoing it', async () => {
    const malformed = 'whsec_not*base64!'
    const error = await rejection(verify(payload, REFERENCE_HEADERS, malformed, options))
    expect(error.reason).toBe('invalid_secret')
    expect(error.message).toMatch(/Invalid webhook secret: not base64/)
    expect(error.message).not.toContain('not*base64!')
  })

  it('an undefined secret, hinting at an unset environment variable', async () => {
    const unset = process.env.IMMIGRAFLOW_TEST_UNSET_SECRET as string
    const error = await rejection(verify(payload, REFERENCE_HEADERS, unset, options))
    expect(error.reason).toBe('invalid_secret')
    expect(error.message).toMatch(/environment variable/)
  })

  it('an empty list of secrets', async () => {
    const error = await rejection(verify(payload, REFERENCE_HEADERS, [], options))
    expect(error.reason).toBe('invalid_secret')
  })
})

describe('verify accepts the edges of the tolerance window', () => {
  it('a timestamp exactly 300 s old', async () => {
    await expect(verify(payload, await signedAt(-300), secret, options)).resolves.toBe(true)
  })

  it('a timestamp exactly 300 s in the future', async () => {
    await expect(verify(payload, await signedAt(300), secret, options)).resolves.toBe(true)
  })
})
