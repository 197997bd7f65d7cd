import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ImmigraFlow } from '../../src'
import { type PrismServer, startPrism } from '../helpers/prism'

/**
 * The SDK's happy path against `prism mock openapi.yaml`: Prism validates every request
 * against the spec and reports what breaks it in an `sl-violations` header, so this checks
 * that the SDK sends exactly what the spec says.
 */
let prism: PrismServer
const violations: string[] = []
let client: ImmigraFlow

beforeAll(async () => {
  prism = await startPrism('mock')
  const fetch = async (request: Request) => {
    const response = await globalThis.fetch(request)
    const header = response.headers.get('sl-violations')
    if (header) violations.push(`${request.method} ${new URL(request.url).pathname}: ${header}`)
    return response
  }
  client = new ImmigraFlow({ apiKey: 'sk_test_prism', baseUrl: prism.url, fetch, logLevel: 'off', maxRetries: 0 })
})
afterAll(async () => {
  await prism?.close()
})

describe('the SDK against Prism serving openapi.yaml', () => {
  it('sends every operation the way the spec describes, with no violation', async () => {
    const results = [
      await client.users.create({
        email: 'maria.lopez@example.com',
        name: 'María López',
        phone: '+14155550123',
        notify_by_whatsapp: true,
      }),
      await client.users.verifyEmail({ token: 'vt_3k9Qm2xLw8RtY5nB7cVd1eFg' }),
      await client.users.list({ limit: 10, status: 'active', email: 'maria.lopez@example.com' }),
      await client.users.retrieve(7),
      await client.users.update(7, { name: 'María López García', phone: null, notify_by_whatsapp: false }),
      await client.cases.create(7, { receipt_number: 'eac-21-900-12345', user_case_id: 'Green card' }),
      await client.cases.list(7, { active: true, limit: 5 }),
      await client.cases.retrieve(42),
      await client.cases.update(42, { description: null, active: false }),
      await client.check.status({ receipt_number: 'EAC2190012345' }),
      await client.webhooks.create({ url: 'https://hooks.example.com/immigraflow', events: ['case.status_changed'] }),
      await client.webhooks.list({ limit: 2 }),
      await client.webhooks.retrieve(3),
      await client.webhooks.update(3, { rotate_secret: true }),
      await client.webhooks.delete(3),
    ]
    expect(results).toHaveLength(15)
    expect(violations).toEqual([])
  })

  it('reads the spec examples back as typed data', async () => {
    const details = await client.cases.retrieve(42)
    expect(details.case.receipt_number).toMatch(/^[A-Z]{3}\d{10}$/)
    expect(details.status_updates[0]?.status_code).toBe('Case Was Approved')
  })

  it('sees Prism flag a request that breaks the spec, so the check can fail', async () => {
    const response = await globalThis.fetch(`${prism.url}/v1/users`, {
      method: 'POST',
      headers: { Authorization: 'Bearer k', 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'not-an-email' }),
    })
    expect(response.headers.get('sl-violations')).toContain('email')
  })
})
