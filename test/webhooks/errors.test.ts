import { describe, expect, it } from 'vitest'
import { ImmigraFlowError } from '../../src/core/base-error'
import { verify, WebhookVerificationError } from '../../src/webhooks'
import { REFERENCE, rejection } from './fixtures'

describe('WebhookVerificationError', () => {
  it('is an ImmigraFlowError by instanceof and by isImmigraFlowError', () => {
    const error = new WebhookVerificationError('missing_header', 'Missing webhook header: webhook-id.')
    expect(error).toBeInstanceOf(ImmigraFlowError)
    expect(error).toBeInstanceOf(Error)
    expect(ImmigraFlowError.isImmigraFlowError(error)).toBe(true)
  })

  it('carries its name, reason, message and cause', () => {
    const cause = new SyntaxError('bad json')
    const error = new WebhookVerificationError('invalid_payload', 'not JSON', { cause })
    expect(error.name).toBe('WebhookVerificationError')
    expect(error.reason).toBe('invalid_payload')
    expect(error.message).toBe('not JSON')
    expect(error.cause).toBe(cause)
    expect(error.details).toEqual([])
  })

  it('is what verify rejects with', async () => {
    const error = await rejection(verify(REFERENCE.payload, {}, REFERENCE.secret))
    expect(ImmigraFlowError.isImmigraFlowError(error)).toBe(true)
  })
})
