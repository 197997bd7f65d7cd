import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type RunningMockServer, startMockServer } from '../../mocks/server'
import type { OperationId } from '../../src/generated/zod'
import { API_KEY, type CallOptions, call } from '../helpers/mock'
import { startReceiver } from '../helpers/mock-receiver'
import { type PrismServer, startPrism } from '../helpers/prism'

const WEEK = 7 * 86_400_000

describe('contract: every mock response passes prism proxy --errors', () => {
  let mock: RunningMockServer
  let prism: PrismServer
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  const seen: string[] = []

  beforeAll(async () => {
    mock = await startMockServer({ apiKey: API_KEY })
    receiver = await startReceiver()
    prism = await startPrism('proxy', { upstream: mock.url })
  })
  afterAll(async () => {
    await prism?.close()
    await mock?.close()
    await receiver?.close()
  })

  /** Calls through Prism; fails on any violation Prism reports or any Prism-made answer. */
  async function viaPrism<Id extends OperationId>(id: Id, expected: number, options: CallOptions = {}) {
    const res = await call({ url: prism.url }, id, options)
    const where = `${id} → ${res.status}: ${res.text}\n${prism.output().slice(-2000)}`
    expect(res.headers.get('sl-violations'), where).toBeNull()
    expect(res.headers.get('content-type') ?? '', where).not.toContain('problem+json')
    expect(res.status, where).toBe(expected)
    seen.push(`${id} ${res.status}`)
    return res
  }

  test('the full flow, success and error responses alike, has no request or response violation', async () => {
    const maria = { email: 'maria@example.com', name: 'María', phone: '+14155550123', notify_by_whatsapp: true }
    const user = await viaPrism('createUser', 201, { body: maria, headers: { 'idempotency-key': 'create-maria' } })
    const replay = await viaPrism('createUser', 201, { body: maria, headers: { 'idempotency-key': 'create-maria' } })
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
    await viaPrism('createUser', 422, {
      body: { ...maria, name: 'Other' },
      headers: { 'idempotency-key': 'create-maria' },
    })
    await viaPrism('createUser', 409, { body: { ...maria, email: 'MARIA@example.com' } })
    await viaPrism('createUser', 422, { body: { email: 'w@example.com', name: 'W', notify_by_whatsapp: true } })
    await viaPrism('listUsers', 401, { key: 'sk_wrong' })

    const token = mock.api.outbox.find((message) => message.kind === 'verification')?.token as string
    await viaPrism('verifyUserEmail', 404, { body: { token: 'vt_unknown' } })
    await viaPrism('verifyUserEmail', 200, { body: { token } })
    await viaPrism('verifyUserEmail', 409, { body: { token } })
    const late = await viaPrism('createUser', 201, { body: { email: 'late@example.com', name: 'Late' } })
    await mock.api.clock.advance(25 * 3_600_000)
    const lateToken = mock.api.outbox.find((message) => message.to === 'late@example.com')?.token as string
    await viaPrism('verifyUserEmail', 410, { body: { token: lateToken } })

    await viaPrism('getUser', 200, { params: { user_id: user.body.id } })
    await viaPrism('getUser', 404, { params: { user_id: 999 } })
    await viaPrism('updateUser', 200, {
      params: { user_id: late.body.id },
      body: { name: 'Late Again', status: 'disabled' },
    })
    await viaPrism('updateUser', 409, { params: { user_id: late.body.id }, body: { email: 'maria@example.com' } })
    await viaPrism('listUsers', 200, { query: { limit: 1 } })
    const tagged = await viaPrism('createUser', 201, {
      body: { email: 'tagged@example.com', name: 'Tagged', metadata: { crm_id: 'C-1', tier: 'gold' } },
    })
    const untagged = await viaPrism('updateUser', 200, {
      params: { user_id: tagged.body.id },
      body: { metadata: { tier: '' } },
    })
    expect(untagged.body.metadata).toEqual({ crm_id: 'C-1' })
    const found = await viaPrism('listUsers', 200, { query: { 'metadata[crm_id]': 'C-1', limit: 5 } })
    expect(found.body.data.map((item) => item.id)).toEqual([tagged.body.id])
    await viaPrism('updateUser', 422, {
      params: { user_id: tagged.body.id },
      body: { metadata: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v'])) },
    })
    await viaPrism('listUsers', 200, { query: { status: 'active', email: 'maria@example.com' } })

    const webhook = await viaPrism('createWebhook', 201, {
      body: { url: receiver.url, events: ['*'], description: 'contract' },
    })
    await viaPrism('getWebhook', 200, { params: { webhook_id: webhook.body.id } })
    await viaPrism('getWebhook', 404, { params: { webhook_id: 999 } })
    await viaPrism('updateWebhook', 200, { params: { webhook_id: webhook.body.id }, body: { rotate_secret: true } })
    await viaPrism('listWebhooks', 200)
    const doomed = await viaPrism('createWebhook', 201, {
      body: { url: 'https://hooks.example.com/x', events: ['case.created'], active: false },
    })
    await viaPrism('deleteWebhook', 204, { params: { webhook_id: doomed.body.id } })
    await viaPrism('deleteWebhook', 404, { params: { webhook_id: doomed.body.id } })

    const created = await viaPrism('createCase', 201, {
      params: { user_id: user.body.id },
      body: { receipt_number: 'EAC2190012340', user_case_id: 'GC' },
    })
    await viaPrism('createCase', 409, {
      params: { user_id: user.body.id },
      body: { receipt_number: 'eac-219-001-2340' },
    })
    await viaPrism('createCase', 404, { params: { user_id: 999 }, body: { receipt_number: 'EAC2190012340' } })
    await viaPrism('listUserCases', 200, { params: { user_id: user.body.id }, query: { active: true } })
    await viaPrism('listUserCases', 404, { params: { user_id: 999 } })
    await viaPrism('updateCase', 200, {
      params: { case_id: created.body.case.id },
      body: { description: 'Filed with spouse' },
    })
    await viaPrism('updateCase', 404, { params: { case_id: 999 }, body: { active: false } })
    await viaPrism('updateCase', 200, { params: { case_id: created.body.case.id }, body: { metadata: { opp: '7' } } })
    const byMetadata = await viaPrism('listUserCases', 200, {
      params: { user_id: user.body.id },
      query: { 'metadata[opp]': '7' },
    })
    expect(byMetadata.body.total).toBe(1)

    await viaPrism('checkCaseStatus', 200, { body: { receipt_number: 'EAC2190012340' } })
    await mock.api.clock.advance(WEEK)
    const changed = await viaPrism('checkCaseStatus', 200, { body: { receipt_number: 'EAC2190012340' } })
    expect(changed.body.changed).toBe(true)
    await mock.api.idle()
    const details = await viaPrism('getCase', 200, { params: { case_id: created.body.case.id } })
    expect(details.body.update_count).toBe(2)
    await viaPrism('getCase', 404, { params: { case_id: 999 } })
    await viaPrism('checkCaseStatus', 404, { body: { receipt_number: 'EAC2190012349' } })
    mock.api.uscis.fail({ status: 429, times: 1 })
    await viaPrism('checkCaseStatus', 429, { body: { receipt_number: 'EAC2190012340' } })
    mock.api.uscis.fail({ status: 502, times: 1 })
    await viaPrism('checkCaseStatus', 502, { body: { receipt_number: 'EAC2190012340' } })
    await viaPrism('listUsers', 503, { headers: { prefer: 'code=503' } })
    await viaPrism('createCase', 500, {
      params: { user_id: user.body.id },
      body: { receipt_number: 'EAC2190012341' },
      headers: { prefer: 'code=500' },
    })

    expect(receiver.received.length).toBeGreaterThan(0)
    expect(seen.length).toBeGreaterThan(40)
  })
})
