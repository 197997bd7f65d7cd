/**
 * HMAC-SHA256 on node:crypto: what `#crypto` gives Node (the `node` condition). Synchronous
 * hashing on the calling thread: each Web Crypto call in Node is queued to the thread pool and
 * back, which made a sequential verify of a 2 kB payload slower than pure-JS `standardwebhooks`.
 */
import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto'
import type { HmacCrypto } from './hmac'

const digest = (key: KeyObject, content: Uint8Array) => createHmac('sha256', key).update(content).digest()

export const hmac: HmacCrypto<KeyObject> = {
  importKey: async (bytes) => createSecretKey(bytes),
  sign: async (key, content) => digest(key, content),
  async verify(key, signatures, content) {
    const expected = digest(key, content)
    // timingSafeEqual compares in constant time; signatures are all 32 bytes, as is the digest.
    for (const signature of signatures) {
      if (signature.length === expected.length && timingSafeEqual(signature, expected)) return true
    }
    return false
  },
}
