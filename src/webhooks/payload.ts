import { utf8 } from './encoding'
import { WebhookVerificationError } from './errors'

/** A webhook body exactly as sent or received: text, or bytes that are hashed as they are. */
export type WebhookPayload = string | Uint8Array | ArrayBuffer

/** The hint shown when a receiver hands over something other than the raw body. */
const RAW_BODY_HINT =
  'Signatures cover the exact bytes sent, so re-serialised JSON fails. ' +
  "In express use `express.raw({ type: 'application/json' })` on the route and pass `req.body`; " +
  'in node:http pass `Buffer.concat(chunks)` of the request.'

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value === 'object' ? 'an object (parsed JSON?)' : typeof value
}

/** The payload as a string or a byte view, or a `payload_not_raw` error saying what to pass instead. */
export function rawPayload(payload: unknown, caller: 'sign' | 'verify' | 'unwrap'): string | Uint8Array {
  if (typeof payload === 'string') return payload
  if (ArrayBuffer.isView(payload)) return new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength)
  // toString rather than instanceof, so an ArrayBuffer from another realm is recognised too.
  if (Object.prototype.toString.call(payload) === '[object ArrayBuffer]') return new Uint8Array(payload as ArrayBuffer)
  const hint = caller === 'sign' ? 'Pass the exact body to send, e.g. `JSON.stringify(event)`.' : RAW_BODY_HINT
  throw new WebhookVerificationError(
    'payload_not_raw',
    `${caller}() needs the raw request body (string, Uint8Array or ArrayBuffer), got ${describe(payload)}. ${hint}`,
  )
}

/** The bytes Standard Webhooks signs: `${id}.${timestamp}.` followed by the body, unchanged. */
export function signedContent(id: string, timestamp: string, payload: string | Uint8Array): Uint8Array<ArrayBuffer> {
  if (typeof payload === 'string') return utf8.encode(`${id}.${timestamp}.${payload}`)
  const prefix = utf8.encode(`${id}.${timestamp}.`)
  const content = new Uint8Array(prefix.length + payload.length)
  content.set(prefix)
  content.set(payload, prefix.length)
  return content
}
