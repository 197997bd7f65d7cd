/** Shared UTF-8 encoder; TextEncoder is stateless, so one instance serves every call. */
export const utf8 = new TextEncoder()

// Standard (not URL-safe) alphabet; padding optional. atob alone would also skip whitespace.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** Standard base64 of some bytes. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** The bytes of a standard base64 string, or undefined when it is not valid base64. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!BASE64.test(text)) return undefined
  let binary: string
  try {
    binary = atob(text)
  } catch {
    return undefined
  }
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
