/**
 * A small seeded PRNG (mulberry32). Its whole state is one number kept inside the mock's
 * state, so `snapshot()` / `restore()` and two instances with the same seed stay identical.
 */

/** The mutable part of a PRNG: a single 32-bit integer. */
export interface RandomState {
  value: number
}

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Turns a seed (number or string) into a PRNG state with FNV-1a, so any seed spreads well. */
export function seedState(seed: number | string, stream: string): RandomState {
  const text = `${stream}:${String(seed)}`
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return { value: hash | 0 }
}

/** The next number in [0, 1). */
export function nextRandom(state: RandomState): number {
  state.value = (state.value + 0x6d2b79f5) | 0
  let t = state.value
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/** `length` random letters and digits. */
export function randomToken(state: RandomState, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += BASE62[Math.floor(nextRandom(state) * 62)]
  return out
}

/** `length` random bytes. */
export function randomBytes(state: RandomState, length: number): Uint8Array {
  const bytes = new Uint8Array(length)
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(nextRandom(state) * 256)
  return bytes
}
