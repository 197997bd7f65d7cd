import { describe, expect, test } from 'vitest'
import { createMockApi } from '../../mocks/api'
import { formOf, STEPS, scriptOf } from '../../mocks/uscis'
import { UscisStatusSchema } from '../../src/generated/zod'

const WEEK = 7 * 86_400_000

describe('USCIS simulator', () => {
  test('the same receipt at the same mock time gives the same status on two fresh mocks', () => {
    expect(createMockApi().uscis.lookup('EAC2190012345')).toEqual(createMockApi().uscis.lookup('EAC2190012345'))
  })

  test('the form type comes from the second-to-last digit', () => {
    expect(formOf('EAC2190012305').code).toBe('I-485')
    expect(formOf('EAC2190012315').code).toBe('I-130')
    expect(createMockApi().uscis.lookup('EAC2190012325')?.form_type).toBe('I-765')
  })

  test('the last digit picks the lifecycle: approval with a card, RFE, transfer, denial', () => {
    expect(scriptOf('EAC2190012300')).toEqual([
      'received',
      'fingerprints',
      'reviewed',
      'approved',
      'card_produced',
      'card_mailed',
      'card_delivered',
    ])
    expect(scriptOf('EAC2190012313')).toEqual([
      'received',
      'fingerprints',
      'reviewed',
      'rfe_sent',
      'rfe_received',
      'approved',
      'notice_mailed',
    ])
    expect(scriptOf('EAC2190012305')).toContain('transferred')
    expect(scriptOf('EAC2190012307').at(-1)).toBe('denied')
    expect(scriptOf('EAC2190012306')).toEqual([
      'received',
      'fingerprints',
      'reviewed',
      'rfe_sent',
      'rfe_received',
      'denied',
    ])
  })

  test('receipts ending in 9 are unknown to USCIS', () => {
    expect(createMockApi().uscis.lookup('EAC2190012349')).toBeNull()
  })

  test('a receipt moves one step per simulated week since it was first seen, to the end of its script', async () => {
    const api = createMockApi()
    const titles = [api.uscis.lookup('EAC2190012007')?.status_code]
    for (let week = 1; week <= 5; week++) {
      await api.clock.advance(WEEK)
      titles.push(api.uscis.lookup('EAC2190012007')?.status_code)
    }
    expect(titles).toEqual([
      STEPS.received.en,
      STEPS.fingerprints.en,
      STEPS.reviewed.en,
      STEPS.denied.en,
      STEPS.denied.en,
      STEPS.denied.en,
    ])
  })

  test('the third-to-last digit mod 3 sets the first step seen, with earlier steps in the history a week apart, newest first', () => {
    const status = createMockApi().uscis.lookup('EAC2190012200')
    expect(status?.status_code).toBe(STEPS.reviewed.en)
    expect(status?.history).toEqual([
      { date: '2025-12-29', completed_text_en: STEPS.fingerprints.en, completed_text_es: STEPS.fingerprints.es },
      { date: '2025-12-22', completed_text_en: STEPS.received.en, completed_text_es: STEPS.received.es },
    ])
    expect(status?.submitted_date).toBe('2025-12-22T00:00:00.000Z')
    expect(status?.modified_date).toBe('2026-01-05T00:00:00.000Z')
  })

  test('texts are USCIS-style in English and Spanish with written-out dates', async () => {
    const api = createMockApi({ startTime: '2026-03-02T12:00:00.000Z' })
    api.uscis.setStatus('EAC2190012300', 'Case Was Approved')
    const status = api.uscis.lookup('EAC2190012300')
    expect(UscisStatusSchema.parse(status)).toBeTruthy()
    expect(status?.status_description).toBe(
      'On March 2, 2026, we approved your Form I-485, Application to Register Permanent Residence or Adjust Status, Receipt Number EAC2190012300. We will mail your approval notice.',
    )
    expect(status?.status_code_es).toBe('Caso Fue Aprobado')
    expect(status?.status_description_es).toMatch(/^El 2 de marzo de 2026, aprobamos su Formulario I-485/)
  })

  test('advance(receipt) moves one step now', () => {
    const api = createMockApi()
    expect(api.uscis.lookup('EAC2190012000')?.status_code).toBe(STEPS.received.en)
    expect(api.uscis.advance('EAC2190012000').status_code).toBe(STEPS.fingerprints.en)
    expect(api.uscis.lookup('EAC2190012000')?.history[0]?.completed_text_en).toBe(STEPS.received.en)
  })

  test('setStatus accepts any title; an unknown one gets a generic text', () => {
    const api = createMockApi()
    const status = api.uscis.setStatus('EAC2190012000', 'Interview Was Scheduled')
    expect(status.status_code).toBe('Interview Was Scheduled')
    expect(status.status_description).toContain('changed to "Interview Was Scheduled"')
  })

  test('controls refuse receipts USCIS does not know', () => {
    expect(() => createMockApi().uscis.advance('EAC2190012349')).toThrow(/no case/)
  })
})
