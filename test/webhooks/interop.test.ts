import fc from 'fast-check'
import { Webhook } from 'standardwebhooks'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { sign, verify } from '../../src/webhooks'

// standardwebhooks reads the clock itself; fake only Date so its check is pinned to each run's timestamp.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
})
afterEach(() => {
  vi.useRealTimers()
})

const message = fc.record({
  id: fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
  // From 1970 to 2100, in unix seconds.
  timestamp: fc.integer({ min: 0, max: 4_102_444_800 }),
  // Full Unicode, astral planes included; always valid UTF-16, so it has one UTF-8 encoding.
  text: fc.string({ unit: 'binary', maxLength: 300 }),
  key: fc.uint8Array({ minLength: 16, maxLength: 64 }),
})

/** The `whsec_` form of a key, as both libraries accept it. */
function whsec(key: Uint8Array): string {
  return `whsec_${Buffer.from(key).toString('base64')}`
}

/** `now` in ms at the signing second, so both libraries' tolerance checks pass. */
function atSecond(timestamp: number): number {
  vi.setSystemTime(timestamp * 1000)
  return timestamp * 1000
}

describe('interop with the standardwebhooks package', () => {
  it('standardwebhooks verifies what sign signs, for string payloads', async () => {
    await fc.assert(
      fc.asyncProperty(message, async ({ id, timestamp, text, key }) => {
        atSecond(timestamp)
        const headers = await sign({ id, timestamp, payload: text, secret: whsec(key) })
        expect(() => new Webhook(whsec(key)).verify(text, headers, { jsonParse: false })).not.toThrow()
      }),
    )
  })

  it('standardwebhooks verifies what sign signs, for byte payloads', async () => {
    await fc.assert(
      fc.asyncProperty(message, async ({ id, timestamp, text, key }) => {
        atSecond(timestamp)
        // standardwebhooks decodes a Buffer as UTF-8 before hashing, so only UTF-8 bytes compare like for like.
        const bytes = new TextEncoder().encode(text)
        const headers = await sign({ id, timestamp: new Date(timestamp * 1000), payload: bytes, secret: key })
        expect(() => new Webhook(whsec(key)).verify(Buffer.from(bytes), headers, { jsonParse: false })).not.toThrow()
      }),
    )
  })

  it('verify accepts what standardwebhooks signs, for string payloads', async () => {
    await fc.assert(
      fc.asyncProperty(message, async ({ id, timestamp, text, key }) => {
        const now = atSecond(timestamp)
        const signature = new Webhook(whsec(key)).sign(id, new Date(now), text)
        const headers = { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature }
        await expect(verify(text, headers, whsec(key), { now })).resolves.toBe(true)
      }),
    )
  })

  it('verify accepts what standardwebhooks signs, for byte payloads and raw-byte secrets', async () => {
    await fc.assert(
      fc.asyncProperty(message, async ({ id, timestamp, text, key }) => {
        const now = atSecond(timestamp)
        const bytes = Buffer.from(text, 'utf8')
        const signature = new Webhook(whsec(key)).sign(id, new Date(now), bytes)
        const headers = { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature }
        await expect(verify(bytes, headers, key, { now })).resolves.toBe(true)
        await expect(verify(new Uint8Array(bytes).buffer, headers, key, { now })).resolves.toBe(true)
      }),
    )
  })

  it('standardwebhooks rejects what sign signs once the body is changed', async () => {
    await fc.assert(
      fc.asyncProperty(message, async ({ id, timestamp, text, key }) => {
        atSecond(timestamp)
        const headers = await sign({ id, timestamp, payload: text, secret: whsec(key) })
        expect(() => new Webhook(whsec(key)).verify(`${text} `, headers, { jsonParse: false })).toThrow(
          /No matching signature/,
        )
      }),
      { numRuns: 30 },
    )
  })
})
