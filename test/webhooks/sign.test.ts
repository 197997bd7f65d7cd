import { describe, expect, it } from 'vitest'
import { generateSecret, type SignParams, sign, type WebhookPayload } from '../../src/webhooks'
import { REFERENCE, rejection } from './fixtures'

const { id, payload, secret, timestamp } = REFERENCE

describe('sign', () => {
  it('returns one space-separated v1 signature per secret, in order', async () => {
    const other = generateSecret()
    const both = await sign({ id, timestamp, payload, secrets: [secret, other] })
    const alone = await sign({ id, timestamp, payload, secret: other })
    expect(both['webhook-signature']).toBe(`${REFERENCE.signature} ${alone['webhook-signature']}`)
  })

  it('floors a Date to whole unix seconds in webhook-timestamp', async () => {
    const headers = await sign({ id, timestamp: new Date(timestamp * 1000 + 750), payload, secret })
    expect(headers['webhook-timestamp']).toBe(String(timestamp))
  })

  it('rejects a timestamp given in milliseconds, saying so', async () => {
    const error = await rejection(sign({ id, timestamp: timestamp * 1000, payload, secret }))
    expect(error.reason).toBe('invalid_timestamp')
    expect(error.message).toMatch(/got 1614265330000 \(milliseconds\?\)/)
  })

  it('rejects an invalid Date', async () => {
    const error = await rejection(sign({ id, timestamp: new Date('not a date'), payload, secret }))
    expect(error.reason).toBe('invalid_timestamp')
  })

  it('rejects an object payload, asking for the exact body', async () => {
    const object = { test: 1 } as unknown as WebhookPayload
    const error = await rejection(sign({ id, timestamp, payload: object, secret }))
    expect(error.reason).toBe('payload_not_raw')
    expect(error.message).toMatch(/JSON\.stringify/)
  })

  it('takes either secret or secrets, not both', () => {
    // @ts-expect-error: one secret or a list, never both at once
    const both: SignParams = { id, timestamp, payload, secret, secrets: [secret] }
    expect(both).toBeDefined()
  })

  it('rejects a malformed secret', async () => {
    const error = await rejection(sign({ id, timestamp, payload, secret: 'whsec_***' }))
    expect(error.reason).toBe('invalid_secret')
  })
})
