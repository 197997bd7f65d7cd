import { describe, expect, test } from 'vitest'
import { createMockApi } from '../../mocks/api'
import { activeUser, call, type UserInput } from '../helpers/mock'

const WEEK = 7 * 86_400_000

/** A user with a case that has seen one real status change; returns the newest status update. */
async function changeFor(input: UserInput, options: { disable?: boolean } = {}) {
  const api = createMockApi()
  const user = await activeUser(api, input)
  const created = await call(api, 'createCase', {
    params: { user_id: user.id },
    body: { receipt_number: 'EAC2190012340' },
  })
  await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
  if (options.disable) await call(api, 'updateUser', { params: { user_id: user.id }, body: { status: 'disabled' } })
  await api.clock.advance(WEEK)
  await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
  await api.clock.advance(10 * 60_000)
  const details = await call(api, 'getCase', { params: { case_id: created.body.case.id } })
  return { api, update: details.body.status_updates[0] }
}

/** A user whose case has just changed at USCIS, its notifications' first attempts made; `latest()` reads the newest update. */
async function justChanged(input: UserInput) {
  const api = createMockApi()
  const user = await activeUser(api, input)
  const created = await call(api, 'createCase', {
    params: { user_id: user.id },
    body: { receipt_number: 'EAC2190012340' },
  })
  await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
  await api.clock.advance(WEEK)
  await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
  await api.idle()
  const latest = async () =>
    (await call(api, 'getCase', { params: { case_id: created.body.case.id } })).body.status_updates[0]
  return { api, user, latest }
}

describe('notifications', () => {
  test('email and WhatsApp are sent when both are on and the user is active', async () => {
    const { api, update } = await changeFor({ phone: '+14155550123', notify_by_whatsapp: true })
    expect(update).toMatchObject({
      email_notify_status: 'sent',
      whatsapp_notify_status: 'sent',
      notified: 2,
      email_notify_attempts: 1,
      email_notify_sent_at: '2026-01-12T09:00:00.000Z',
    })
    expect(api.outbox.filter((message) => message.kind === 'status_update').map((message) => message.channel)).toEqual([
      'email',
      'whatsapp',
    ])
  })

  test('a channel that is off is skipped', async () => {
    const { update } = await changeFor({ notify_by_email: false })
    expect(update).toMatchObject({ email_notify_status: 'skipped', whatsapp_notify_status: 'skipped', notified: 0 })
  })

  test('a user who is not active gets nothing: both channels skipped', async () => {
    const { update } = await changeFor({ phone: '+14155550123', notify_by_whatsapp: true }, { disable: true })
    expect(update).toMatchObject({ email_notify_status: 'skipped', whatsapp_notify_status: 'skipped' })
  })

  test('email to @bounce.example.com fails after 3 attempts with the last error', async () => {
    const { api, update } = await changeFor({ email: 'nobody@bounce.example.com' })
    expect(update).toMatchObject({
      email_notify_status: 'failed',
      email_notify_attempts: 3,
      email_notify_sent_at: null,
      notified: 0,
    })
    expect(update?.email_notify_last_error).toMatch(/550/)
    const attempts = api.outbox.filter((message) => message.kind === 'status_update')
    expect(attempts.map((message) => [message.attempt, message.created_at])).toEqual([
      [1, '2026-01-12T09:00:00.000Z'],
      [2, '2026-01-12T09:01:00.000Z'],
      [3, '2026-01-12T09:06:00.000Z'],
    ])
  })

  test('while retries are due the channel stays pending', async () => {
    const { latest } = await justChanged({ email: 'x@bounce.example.com' })
    expect(await latest()).toMatchObject({ email_notify_status: 'pending', email_notify_attempts: 1 })
  })

  test('WhatsApp to a number ending in 0000 fails after 3 attempts; email still goes out', async () => {
    const { update } = await changeFor({ phone: '+14155550000', notify_by_whatsapp: true })
    expect(update).toMatchObject({
      whatsapp_notify_status: 'failed',
      whatsapp_notify_attempts: 3,
      email_notify_status: 'sent',
      notified: 1,
    })
    expect(update?.whatsapp_notify_last_error).toMatch(/WhatsApp/)
  })

  test('WhatsApp without a phone is skipped', async () => {
    const { update } = await changeFor({})
    expect(update?.whatsapp_notify_status).toBe('skipped')
  })

  test.each([
    ['the user is disabled', { email: 'x@bounce.example.com' }, { status: 'disabled' }, 'email'],
    ['the user turns email off', { email: 'x@bounce.example.com' }, { notify_by_email: false }, 'email'],
    [
      'the user turns WhatsApp off',
      { phone: '+14155550000', notify_by_whatsapp: true },
      { notify_by_whatsapp: false },
      'whatsapp',
    ],
  ] as const)(
    'a failed notification is not retried once %s: the channel ends skipped',
    async (_, input, change, channel) => {
      const { api, user, latest } = await justChanged(input)
      expect((await call(api, 'updateUser', { params: { user_id: user.id }, body: change })).status).toBe(200)
      await api.clock.advance(10 * 60_000)
      expect(await latest()).toMatchObject({
        [`${channel}_notify_status`]: 'skipped',
        [`${channel}_notify_attempts`]: 1,
      })
      const sent = api.outbox.filter((message) => message.kind === 'status_update' && message.channel === channel)
      expect(sent).toHaveLength(1)
    },
  )
})
