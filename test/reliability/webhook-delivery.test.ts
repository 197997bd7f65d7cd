/**
 * Webhook delivery when the receiver keeps failing: a real node:http receiver answers 500 to the
 * first three attempts of every message and 200 to the fourth. It processes a message on its
 * third attempt and still answers 500 (it crashed after doing the work), so the fourth attempt
 * is a duplicate it must drop by `webhook-id`. The mock clock is moved through the retry
 * schedule (5 s, 5 min, 30 min, each with up to 10 % jitter); every attempt is then verified
 * with `verify` from immigraflow/webhooks and with the standardwebhooks package, both reading
 * the real clock (deliveries carry the real time however far the mock clock has moved).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELIVERY_JITTER, DELIVERY_RETRY_DELAYS_MS } from '../../mocks/delivery'
import { type RunningMockServer, startMockServer } from '../../mocks/server'
import { ImmigraFlow } from '../../src'
import { WebhookEventSchema } from '../../src/generated/zod'
import { verify } from '../../src/webhooks'

const API_KEY = 'sk_test_delivery'
const FAILURES_PER_MESSAGE = 3
const EVENTS = 3
const DAY = 86_400_000

interface Attempt {
  webhookId: string
  timestamp: number
  headers: Record<string, string>
  raw: Buffer
  answered: number
}

/** A receiver that fails the first attempts of each message, processes each message once, and drops duplicates. */
async function startFlakyReceiver(failures: number) {
  const attempts: Attempt[] = []
  const processed = new Map<string, number>()
  let duplicatesDropped = 0
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const webhookId = String(req.headers['webhook-id'])
      const attempt = attempts.filter((item) => item.webhookId === webhookId).length + 1
      if (attempt >= failures) {
        if (processed.has(webhookId)) duplicatesDropped++
        else processed.set(webhookId, 1)
      }
      const answered = attempt <= failures ? 500 : 200
      attempts.push({
        webhookId,
        timestamp: Number(req.headers['webhook-timestamp']),
        headers: plainHeaders(req.headers),
        raw: Buffer.concat(chunks),
        answered,
      })
      res.writeHead(answered).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    attempts,
    processed,
    duplicatesDropped: () => duplicatesDropped,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

function plainHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const plain: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) if (typeof value === 'string') plain[name] = value
  return plain
}

let mock: RunningMockServer
let receiver: Awaited<ReturnType<typeof startFlakyReceiver>>
const figures = { attempts: 0, ourVerified: 0, standardVerified: 0, gaps: [] as number[][] }

beforeAll(async () => {
  mock = await startMockServer({ port: 0, apiKey: API_KEY })
  receiver = await startFlakyReceiver(FAILURES_PER_MESSAGE)
})

afterAll(async () => {
  console.log(
    `webhook delivery under receiver failure: ${EVENTS} events, ${figures.attempts} attempts (500, 500, 500, 200 per webhook-id), processed ${receiver?.processed.size} (once each), duplicates dropped ${receiver?.duplicatesDropped()}, signatures valid ${figures.ourVerified}/${figures.attempts} (immigraflow/webhooks) and ${figures.standardVerified}/${figures.attempts} (standardwebhooks), retry gaps in s per message: ${figures.gaps.map((gaps) => gaps.join('/')).join(', ')}`,
  )
  await mock?.close()
  await receiver?.close()
})

describe('webhook delivery to a receiver that fails three times', () => {
  it('delivers each event exactly once to the receiver, after four attempts with one webhook-id, each signed validly', async () => {
    const startedAt = Math.floor(Date.now() / 1000)
    const client = new ImmigraFlow({ apiKey: API_KEY, baseUrl: mock.url, logLevel: 'off' })
    const hook = await client.webhooks.create({ url: receiver.url, events: ['user.created'] })
    const secret = hook.secret as string
    const emails = Array.from({ length: EVENTS }, (_, index) => `delivery${index}@example.com`)
    for (const email of emails) await client.users.create({ email, name: 'Delivery' })
    await mock.api.idle()
    expect(receiver.attempts).toHaveLength(EVENTS)

    // Each window reaches past the latest a retry can fall (delay + 10 % jitter) and stops
    // long before the next one can (every delay is at least six times the one before).
    for (const [index, delay] of DELIVERY_RETRY_DELAYS_MS.slice(0, FAILURES_PER_MESSAGE).entries()) {
      await mock.api.clock.advance(Math.ceil(delay * (1 + DELIVERY_JITTER)) + 1)
      expect(receiver.attempts, `after retry window ${index + 1}`).toHaveLength(EVENTS * (index + 2))
    }
    await mock.api.clock.advance(DAY)
    await mock.api.idle()
    expect(receiver.attempts).toHaveLength(EVENTS * (FAILURES_PER_MESSAGE + 1))
    expect(mock.api.clock.pending()).toBe(0)

    const byMessage = new Map<string, Attempt[]>()
    for (const attempt of receiver.attempts) {
      byMessage.set(attempt.webhookId, [...(byMessage.get(attempt.webhookId) ?? []), attempt])
    }
    expect(byMessage.size).toBe(EVENTS)
    for (const [webhookId, attempts] of byMessage) {
      expect(
        attempts.map((attempt) => attempt.answered),
        webhookId,
      ).toEqual([500, 500, 500, 200])
      expect(new Set(attempts.map((attempt) => attempt.raw.toString('utf8'))).size, webhookId).toBe(1)
      // Each attempt is stamped with the real time it was sent, within this test's run.
      const finishedAt = Math.floor(Date.now() / 1000)
      for (const attempt of attempts) {
        expect(attempt.timestamp, webhookId).toBeGreaterThanOrEqual(startedAt)
        expect(attempt.timestamp, webhookId).toBeLessThanOrEqual(finishedAt)
      }
      // The retry schedule runs on the mock clock, as the delivery log records it.
      const logged = mock.api.deliveries.filter((item) => item.message_id === webhookId)
      const times = logged.map((item) => Date.parse(item.attempted_at) / 1000)
      const gaps = times.slice(1).map((time, index) => time - (times[index] as number))
      figures.gaps.push(gaps)
      for (const [index, gap] of gaps.entries()) {
        const delaySeconds = (DELIVERY_RETRY_DELAYS_MS[index] as number) / 1000
        expect(gap, `${webhookId} retry ${index + 1}`).toBeGreaterThanOrEqual(delaySeconds)
        expect(gap, `${webhookId} retry ${index + 1}`).toBeLessThanOrEqual(delaySeconds * (1 + DELIVERY_JITTER))
      }
      const outcomes = logged.map((item) => item.outcome)
      expect(outcomes, webhookId).toEqual(['retry_scheduled', 'retry_scheduled', 'retry_scheduled', 'delivered'])
    }
    expect([...receiver.processed.values()]).toEqual(Array(EVENTS).fill(1))
    expect(receiver.duplicatesDropped()).toBe(EVENTS)

    const delivered = receiver.attempts
      .filter((attempt) => attempt.answered === 200)
      .map((attempt) => WebhookEventSchema.parse(JSON.parse(attempt.raw.toString('utf8'))))
    expect(delivered.map((event) => event.type)).toEqual(Array(EVENTS).fill('user.created'))
    expect(delivered.map((event) => (event.type === 'user.created' ? event.data.email : '')).sort()).toEqual(emails)

    // The checks can fail: a body changed by one byte verifies with neither library.
    const sample = receiver.attempts[0] as Attempt
    const tampered = Buffer.from(sample.raw.toString('utf8').replace('user.created', 'user.createD'))
    await expect(verify(tampered, sample.headers, secret)).rejects.toMatchObject({ reason: 'no_matching_signature' })
    expect(() => new Webhook(secret).verify(tampered.toString('utf8'), sample.headers)).toThrow()

    // Both read the real clock, as a production receiver does.
    for (const attempt of receiver.attempts) {
      figures.attempts++
      await expect(verify(attempt.raw, attempt.headers, secret)).resolves.toBe(true)
      figures.ourVerified++
      expect(() => new Webhook(secret).verify(attempt.raw.toString('utf8'), attempt.headers)).not.toThrow()
      figures.standardVerified++
    }
  })
})
