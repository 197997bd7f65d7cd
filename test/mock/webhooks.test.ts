import { describe, expect, test } from 'vitest'
import { createMockApi } from '../../mocks/api'
import { call } from '../helpers/mock'

const body = { url: 'https://hooks.example.com/immigraflow', events: ['case.created'] }

describe('webhooks', () => {
  test('create answers 201 with a whsec_ secret; get and list never show it', async () => {
    const api = createMockApi()
    const created = await call(api, 'createWebhook', { body })
    expect(created.status).toBe(201)
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    expect(created.body).toMatchObject({ active: true, disabled_reason: null, description: null })
    const got = await call(api, 'getWebhook', { params: { webhook_id: created.body.id } })
    expect(got.body.secret).toBeUndefined()
    const list = await call(api, 'listWebhooks')
    expect(list.body.data[0]?.secret).toBeUndefined()
    expect(list.body.total).toBe(1)
  })

  test('url must be https; http only for localhost and 127.0.0.1', async () => {
    const api = createMockApi()
    expect((await call(api, 'createWebhook', { body: { ...body, url: 'http://hooks.example.com/x' } })).status).toBe(
      422,
    )
    expect((await call(api, 'createWebhook', { body: { ...body, url: 'http://localhost:3000/x' } })).status).toBe(201)
    expect((await call(api, 'createWebhook', { body: { ...body, url: 'http://127.0.0.1:9/x' } })).status).toBe(201)
  })

  test('events must be a non-empty subset of the event types, or ["*"]', async () => {
    const api = createMockApi()
    expect((await call(api, 'createWebhook', { body: { ...body, events: [] } })).status).toBe(422)
    expect((await call(api, 'createWebhook', { body: { ...body, events: ['case.deleted'] } })).status).toBe(422)
    expect((await call(api, 'createWebhook', { body: { ...body, events: ['*'] } })).status).toBe(201)
  })

  test('update is partial; rotate_secret returns a new secret once', async () => {
    const api = createMockApi()
    const created = await call(api, 'createWebhook', { body })
    const plain = await call(api, 'updateWebhook', {
      params: { webhook_id: created.body.id },
      body: { description: 'CRM' },
    })
    expect(plain.body).toMatchObject({ description: 'CRM', url: body.url })
    expect(plain.body.secret).toBeUndefined()
    const rotated = await call(api, 'updateWebhook', {
      params: { webhook_id: created.body.id },
      body: { rotate_secret: true },
    })
    expect(rotated.body.secret).toMatch(/^whsec_/)
    expect(rotated.body.secret).not.toBe(created.body.secret)
  })

  test('delete answers 204 with no body, then the webhook is gone (404)', async () => {
    const api = createMockApi()
    const created = await call(api, 'createWebhook', { body })
    const deleted = await call(api, 'deleteWebhook', { params: { webhook_id: created.body.id } })
    expect(deleted.status).toBe(204)
    expect(deleted.text).toBe('')
    expect((await call(api, 'getWebhook', { params: { webhook_id: created.body.id } })).status).toBe(404)
    expect((await call(api, 'deleteWebhook', { params: { webhook_id: created.body.id } })).status).toBe(404)
  })
})
