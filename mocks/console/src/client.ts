/** Talks to the mock that serves the page: its control routes under /__mock/ and, to verify, its API. */

const KEY_STORAGE = 'immigraflow-mock-api-key'

/**
 * The mock session this page looks at: `?session=<name>` in its address (`/__mock/?session=alice`),
 * or null for the default session. Every call sends it as `X-Mock-Session`.
 */
export const session: string | null = new URLSearchParams(location.search).get('session') || null

/** `path` with `?session=` (and `?key=` when given) for what a browser opens without headers: the stream. */
export function withQuery(path: string, key: string | null): string {
  const query = new URLSearchParams()
  if (key) query.set('key', key)
  if (session) query.set('session', session)
  const text = query.toString()
  return text ? `${path}?${text}` : path
}

/** A control or API call that did not succeed, with the mock's message. */
export class CallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

export function storedKey(): string | null {
  return sessionStorage.getItem(KEY_STORAGE)
}

export function storeKey(key: string): void {
  sessionStorage.setItem(KEY_STORAGE, key)
}

/** Called when the mock answers 401: asks for the key and resolves once one is stored. */
let askForKey: () => Promise<void> = () => Promise.reject(new CallError(401, 'The mock wants an API key.'))
export function onKeyNeeded(ask: () => Promise<void>): void {
  askForKey = ask
}

function headers(body: boolean): Headers {
  const result = new Headers({ Accept: 'application/json' })
  if (body) result.set('Content-Type', 'application/json')
  // Without --api-key the mock takes any non-empty key.
  result.set('Authorization', `Bearer ${storedKey() ?? 'console'}`)
  if (session) result.set('X-Mock-Session', session)
  return result
}

async function messageOf(response: Response): Promise<string> {
  const text = await response.text()
  try {
    const parsed = JSON.parse(text) as { error?: { message?: string } }
    if (parsed.error?.message) return parsed.error.message
  } catch {}
  return text || `${response.status} ${response.statusText}`
}

/**
 * Calls the mock (same origin) and parses its JSON answer. A 401 asks for the API key (again,
 * when the one given was refused) and tries again with it.
 */
export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: headers(body !== undefined),
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    cache: 'no-store',
  })
  if (response.status === 401) {
    await askForKey()
    return call<T>(method, path, body)
  }
  if (!response.ok) throw new CallError(response.status, await messageOf(response))
  const text = await response.text()
  return (text ? JSON.parse(text) : undefined) as T
}

/** The raw text of a GET (the snapshot download keeps the mock's bytes as they are). */
export async function download(path: string): Promise<Blob> {
  const response = await fetch(path, { headers: headers(false), cache: 'no-store' })
  if (response.status === 401) {
    await askForKey()
    return download(path)
  }
  if (!response.ok) throw new CallError(response.status, await messageOf(response))
  return response.blob()
}
