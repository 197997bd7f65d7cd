/**
 * Signing and verifying webhooks yourself: for testing a receiver, and for secret rotation.
 */
// #region imports
import { generateSecret, sign, verify } from 'immigraflow/webhooks'
// #endregion

export async function signAndVerify(event: unknown) {
  // #region sign
  // In a receiver's tests: sign an event as ImmigraFlow would, then POST it with these headers.
  const secret = generateSecret() // "whsec_…"
  const payload = JSON.stringify(event)
  const headers = await sign({ id: 'msg_test_1', timestamp: new Date(), payload, secret })
  // headers: { 'webhook-id', 'webhook-timestamp', 'webhook-signature': 'v1,…' }
  // #endregion

  // #region rotation
  // After `webhooks.update(id, { rotate_secret: true })` the old secret keeps signing for
  // 24 hours beside the new one: accept both until the receiver has switched.
  const newSecret = generateSecret()
  const rotated = await sign({ id: 'msg_test_2', timestamp: new Date(), payload, secrets: [newSecret, secret] })
  await verify(payload, rotated, [newSecret, secret])
  // #endregion
  return { headers, rotated, valid: await verify(payload, headers, secret) }
}
