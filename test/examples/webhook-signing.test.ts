import { describe, expect, it, vi } from 'vitest'
import { describeEvent } from '../../examples/webhook-receiver'
import { signAndVerify } from '../../examples/webhook-signing'
import type { WebhookEvent } from '../../src/webhooks'
import { specExamples } from '../helpers/spec'

describe('the webhook signing example', () => {
  it('signs with one secret, then with two during a rotation', async () => {
    const event = specExamples().find((e) => e.where === 'webhook case.created')?.value
    const { headers, rotated, valid } = await signAndVerify(event)
    expect(valid).toBe(true)
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/)
    expect(rotated['webhook-signature'].split(' ')).toHaveLength(2)
  })

  it('describes a status change with the narrowed payload', () => {
    vi.spyOn(console, 'log').mockImplementation(() => {})
    const event = specExamples().find((e) => e.where === 'webhook case.status_changed')?.value as WebhookEvent
    expect(describeEvent(event, 'msg_1')).toContain(
      'EAC2190012345 Case Is Being Actively Reviewed By USCIS → Case Was Approved',
    )
    vi.restoreAllMocks()
  })
})
