import { describe, expect, it } from 'vitest'
import { generateSecret, sign, verify } from '../../src/webhooks'
import { REFERENCE, REFERENCE_HEADERS, REFERENCE_NOW } from './fixtures'

const { payload, secret } = REFERENCE
const options = { now: REFERENCE_NOW }
const bytes = new TextEncoder().encode(payload)

describe('verify accepts', () => {
  it('one valid signature among invalid ones and other versions', async () => {
    const forged = `v1,${Buffer.alloc(32, 1).toString('base64')}`
    const header = `v1a,abc ${forged} v2,xyz ${REFERENCE.signature} v1,short=`
    await expect(verify(payload, { ...REFERENCE_HEADERS, 'webhook-signature': header }, secret, options)).resolves.toBe(
      true,
    )
  })

  it('signatures by the old and the new secret during a rotation, with either secret alone', async () => {
    const newSecret = generateSecret()
    const headers = await sign({
      id: REFERENCE.id,
      timestamp: REFERENCE.timestamp,
      payload,
      secrets: [secret, newSecret],
    })
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2)
    await expect(verify(payload, headers, secret, options)).resolves.toBe(true)
    await expect(verify(payload, headers, newSecret, options)).resolves.toBe(true)
  })

  it('a signature by either of several configured secrets', async () => {
    const newSecret = generateSecret()
    const byNew = await sign({ id: REFERENCE.id, timestamp: REFERENCE.timestamp, payload, secret: newSecret })
    await expect(verify(payload, byNew, [secret, newSecret], options)).resolves.toBe(true)
    await expect(verify(payload, REFERENCE_HEADERS, [newSecret, secret], options)).resolves.toBe(true)
  })

  it('a fetch Headers instance', async () => {
    await expect(verify(payload, new Headers(REFERENCE_HEADERS), secret, options)).resolves.toBe(true)
  })

  it('a plain object with mixed-case keys', async () => {
    const headers = {
      'Webhook-Id': REFERENCE.id,
      'WEBHOOK-TIMESTAMP': String(REFERENCE.timestamp),
      'webhook-Signature': REFERENCE.signature,
    }
    await expect(verify(payload, headers, secret, options)).resolves.toBe(true)
  })

  it('node:http style headers, with a repeated signature header as an array', async () => {
    const headers = {
      ...REFERENCE_HEADERS,
      'webhook-signature': [`v1,${Buffer.alloc(32).toString('base64')}`, REFERENCE.signature],
      'content-type': undefined,
    }
    await expect(verify(payload, headers, secret, options)).resolves.toBe(true)
  })

  it('signature headers joined with ", " by a proxy', async () => {
    const joined = `v2,abc, ${REFERENCE.signature}`
    await expect(verify(payload, { ...REFERENCE_HEADERS, 'webhook-signature': joined }, secret, options)).resolves.toBe(
      true,
    )
  })

  it('a Uint8Array payload', async () => {
    await expect(verify(bytes, REFERENCE_HEADERS, secret, options)).resolves.toBe(true)
  })

  it('an ArrayBuffer payload', async () => {
    await expect(verify(bytes.slice().buffer, REFERENCE_HEADERS, secret, options)).resolves.toBe(true)
  })

  it('a Uint8Array that views part of a larger buffer, hashing only its own bytes', async () => {
    const larger = new Uint8Array(bytes.length + 8).fill(0x20)
    larger.set(bytes, 4)
    const view = larger.subarray(4, 4 + bytes.length)
    await expect(verify(view, REFERENCE_HEADERS, secret, options)).resolves.toBe(true)
  })

  it('a Node Buffer payload', async () => {
    await expect(verify(Buffer.from(payload), REFERENCE_HEADERS, secret, options)).resolves.toBe(true)
  })

  it('the secret as bare base64 and as raw bytes', async () => {
    const bare = secret.slice('whsec_'.length)
    await expect(verify(payload, REFERENCE_HEADERS, bare, options)).resolves.toBe(true)
    await expect(verify(payload, REFERENCE_HEADERS, Buffer.from(bare, 'base64'), options)).resolves.toBe(true)
  })

  it('a secret with surrounding whitespace, as read from a file', async () => {
    await expect(verify(payload, REFERENCE_HEADERS, `${secret}\n`, options)).resolves.toBe(true)
  })
})

describe('verify hashes byte payloads exactly as received', () => {
  it('rejects bytes that differ from the signed text only in their encoding', async () => {
    // The same text with a byte-order mark: equal once decoded, but not the bytes that were signed.
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])
    await expect(verify(withBom, REFERENCE_HEADERS, secret, options)).rejects.toMatchObject({
      reason: 'no_matching_signature',
    })
  })

  it('verifies non-UTF-8 bytes signed as bytes', async () => {
    const binary = new Uint8Array([0xff, 0xfe, 0x00, 0x80, 0xc3])
    const headers = await sign({ id: REFERENCE.id, timestamp: REFERENCE.timestamp, payload: binary, secret })
    await expect(verify(binary, headers, secret, options)).resolves.toBe(true)
    await expect(verify(new TextDecoder().decode(binary), headers, secret, options)).rejects.toMatchObject({
      reason: 'no_matching_signature',
    })
  })
})
