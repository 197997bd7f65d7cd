/**
 * The HMAC implementations behind `#crypto`: this suite runs once per implementation (see vitest.config.ts); the
 * last block compares the two directly.
 */

import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { hmac } from '#crypto'
import { generateSecret, sign, verify } from '../../src/webhooks'
import { hmac as nodeHmac } from '../../src/webhooks/crypto-node'
import { hmac as webHmac } from '../../src/webhooks/crypto-web'

afterEach(() => {
  vi.restoreAllMocks()
})

const bytes = (text: string) => new TextEncoder().encode(text)

describe('#crypto', () => {
  it('imports each secret once, then verifies with the cached key', async () => {
    const importKey = vi.spyOn(hmac, 'importKey')
    const secret = generateSecret()
    const timestamp = Math.floor(Date.now() / 1000)
    const headers = await sign({ id: 'msg_cache', timestamp, payload: '{}', secret })
    for (let i = 0; i < 5; i++) await verify('{}', headers, secret)
    expect(importKey).toHaveBeenCalledTimes(1)
  })

  it('matches a signature only when every byte is equal', async () => {
    const key = await hmac.importKey(bytes('a key of some length'))
    const content = bytes('msg_1.1614265330.{}')
    const mac = await hmac.sign(key, content)
    expect(mac).toHaveLength(32)
    const good = new Uint8Array(mac)
    expect(await hmac.verify(key, [good], content)).toBe(true)
    for (const index of [0, 15, 31]) {
      const bad = new Uint8Array(mac)
      bad[index] = (bad[index] as number) ^ 1
      expect(await hmac.verify(key, [bad], content), `byte ${index}`).toBe(false)
    }
    expect(await hmac.verify(key, [good.slice(0, 31)], content)).toBe(false)
    expect(await hmac.verify(key, [], content)).toBe(false)
    // Any one matching candidate is enough, wherever it stands.
    expect(await hmac.verify(key, [new Uint8Array(32), good], content)).toBe(true)
  })
})

describe('node:crypto and Web Crypto', () => {
  it('sign and verify alike, for any key and content', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 80 }),
        fc.uint8Array({ maxLength: 3000 }),
        async (keyBytes, content) => {
          const [nodeKey, webKey] = await Promise.all([
            nodeHmac.importKey(new Uint8Array(keyBytes)),
            webHmac.importKey(new Uint8Array(keyBytes)),
          ])
          const body = new Uint8Array(content)
          const [fromNode, fromWeb] = await Promise.all([nodeHmac.sign(nodeKey, body), webHmac.sign(webKey, body)])
          expect(new Uint8Array(fromNode)).toEqual(new Uint8Array(fromWeb))
          const signature = new Uint8Array(fromWeb)
          expect(await nodeHmac.verify(nodeKey, [signature], body)).toBe(true)
          expect(await webHmac.verify(webKey, [new Uint8Array(fromNode)], body)).toBe(true)
        },
      ),
      { numRuns: 50 },
    )
  })
})
