import { describe, expect, test } from 'vitest'
import { createMockApi } from '../../mocks/api'
import { activeUser, call } from '../helpers/mock'

const WEEK = 7 * 86_400_000

async function tracked(receipt = 'EAC2190012340') {
  const api = createMockApi()
  const user = await activeUser(api)
  const created = await call(api, 'createCase', { params: { user_id: user.id }, body: { receipt_number: receipt } })
  return { api, user, caseId: created.body.case.id }
}

describe('check', () => {
  test('the first check of a case records a baseline: no change, notifications skipped, no webhook event', async () => {
    const { api, caseId } = await tracked()
    const res = await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      receipt_number: 'EAC2190012340',
      changed: false,
      checked_case_ids: [caseId],
      updated_case_ids: [caseId],
    })
    const details = await call(api, 'getCase', { params: { case_id: caseId } })
    expect(details.body.status_updates[0]).toMatchObject({
      detail_message: 'First status observed for this case.',
      email_notify_status: 'skipped',
      whatsapp_notify_status: 'skipped',
      notified: 0,
    })
    expect(api.events.filter((event) => event.type === 'case.status_changed')).toEqual([])
  })

  test('every active case with the receipt gets last_checked; inactive ones are left alone', async () => {
    const { api, caseId } = await tracked()
    const other = await activeUser(api)
    const second = await call(api, 'createCase', {
      params: { user_id: other.id },
      body: { receipt_number: 'EAC2190012340' },
    })
    await call(api, 'updateCase', { params: { case_id: second.body.case.id }, body: { active: false } })
    await api.clock.advance(60_000)
    const res = await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
    expect(res.body.checked_case_ids).toEqual([caseId])
    expect((await call(api, 'getCase', { params: { case_id: caseId } })).body.case.last_checked).toBe(
      '2026-01-05T09:01:00.000Z',
    )
    expect((await call(api, 'getCase', { params: { case_id: second.body.case.id } })).body.case.last_checked).toBeNull()
  })

  test('an unchanged status records nothing new', async () => {
    const { api } = await tracked()
    await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
    const again = await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
    expect(again.body).toMatchObject({ changed: false, updated_case_ids: [] })
  })

  test('a new title after a week records a status update, fires case.status_changed and notifies', async () => {
    const { api, caseId } = await tracked()
    await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
    await api.clock.advance(WEEK)
    const res = await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
    expect(res.body).toMatchObject({ changed: true, updated_case_ids: [caseId] })
    const event = api.events.find((item) => item.type === 'case.status_changed')
    expect(event?.data).toMatchObject({
      previous_status_code: 'Case Was Received',
      status_update: { email_notify_status: 'pending' },
    })
    await api.idle()
    const update = (await call(api, 'getCase', { params: { case_id: caseId } })).body.status_updates[0]
    expect(update).toMatchObject({
      email_notify_status: 'sent',
      notified: 1,
      detail_message: expect.stringContaining('Status changed from'),
    })
  })

  test('a changed modified_date with the same title is also a change', async () => {
    const { api } = await tracked()
    await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
    await api.clock.advance(86_400_000)
    api.uscis.setStatus('EAC2190012340', 'Case Was Received')
    const res = await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
    expect(res.body.changed).toBe(true)
  })

  test('a receipt ending in 9 is unknown to USCIS: 404 receipt_not_found', async () => {
    const res = await call(createMockApi(), 'checkCaseStatus', { body: { receipt_number: 'EAC2190012349' } })
    expect(res.status).toBe(404)
    expect(res.error.code).toBe('receipt_not_found')
  })

  test('USCIS throttling answers 429 rate_limited with Retry-After and changes nothing', async () => {
    const { api, caseId } = await tracked()
    api.uscis.fail({ status: 429, retryAfter: 30, times: 1 })
    const res = await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('30')
    expect((await call(api, 'getCase', { params: { case_id: caseId } })).body.case.last_checked).toBeNull()
    expect((await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })).status).toBe(200)
  })

  test('a USCIS outage answers 503 service_unavailable with Retry-After until recovered', async () => {
    const { api } = await tracked()
    api.uscis.fail({ status: 503 })
    for (let i = 0; i < 2; i++) {
      const res = await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
      expect(res.status).toBe(503)
      expect(res.headers.get('retry-after')).toBe('60')
    }
    api.uscis.recover()
    expect((await call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })).status).toBe(200)
  })

  test('a receipt nobody tracks is still checked: empty case id lists', async () => {
    const res = await call(createMockApi(), 'checkCaseStatus', { body: { receipt_number: 'LIN2590000001' } })
    expect(res.body).toMatchObject({ changed: false, checked_case_ids: [], updated_case_ids: [] })
  })
})
