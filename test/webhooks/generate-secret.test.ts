import { describe, expect, it } from 'vitest'
import { generateSecret, sign, verify } from '../../src/webhooks'

describe('generateSecret', () => {
  it('returns whsec_ and the base64 of 32 bytes', () => {
    const secret = generateSecret()
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32)
  })

  it('returns a different secret each call', () => {
    expect(new Set(Array.from({ length: 20 }, generateSecret)).size).toBe(20)
  })

  it('returns a secret that sign and verify accept', async () => {
    const secret = generateSecret()
    const headers = await sign({ id: 'msg_1', timestamp: 1_700_000_000, payload: '{}', secret })
    await expect(verify('{}', headers, secret, { now: 1_700_000_000_000 })).resolves.toBe(true)
  })
})
