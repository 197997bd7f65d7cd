import { once } from 'node:events'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createWebhookReceiver } from '../../examples/webhook-receiver'
import { generateSecret, sign, type WebhookEvent } from '../../src/webhooks'
import { specExamples } from '../helpers/spec'

const secret = generateSecret()
const example = specExamples().find((entry) => entry.where === 'webhook case.status_changed')?.value
const body = JSON.stringify(example)

let server: Server | undefined

afterEach(async () => {
  if (server?.listening) {
    server.close()
    await once(server, 'close')
  }
  server = undefined
})

/** Starts a receiver on a free port and records what it hands to onEvent. */
async function startReceiver() {
  const received: Array<{ event: WebhookEvent; webhookId: string }> = []
  server = createWebhookReceiver({ secret, onEvent: (event, webhookId) => void received.push({ event, webhookId }) })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/webhooks`, received }
}

/** POSTs the body with the given headers, as ImmigraFlow delivers. */
function deliver(url: string, headers: Record<string, string>) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
}

// The receiver checks against the real clock, so deliveries are signed at the current time.
function signed(id: string) {
  return sign({ id, timestamp: new Date(), payload: body, secret })
}

describe('examples/webhook-receiver', () => {
  it('has a spec example to deliver', () => {
    expect(example).toMatchObject({ type: 'case.status_changed' })
  })

  it('answers 2xx to a signed event and hands it to onEvent once', async () => {
    const { url, received } = await startReceiver()
    const response = await deliver(url, await signed('msg_receiver_1'))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ received: true, duplicate: false })
    expect(received).toEqual([{ event: example, webhookId: 'msg_receiver_1' }])
  })

  it('answers 2xx to a redelivery of the same webhook-id without processing it again', async () => {
    const { url, received } = await startReceiver()
    expect((await deliver(url, await signed('msg_receiver_2'))).status).toBe(200)
    // A retry is signed again, at its own timestamp, but keeps its webhook-id.
    const retry = await deliver(url, await signed('msg_receiver_2'))
    expect(retry.status).toBe(200)
    expect(await retry.json()).toEqual({ received: true, duplicate: true })
    expect(received).toHaveLength(1)
  })

  it('answers 400 with the reason to a bad signature and does not process it', async () => {
    const { url, received } = await startReceiver()
    const headers = await sign({ id: 'msg_receiver_3', timestamp: new Date(), payload: body, secret: generateSecret() })
    const response = await deliver(url, headers)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ error: 'no_matching_signature' })
    expect(received).toEqual([])
  })

  it('does not let a rejected delivery mark its webhook-id as seen', async () => {
    const { url, received } = await startReceiver()
    const good = await signed('msg_receiver_4')
    await deliver(url, { ...good, 'webhook-signature': `v1,${Buffer.alloc(32).toString('base64')}` })
    expect((await deliver(url, good)).status).toBe(200)
    expect(received).toHaveLength(1)
  })
})
