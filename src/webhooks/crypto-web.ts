/** HMAC-SHA256 on Web Crypto: what `#crypto` gives browsers, Deno, Bun and edge workers. */
import type { HmacCrypto } from './hmac'

export const hmac: HmacCrypto<CryptoKey> = {
  importKey: (bytes) =>
    globalThis.crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']),
  sign: async (key, content) => new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, content)),
  async verify(key, signatures, content) {
    const subtle = globalThis.crypto.subtle
    // subtle.verify compares in constant time, so no timing leaks how much of a signature matched.
    for (const signature of signatures) if (await subtle.verify('HMAC', key, signature, content)) return true
    return false
  },
}
