/**
 * The HMAC-SHA256 primitives webhook signing and verification need. `#crypto` (package.json
 * `imports`) picks an implementation: node:crypto under the `node` condition, Web Crypto
 * everywhere else.
 */
export interface HmacCrypto<Key> {
  /** An HMAC-SHA256 key of these bytes. */
  importKey(bytes: Uint8Array<ArrayBuffer>): Promise<Key>
  /** The HMAC-SHA256 of `content`. */
  sign(key: Key, content: Uint8Array<ArrayBuffer>): Promise<Uint8Array>
  /** Whether one of `signatures` (each 32 bytes) is the HMAC-SHA256 of `content`, compared in constant time. */
  verify(key: Key, signatures: readonly Uint8Array<ArrayBuffer>[], content: Uint8Array<ArrayBuffer>): Promise<boolean>
}
