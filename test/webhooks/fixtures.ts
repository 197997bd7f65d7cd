import { WebhookVerificationError } from '../../src/webhooks'

/** The Standard Webhooks reference test vector. */
export const REFERENCE = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  payload: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
} as const

/** The reference headers, as a sender would send them. */
export const REFERENCE_HEADERS = {
  'webhook-id': REFERENCE.id,
  'webhook-timestamp': String(REFERENCE.timestamp),
  'webhook-signature': REFERENCE.signature,
}

/** `now` (epoch ms) equal to the reference timestamp, so the tolerance window is centred on it. */
export const REFERENCE_NOW = REFERENCE.timestamp * 1000

/** The WebhookVerificationError a promise rejects with; fails the test if it resolves or throws something else. */
export async function rejection(promise: Promise<unknown>): Promise<WebhookVerificationError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error
    throw error
  }
  throw new Error('Expected a WebhookVerificationError, but the promise resolved')
}
