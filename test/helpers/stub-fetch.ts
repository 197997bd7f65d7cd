import { type User, ValidationError } from '../../src'

/** A scripted reply: a response to return, or an error to throw as fetch would. */
export type Reply = Response | Error | 'hang'

/** The JSON of a user, as the API answers it. */
export const USER: User = {
  id: 7,
  email: 'maria.lopez@example.com',
  name: 'María López',
  phone: null,
  notify_by_email: true,
  notify_by_whatsapp: false,
  status: 'active',
  metadata: {},
  created_at: '2026-03-01T09:30:00.000Z',
  updated_at: '2026-03-01T09:30:00.000Z',
}

/** A JSON response with an X-Request-Id. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': `req_${status}`, ...headers },
  })
}

/** An error envelope response. */
export function apiError(status: number, code: string, headers: Record<string, string> = {}): Response {
  return json({ error: { code, message: `${code} happened`, request_id: `req_${status}` } }, status, headers)
}

/**
 * A fetch that answers from a script, one reply per call, and records every request with
 * its body. `'hang'` never answers until the request's signal aborts, as a stalled server.
 */
export function stubFetch(...script: Reply[]) {
  const requests: Array<{ request: Request; body: string }> = []
  const fetch = async (request: Request): Promise<Response> => {
    if (request.signal.aborted) throw request.signal.reason
    requests.push({ request, body: await request.clone().text() })
    const reply = script.shift()
    if (!reply) throw new Error(`Unexpected request ${request.method} ${request.url}: the script is exhausted`)
    if (reply instanceof Error) throw reply
    if (reply === 'hang') {
      return new Promise((_, reject) => {
        request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true })
      })
    }
    return reply
  }
  return { fetch, requests }
}

/** The ValidationError a call rejects with; fails the test when it resolves or rejects otherwise. */
export async function rejection(promise: PromiseLike<unknown>): Promise<ValidationError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ValidationError) return error
    throw error
  }
  throw new Error('expected a ValidationError')
}
