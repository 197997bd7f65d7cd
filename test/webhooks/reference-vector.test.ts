import { describe, expect, it } from 'vitest'
import { sign, verify } from '../../src/webhooks'
import { REFERENCE, REFERENCE_HEADERS, REFERENCE_NOW } from './fixtures'

describe('Standard Webhooks reference vector', () => {
  it('sign produces the reference signature and headers', async () => {
    const headers = await sign({
      id: REFERENCE.id,
      timestamp: REFERENCE.timestamp,
      payload: REFERENCE.payload,
      secret: REFERENCE.secret,
    })
    expect(headers).toEqual(REFERENCE_HEADERS)
  })

  it('sign gives the same signature when the timestamp is a Date', async () => {
    const headers = await sign({
      id: REFERENCE.id,
      timestamp: new Date(REFERENCE_NOW + 999),
      payload: REFERENCE.payload,
      secret: REFERENCE.secret,
    })
    expect(headers['webhook-signature']).toBe(REFERENCE.signature)
  })

  it('verify accepts the reference signature', async () => {
    await expect(verify(REFERENCE.payload, REFERENCE_HEADERS, REFERENCE.secret, { now: REFERENCE_NOW })).resolves.toBe(
      true,
    )
  })

  it('verify accepts now as a Date', async () => {
    const now = new Date(REFERENCE_NOW)
    await expect(verify(REFERENCE.payload, REFERENCE_HEADERS, REFERENCE.secret, { now })).resolves.toBe(true)
  })
})
