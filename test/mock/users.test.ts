import { describe, expect, test } from 'vitest'
import { createMockApi } from '../../mocks/api'
import { activeUser, call, tokenFor } from '../helpers/mock'

const HOUR = 3_600_000

describe('users', () => {
  test('create answers 201 with status pending_verification and emails a verification token', async () => {
    const api = createMockApi()
    const res = await call(api, 'createUser', { body: { email: 'maria@example.com', name: 'María' } })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      id: 1,
      status: 'pending_verification',
      notify_by_email: true,
      notify_by_whatsapp: false,
      phone: null,
    })
    expect(res.body.created_at).toBe('2026-01-05T09:00:00.000Z')
    const email = api.outbox.find((message) => message.kind === 'verification')
    expect(email?.to).toBe('maria@example.com')
    expect(email?.token).toMatch(/^vt_[A-Za-z0-9]{24}$/)
    expect(email?.text).toContain(email?.token)
  })

  test('emails are unique case-insensitively (409 conflict)', async () => {
    const api = createMockApi()
    await call(api, 'createUser', { body: { email: 'maria@example.com', name: 'María' } })
    const res = await call(api, 'createUser', { body: { email: 'MARIA@Example.com', name: 'Other' } })
    expect(res.status).toBe(409)
    expect(res.error.code).toBe('conflict')
    expect(res.error.details).toEqual([{ field: 'email', message: 'already registered' }])
  })

  test('notify_by_whatsapp without a phone is a 422', async () => {
    const res = await call(createMockApi(), 'createUser', {
      body: { email: 'a@example.com', name: 'A', notify_by_whatsapp: true },
    })
    expect(res.status).toBe(422)
    expect(res.error.details?.[0]?.field).toBe('phone')
  })

  test('verifying the emailed token activates the user', async () => {
    const api = createMockApi()
    await call(api, 'createUser', { body: { email: 'a@example.com', name: 'A' } })
    const res = await call(api, 'verifyUserEmail', { body: { token: tokenFor(api, 'a@example.com') } })
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('active')
  })

  test('a verification token is single use: the second use is a 409', async () => {
    const api = createMockApi()
    await call(api, 'createUser', { body: { email: 'a@example.com', name: 'A' } })
    const token = tokenFor(api, 'a@example.com')
    await call(api, 'verifyUserEmail', { body: { token } })
    const again = await call(api, 'verifyUserEmail', { body: { token } })
    expect(again.status).toBe(409)
    expect(again.error.code).toBe('conflict')
  })

  test('a verification token expires after 24 h of mock time (410 gone)', async () => {
    const api = createMockApi()
    await call(api, 'createUser', { body: { email: 'a@example.com', name: 'A' } })
    const token = tokenFor(api, 'a@example.com')
    await api.clock.advance(24 * HOUR - 1)
    const snap = api.snapshot()
    expect((await call(api, 'verifyUserEmail', { body: { token } })).status).toBe(200)
    api.restore(snap)
    await api.clock.advance(1)
    const res = await call(api, 'verifyUserEmail', { body: { token } })
    expect(res.status).toBe(410)
    expect(res.error.code).toBe('gone')
  })

  test('an unknown verification token is a 404', async () => {
    const res = await call(createMockApi(), 'verifyUserEmail', { body: { token: 'vt_nope' } })
    expect(res.status).toBe(404)
  })

  test('get answers the user, or 404 for an unknown id', async () => {
    const api = createMockApi()
    const created = await call(api, 'createUser', { body: { email: 'a@example.com', name: 'A' } })
    expect((await call(api, 'getUser', { params: { user_id: created.body.id } })).body).toEqual(created.body)
    const missing = await call(api, 'getUser', { params: { user_id: 99 } })
    expect(missing.status).toBe(404)
    expect(missing.error.message).toBe('No user with id 99.')
  })

  test('PUT is a partial update: fields not sent stay as they were', async () => {
    const api = createMockApi()
    const user = await activeUser(api, { email: 'p@example.com', phone: '+14155550123' })
    await api.clock.advance(HOUR)
    const res = await call(api, 'updateUser', { params: { user_id: user.id }, body: { name: 'New Name' } })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      name: 'New Name',
      email: 'p@example.com',
      phone: '+14155550123',
      status: 'active',
    })
    expect(res.body.updated_at).toBe('2026-01-05T10:00:00.000Z')
  })

  test('changing the email returns the user to pending_verification with a new token', async () => {
    const api = createMockApi()
    const user = await activeUser(api, { email: 'old@example.com' })
    const oldToken = tokenFor(api, 'old@example.com')
    const res = await call(api, 'updateUser', { params: { user_id: user.id }, body: { email: 'new@example.com' } })
    expect(res.body.status).toBe('pending_verification')
    const newToken = tokenFor(api, 'new@example.com')
    expect(newToken).not.toBe(oldToken)
    expect((await call(api, 'verifyUserEmail', { body: { token: newToken } })).body.status).toBe('active')
  })

  test('the token sent to the old address stops working after an email change (410)', async () => {
    const api = createMockApi()
    await call(api, 'createUser', { body: { email: 'old@example.com', name: 'A' } })
    const oldToken = tokenFor(api, 'old@example.com')
    await call(api, 'updateUser', { params: { user_id: 1 }, body: { email: 'new@example.com' } })
    const res = await call(api, 'verifyUserEmail', { body: { token: oldToken } })
    expect(res.status).toBe(410)
    expect(res.error.message).toMatch(/replaced/)
  })

  test('a disabled user who changes their email stays disabled', async () => {
    const api = createMockApi()
    const user = await activeUser(api)
    await call(api, 'updateUser', { params: { user_id: user.id }, body: { status: 'disabled' } })
    const res = await call(api, 'updateUser', { params: { user_id: user.id }, body: { email: 'moved@example.com' } })
    expect(res.body.status).toBe('disabled')
    const verified = await call(api, 'verifyUserEmail', { body: { token: tokenFor(api, 'moved@example.com') } })
    expect(verified.body.status).toBe('disabled')
  })

  test('an email change to another user’s address is a 409', async () => {
    const api = createMockApi()
    await call(api, 'createUser', { body: { email: 'taken@example.com', name: 'A' } })
    const other = await call(api, 'createUser', { body: { email: 'b@example.com', name: 'B' } })
    const res = await call(api, 'updateUser', {
      params: { user_id: other.body.id },
      body: { email: 'TAKEN@example.com' },
    })
    expect(res.status).toBe(409)
  })

  test('status can be set to active or disabled only', async () => {
    const api = createMockApi()
    const user = await activeUser(api)
    expect(
      (await call(api, 'updateUser', { params: { user_id: user.id }, body: { status: 'disabled' } })).body.status,
    ).toBe('disabled')
    const res = await call(api, 'updateUser', {
      params: { user_id: user.id },
      body: { status: 'pending_verification' },
    })
    expect(res.status).toBe(422)
    expect(res.error.details?.[0]?.field).toBe('status')
  })

  test('removing the phone while WhatsApp is on is a 422', async () => {
    const api = createMockApi()
    const user = await activeUser(api, { phone: '+14155550123', notify_by_whatsapp: true })
    const res = await call(api, 'updateUser', { params: { user_id: user.id }, body: { phone: null } })
    expect(res.status).toBe(422)
    expect(res.error.details?.[0]?.field).toBe('phone')
  })
})
