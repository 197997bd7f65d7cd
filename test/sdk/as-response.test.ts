import { describe, expect, it } from 'vitest'
import { NotFoundError } from '../../src'
import { inProcessMock } from './in-process-mock'

describe('.asResponse()', () => {
  it('resolves to the raw Response with its body unread', async () => {
    const { client } = inProcessMock()
    const sdk = client()
    const user = await sdk.users.create({ email: 'maria@example.com', name: 'María' })
    const response = await sdk.users.retrieve(user.id).asResponse()
    expect(response).toBeInstanceOf(Response)
    expect(response.status).toBe(200)
    expect(response.bodyUsed).toBe(false)
    expect(response.headers.get('x-request-id')).toBeTruthy()
    expect(await response.json()).toEqual(user)
  })

  it('works on every kind of call: create, list, delete', async () => {
    const { client } = inProcessMock()
    const sdk = client()
    const created = await sdk.users.create({ email: 'wei@example.com', name: 'Wei' }).asResponse()
    expect([created.status, created.bodyUsed]).toEqual([201, false])
    const page = await sdk.users.list({ limit: 1 }).asResponse()
    expect([page.status, page.bodyUsed]).toEqual([200, false])
    expect(((await page.json()) as { data: unknown[] }).data).toHaveLength(1)
    const webhook = await sdk.webhooks.create({ url: 'https://example.com/hook', events: ['*'] })
    const deleted = await sdk.webhooks.delete(webhook.id).asResponse()
    expect(deleted.status).toBe(204)
  })

  it('still rejects error statuses with the typed error', async () => {
    const { client } = inProcessMock()
    await expect(client().users.retrieve(424_242).asResponse()).rejects.toBeInstanceOf(NotFoundError)
  })

  it('gives the same Response as withResponse() when both are asked for', async () => {
    const { client } = inProcessMock()
    const sdk = client()
    const user = await sdk.users.create({ email: 'ana@example.com', name: 'Ana' })
    const call = sdk.users.retrieve(user.id)
    const { data, response } = await call.withResponse()
    expect(data).toEqual(user)
    expect(await call.asResponse()).toBe(response)
  })
})
