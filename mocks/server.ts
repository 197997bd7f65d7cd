/**
 * The standalone mock server: node:http in front of the mock's pipeline, plus the control
 * routes under `/__mock/`. The mock's own routes are answered through its router (the one
 * behind `handle`, `fetch` and MSW) straight from the node request, without building a fetch
 * `Request` or `Response`. A mock whose MSW `handlers` hold handlers of the user's own goes
 * through the MSW bridge instead (node request → fetch `Request` → msw `getResponse` → node
 * response), so those answer too; both paths answer the mock's routes byte for byte alike. On
 * the direct path and for the control routes the server keeps no byte of a body past 1 MiB (it
 * only counts them, for the 413); the bridge hands MSW the whole body.
 *
 * Measured on 2026-11-22 on the machine of the time (2 cores, Node 20.20; server in its own
 * process, autocannon with 32 keep-alive connections in another). Absolute figures move several
 * times over between machines: compare these rows with each other only. `npm run bench` measures
 * the direct path beside Prism and a bare node:http server (bench/README.md has the latest run):
 *                                      GET /v1/users/1   POST /v1/check
 *   direct dispatch (this file)         37 536 req/s      38 944 req/s
 *   MSW getResponse bridge               3 701 req/s       3 284 req/s   (same run)
 *   @mswjs/http-middleware 0.10.3        1 493 req/s       1 470 req/s   (earlier, fetch clients)
 * A bridge of our own rather than http-middleware: no express dependency, and it can drop the
 * socket for `Prefer: fault=reset`. (Sending Content-Length rather than a chunked body mattered:
 * without it the bridge managed ~300 req/s under keep-alive.)
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { HttpHandler } from 'msw'
import { createMockApi, creationOptionsOf, type MockApi, type MockApiOptions, routerOf } from './api'
import { consoleHeaders, consolePage } from './console/page'
import { CONTROL_PREFIX, type ConsolePage, controlBodyLimit, controlReply } from './control'
import { MAX_BODY_BYTES, type MockReply, type MockRequest } from './handlers/route'
import { isOwnHandler } from './own-handlers'
import { createMockSessions, type MockSessions, SESSION_HEADER, SessionError } from './sessions'
import { type PersistedState, persistState, readStateFile, StateFileError } from './state-file'

export interface StartMockServerOptions extends MockApiOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number
  /** Interface to listen on; default 127.0.0.1. */
  host?: string
  /** Serve this mock instead of creating one from the options. */
  api?: MockApi
  /**
   * Keep the mock's state in this file: loaded at start when it exists (a corrupt file, or one
   * from another snapshot version, throws a `StateFileError` and is left untouched), written
   * atomically after every change, before the response that acknowledges it. The file keeps the
   * global faults too; `failRate`, `latencyMs` and `webhookChaos` settings given here replace the
   * saved ones they name.
   */
  stateFile?: string
  /**
   * How many named sessions (`X-Mock-Session: <name>`, each its own mock made from these options,
   * or with `api` from the options that mock was made with)
   * may exist at once; one more answers 429. Default 100.
   */
  maxSessions?: number
}

export interface RunningMockServer {
  /** Where the server listens, e.g. `http://127.0.0.1:4010`. */
  url: string
  /** The mock behind the server (store, clock, uscis, outbox, …): the default session, for requests without `X-Mock-Session`. */
  api: MockApi
  /** The server's sessions: `list()`, `names`, `drop(name)`, and `resolve(name)`, which creates one on first use. */
  sessions: MockSessions
  /** The mock of session `name` (created now if no request made it yet); `default` is `api`. */
  session(name: string): MockApi
  /** The node:http server. */
  server: Server
  /** Stops listening and closes every open connection. */
  close(): Promise<void>
}

/** The console at `/__mock/`: the standalone server is where a browser opens it. */
const CONSOLE: ConsolePage = { html: consolePage, headers: consoleHeaders }

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers':
    'Authorization, Content-Type, Idempotency-Key, X-Request-Id, X-ImmigraFlow-Client, Prefer, X-Mock-Session',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  // What a script of another origin may read beyond the CORS-safelisted headers (a browser hides
  // the rest): `Allow` comes with a control route's 405, `Content-Disposition` names a snapshot download.
  'Access-Control-Expose-Headers':
    'X-Request-Id, Idempotent-Replayed, Retry-After, x-should-retry, Allow, Content-Disposition',
}

/** Sends JSON with an `X-Request-Id`: every response of the server carries one. */
function sendJson(res: ServerResponse, status: number, body: unknown, requestId: string): void {
  const text = body === undefined ? '' : JSON.stringify(body)
  res.writeHead(status, {
    ...CORS_HEADERS,
    'X-Request-Id': requestId,
    ...(text ? { 'Content-Type': 'application/json' } : {}),
  })
  res.end(text)
}

/**
 * The id of a response the API handlers do not answer (control routes, paths outside the API,
 * crashes): the caller's `X-Request-Id` if usable, else one from this server's own counter
 * (`srv_…`, apart from the API's `req_…` ids so those stay the same for the same API calls).
 */
function serverRequestId(req: IncomingMessage, next: () => number): string {
  const own = req.headers['x-request-id']
  return typeof own === 'string' && own.length > 0 && own.length <= 200 ? own : `srv_${String(next()).padStart(6, '0')}`
}

/** A request body as read off the socket: its bytes, or only its size once it passed the cap. */
export type ReadBody = { raw: Buffer; size: number; cut: boolean }

/**
 * Reads a request body, keeping at most `keep` bytes (default `MAX_BODY_BYTES`): past that the
 * rest is read and counted but not kept, so an oversized upload costs no memory and still gets
 * its 413 with its real size, on a connection that stays usable.
 */
export function readBody(req: IncomingMessage, keep = MAX_BODY_BYTES): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= keep) chunks.push(chunk)
      else chunks = []
    })
    req.on('end', () => {
      const cut = size > keep
      const raw = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)
      resolve({ raw, size, cut })
    })
    req.on('error', reject)
  })
}

const NO_BODY: ReadBody = { raw: Buffer.alloc(0), size: 0, cut: false }

/** Per connection, the body being read of a request pipelined ahead of the next one. */
const bodiesBeingRead = new WeakMap<object, Promise<ReadBody>>()

/**
 * A request's body, read after the body of any request pipelined ahead of it on the same
 * connection, so pipelined requests reach the mock in the order they were sent. A request with
 * neither Content-Length nor Transfer-Encoding has no body (RFC 9112 §6.3): then there is
 * nothing to wait for, and it is answered without a promise or listeners on its stream.
 */
function bodyInOrder(req: IncomingMessage, keep: number): ReadBody | Promise<ReadBody> {
  // Settled either way: a request ahead that failed does not fail this one.
  const ahead = bodiesBeingRead.get(req.socket)?.then(
    () => undefined,
    () => undefined,
  )
  const length = req.headers['content-length']
  if ((length === undefined || length === '0') && req.headers['transfer-encoding'] === undefined) {
    return ahead === undefined ? NO_BODY : ahead.then(() => NO_BODY)
  }
  const reading = ahead === undefined ? readBody(req, keep) : ahead.then(() => readBody(req, keep))
  bodiesBeingRead.set(req.socket, reading)
  const done = () => {
    if (bodiesBeingRead.get(req.socket) === reading) bodiesBeingRead.delete(req.socket)
  }
  reading.then(done, done)
  return reading
}

const tooLarge = (size: number) => `The request body is ${size} bytes; the limit is ${MAX_BODY_BYTES} bytes (1 MiB).`

/** What the server's request listener needs beyond the mock. */
export interface RequestListenerOptions {
  /** When set, the control routes need it too (`Authorization: Bearer <apiKey>`, or `?key=` for the console and stream). */
  apiKey?: string
  /**
   * The sessions requests name with `X-Mock-Session`, around this listener's mock. Default: up to
   * 100, each a fresh mock made with the options the listener's mock was made with (origin, key,
   * seed, preload, faults, webhook chaos), or `{ baseUrl, apiKey }` for a mock not made by
   * `createMockApi`. Pass a registry of your own to make them from other options.
   */
  sessions?: MockSessions
}

interface ListenerState extends RequestListenerOptions {
  readonly sessions: MockSessions
  /** Ends each open `/__mock/stream`. */
  readonly streams: Set<() => void>
  /** Writes the state file's pending changes (background work a control route such as `idle` waited for). */
  readonly flush?: () => void
}

/**
 * What a listener's sessions are made from: the options its mock was made with, so a session
 * behaves as the default one does (the listener's key only when the mock was made without one).
 */
function sessionOptions(api: MockApi, apiKey: string | undefined): MockApiOptions {
  const made = creationOptionsOf(api)
  if (made === undefined) return { baseUrl: api.baseUrl, apiKey }
  return { ...made, apiKey: made.apiKey ?? apiKey }
}

/** A node:http request listener that serves the mock and its control routes. */
export function createRequestListener(
  api: MockApi,
  options: RequestListenerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const sessions =
    options.sessions ??
    createMockSessions({
      defaultApi: api,
      create: () => createMockApi(sessionOptions(api, options.apiKey)),
    })
  return listenerWithStreams(api, { ...options, sessions, streams: new Set() })
}

function listenerWithStreams(
  api: MockApi,
  options: ListenerState,
): (req: IncomingMessage, res: ServerResponse) => void {
  let served = 0
  const nextId = () => ++served
  return (req, res) => {
    void handle(api, req, res, nextId, options).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy()
        return
      }
      const requestId = serverRequestId(req, nextId)
      sendJson(
        res,
        500,
        { error: { code: 'internal_error', message: String(error), request_id: requestId } },
        requestId,
      )
    })
  }
}

/** Answers a control route; a stream is piped until the client leaves or the server closes. */
/**
 * Whether a browser sent this request from a page of another origin. Without a key, such a page
 * (any site open in the developer's browser) could otherwise reset the mock or read its data:
 * a form POST needs no CORS preflight. Clients outside browsers send no `Origin`.
 */
function isCrossOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin
  if (origin === undefined) return false
  try {
    return new URL(origin).host !== req.headers.host
  } catch {
    // `Origin: null` (sandboxed frames, files) and anything unparsable.
    return true
  }
}

async function serveControl(
  api: MockApi,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  body: ReadBody,
  requestId: string,
  options: ListenerState,
): Promise<void> {
  if (options.apiKey === undefined && isCrossOrigin(req)) {
    const message = `The control routes answer pages of the mock's own origin only, not ${req.headers.origin}: a page elsewhere could read or reset the mock. Start the mock with --api-key to reach them from other origins with that key.`
    sendJson(res, 403, { error: { code: 'forbidden', message, request_id: requestId } }, requestId)
    return
  }
  const url = new URL(req.url ?? '/', 'http://mock')
  const reply = await controlReply(
    api,
    {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      header: (name) => {
        const value = req.headers[name]
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value
      },
      body: body.raw,
      ...(body.cut ? { bodySize: body.size } : {}),
    },
    { apiKey: options.apiKey, requestId, console: CONSOLE, sessions: options.sessions },
  )
  options.flush?.()
  const headers: Record<string, string> = { ...CORS_HEADERS, ...reply.headers }
  if (!(reply.body instanceof ReadableStream)) {
    const text = reply.body === null ? EMPTY : Buffer.from(reply.body)
    headers['Content-Length'] = String(text.length)
    res.writeHead(reply.status, headers)
    res.end(text)
    return
  }
  const reader = reply.body.getReader()
  const end = () => {
    options.streams.delete(end)
    void reader.cancel().catch(() => undefined)
    if (!res.writableEnded) res.end()
  }
  options.streams.add(end)
  res.on('close', end)
  res.writeHead(reply.status, headers)
  res.flushHeaders()
  for (;;) {
    const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }))
    if (chunk.done) break
    res.write(chunk.value)
  }
  end()
}

/**
 * The MSW handlers a request must go through when the mock's `handlers` (from
 * `immigraflow/mock/node`) hold anything but the mock's own catch-all; null otherwise.
 */
function bridgedHandlers(api: MockApi): HttpHandler[] | null {
  const handlers: unknown = (api as { handlers?: unknown }).handlers
  if (!Array.isArray(handlers)) return null
  return handlers.length > 0 && handlers.every(isOwnHandler) ? null : (handlers as HttpHandler[])
}

/** Whether `req` carries the key the mock wants (any non-empty bearer key when it wants none). */
function hasApiKey(req: IncomingMessage, apiKey: string | undefined): boolean {
  const header = req.headers.authorization
  const match = header ? /^Bearer\s+(\S.*)$/i.exec(header.trim()) : null
  return match !== null && (apiKey === undefined || (match[1] as string).trim() === apiKey)
}

/**
 * The mock an API request goes to: the session its `X-Mock-Session` names (created on first use),
 * else the default one. A request without a valid API key never creates a session: it gets the
 * 401 the mock would give.
 */
function sessionApi(req: IncomingMessage, options: ListenerState): MockApi {
  const raw = req.headers['x-mock-session']
  if (raw === undefined) return options.sessions.defaultApi
  const name = normalizeValue(Array.isArray(raw) ? raw.join(', ') : raw)
  const found = options.sessions.find(name)
  if (found === undefined && !hasApiKey(req, options.apiKey)) {
    const message = req.headers.authorization
      ? 'Invalid API key. Check the key you configured for the mock (--api-key).'
      : 'Missing API key. Send it as "Authorization: Bearer <api key>".'
    throw new UnauthorizedSessionError(message)
  }
  return found ?? options.sessions.resolve(name)
}

/** A 401 answered before a session exists (the mock would answer it, but creating a session for it would cost one). */
class UnauthorizedSessionError extends Error {}

/**
 * Answers an API request that cannot reach a session: an ErrorEnvelope, with the headers its
 * status needs. An invalid session name is a 422 `validation_failed` with one detail for the header.
 */
function sendSessionError(
  res: ServerResponse,
  error: SessionError | UnauthorizedSessionError,
  requestId: string,
): void {
  // A bad session name is a bad request header: on the API routes that is the 422
  // `validation_failed` every operation documents (400 is not documented for reads and deletes).
  const invalid = error instanceof SessionError && error.status === 400
  const status = invalid ? 422 : error instanceof SessionError ? error.status : 401
  const code = invalid ? 'validation_failed' : error instanceof SessionError ? error.code : 'unauthorized'
  const body = {
    error: {
      code,
      message: error.message,
      request_id: requestId,
      ...(invalid ? { details: [{ field: SESSION_HEADER, message: error.message }] } : {}),
    },
  }
  // A full registry stays full until someone drops a session: the SDK is told not to retry.
  const extra: Record<string, string> = status === 429 ? { 'Retry-After': '1', 'x-should-retry': 'false' } : {}
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...CORS_HEADERS,
    ...extra,
    'X-Request-Id': requestId,
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
  })
  // A Buffer, so node writes the head apart, as latin1: an echoed X-Request-Id keeps its bytes.
  res.end(Buffer.from(text))
}

async function handle(
  defaultApi: MockApi,
  req: IncomingMessage,
  res: ServerResponse,
  nextId: () => number,
  options: ListenerState,
): Promise<void> {
  const method = req.method ?? 'GET'
  const target = req.url ?? '/'
  if (method === 'OPTIONS') {
    // A CORS preflight: every response carries an X-Request-Id, this one too.
    res.writeHead(204, { ...CORS_HEADERS, 'X-Request-Id': serverRequestId(req, nextId) })
    res.end()
    return
  }
  const isControl = target.startsWith(CONTROL_PREFIX)
  const controlPath = isControl ? (target.slice(CONTROL_PREFIX.length).split('?')[0] as string) : ''
  // Control routes pick their session themselves, after checking the key.
  let api = defaultApi
  if (!isControl) {
    try {
      api = sessionApi(req, options)
    } catch (error) {
      if (!(error instanceof SessionError || error instanceof UnauthorizedSessionError)) throw error
      // The body is read (and dropped) so the connection stays usable.
      await readBody(req, 0)
      sendSessionError(res, error, serverRequestId(req, nextId))
      return
    }
  }
  const router = routerOf(api)
  const bridged = isControl ? null : bridgedHandlers(api)
  // MSW's handlers (the bridge, used when the list holds handlers of the user's own) read the
  // whole body from a fetch Request: they get it all. The mock's routes need no more than 1 MiB
  // of it, the controls no more than their limit.
  const keep = isControl
    ? controlBodyLimit(controlPath)
    : router && !bridged
      ? MAX_BODY_BYTES
      : Number.POSITIVE_INFINITY
  const read = bodyInOrder(req, keep)
  const body = read instanceof Promise ? await read : read
  if (isControl) {
    await serveControl(defaultApi, req, res, controlPath, body, serverRequestId(req, nextId), options)
    return
  }
  // The mock's own routes answer without MSW: no fetch Request or Response is built on the way.
  const request = router && !bridged ? nodeRequest(api, method, target, req, body) : undefined
  if (router && request) {
    sendReply(req, res, await router.dispatch(request), method, target, nextId)
    return
  }
  // The handler list changed while the body was arriving: what was not kept cannot be bridged.
  if (body.cut) {
    const requestId = serverRequestId(req, nextId)
    const error = { code: 'payload_too_large', message: tooLarge(body.size), request_id: requestId }
    sendJson(res, 413, { error }, requestId)
    return
  }
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === 'host' || name === 'connection') continue
    headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  }
  const hasBody = method !== 'GET' && method !== 'HEAD'
  const fetchRequest = new Request(`${api.baseUrl}${target}`, {
    method,
    headers,
    body: hasBody ? new Uint8Array(body.raw) : undefined,
  })
  // msw is loaded only when a handler of the user's own needs it.
  const response = bridged
    ? await (await import('msw')).getResponse(bridged, fetchRequest)
    : await api.handle(fetchRequest)
  if (!response) {
    sendNoRoute(res, method, target, serverRequestId(req, nextId))
    return
  }
  // `Prefer: fault=reset`: drop the connection without an answer.
  if (response.type === 'error') {
    req.socket.destroy()
    return
  }
  const outgoing: Record<string, string> = { ...CORS_HEADERS }
  response.headers.forEach((value, name) => {
    outgoing[name] = value
  })
  const answer = Buffer.from(await response.arrayBuffer())
  outgoing['content-length'] = String(answer.length)
  res.writeHead(response.status, outgoing)
  res.end(answer)
}

function sendNoRoute(res: ServerResponse, method: string, target: string, requestId: string): void {
  sendJson(
    res,
    404,
    {
      error: {
        code: 'not_found',
        message: `No route ${method} ${target}; the API lives under /v1.`,
        request_id: requestId,
      },
    },
    requestId,
  )
}

// Fetch's Headers strip these from both ends of a value.
const HTTP_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g
const isHttpWhitespace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d

/** A header value as fetch's Headers keeps it; the regular expression runs only when an end is whitespace. */
function normalizeValue(value: string): string {
  if (value.length === 0) return value
  if (!isHttpWhitespace(value.charCodeAt(0)) && !isHttpWhitespace(value.charCodeAt(value.length - 1))) return value
  return value.replace(HTTP_WHITESPACE, '')
}

/**
 * A node request as the pipeline reads it, with the header values fetch's `Headers` would give
 * (repeated headers joined, outer whitespace stripped; `host` and `connection` dropped as the
 * bridge drops them). Undefined when the target does not make a URL: then `new Request` decides.
 */
function nodeRequest(
  api: MockApi,
  method: string,
  target: string,
  req: IncomingMessage,
  body: ReadBody,
): MockRequest | undefined {
  let url: URL
  try {
    url = new URL(`${api.baseUrl}${target}`)
  } catch {
    return undefined
  }
  const hasBody = method !== 'GET' && method !== 'HEAD'
  return {
    method,
    url,
    header(name) {
      if (name === 'host' || name === 'connection') return null
      const value = req.headers[name]
      if (value === undefined) return null
      return normalizeValue(Array.isArray(value) ? value.join(', ') : value)
    },
    headerNames: () => Object.keys(req.headers),
    // A fetch Request for GET or HEAD carries no body.
    bytes: async () => (hasBody ? body.raw : new Uint8Array()),
    ...(hasBody && body.cut ? { bodySize: body.size } : {}),
  }
}

/**
 * Writes a reply as the bridge writes a fetch Response: the CORS headers, then the reply's
 * headers as fetch's Headers list them (names lower-cased and sorted, values trimmed), then a
 * Content-Length. A flat name/value list: node writes it as given, with no object to build.
 */
function sendReply(
  req: IncomingMessage,
  res: ServerResponse,
  reply: MockReply | undefined,
  method: string,
  target: string,
  nextId: () => number,
): void {
  if (!reply) {
    sendNoRoute(res, method, target, serverRequestId(req, nextId))
    return
  }
  // `Prefer: fault=reset`: drop the connection without an answer.
  if (reply.reset) {
    req.socket.destroy()
    return
  }
  const headers = new Map<string, string>()
  for (const name of Object.keys(reply.headers)) {
    const lower = name.toLowerCase()
    const value = normalizeValue(reply.headers[name] as string)
    const seen = headers.get(lower)
    headers.set(lower, seen === undefined ? value : `${seen}, ${value}`)
  }
  // A fetch Response labels a text body it was given without a type.
  if (reply.body !== null && !headers.has('content-type')) headers.set('content-type', 'text/plain;charset=UTF-8')
  const outgoing = CORS_HEADER_LIST.slice()
  let ascii = true
  for (const name of [...headers.keys()].sort()) {
    const value = headers.get(name) as string
    if (ascii && BEYOND_ASCII.test(value)) ascii = false
    outgoing.push(name, value)
  }
  const text = reply.body ?? ''
  outgoing.push('content-length', String(Buffer.byteLength(text)))
  res.writeHead(reply.status, outgoing)
  // Node writes a string body in one piece with the head, as UTF-8; the head itself goes out as
  // latin1 (byte for byte as the caller sent it, for an echoed X-Request-Id) only when it is
  // written apart. Measured: the body as a Buffer cost 4 % of a request's CPU.
  res.end(ascii ? text : Buffer.from(text))
}

// Header values hold no control characters but tab (node refuses them before this).
const BEYOND_ASCII = /[^\t\x20-\x7e]/

const CORS_HEADER_LIST = Object.entries(CORS_HEADERS).flat()
const EMPTY = Buffer.alloc(0)

/** Starts the standalone mock on `host:port` (port 0 picks a free one). */
export async function startMockServer(options: StartMockServerOptions = {}): Promise<RunningMockServer> {
  const { port = 0, host = '127.0.0.1', api: given, stateFile, maxSessions, ...apiOptions } = options
  // Read (and check) the state file before anything else: a bad one stops here, untouched.
  const saved = stateFile === undefined ? undefined : readStateFile(stateFile)
  const api = given ?? createMockApi(apiOptions)
  if (saved) {
    api.restore(saved)
    // The fault settings the state file kept give way to those given now (CLI flags): each one
    // named replaces the saved value; `faults.set` leaves the unnamed (undefined) ones as saved.
    const { failRate, latencyMs, webhookChaos } = apiOptions
    if (!given) api.faults.set({ failRate, latencyMs, webhooks: webhookChaos })
  }
  // Named sessions live in memory only: the state file keeps the default session.
  const sessions = createMockSessions({
    defaultApi: api,
    // Each session is made as the default one was: from the options `api` was made with.
    create: () => createMockApi(sessionOptions(api, options.apiKey)),
    maxSessions,
  })
  let persisted: PersistedState | undefined
  try {
    if (stateFile !== undefined) persisted = persistState(api, stateFile)
  } catch (error) {
    throw new StateFileError(`cannot write the state file ${stateFile}: ${(error as Error).message}`)
  }
  const streams = new Set<() => void>()
  const server = createServer(
    listenerWithStreams(api, { apiKey: options.apiKey, sessions, streams, flush: () => persisted?.flush() }),
  )
  server.keepAliveTimeout = 5_000
  await new Promise<void>((resolve, reject) => {
    const failed = (error: Error) => {
      persisted?.stop()
      reject(error)
    }
    server.once('error', failed)
    server.listen(port, host, () => {
      server.off('error', failed)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${shownHost}:${address.port}`,
    api,
    sessions,
    session: (name) => sessions.resolve(name),
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error)
          else {
            try {
              persisted?.stop()
              resolve()
            } catch (failure) {
              reject(failure)
            }
          }
        })
        for (const end of [...streams]) end()
        server.closeAllConnections()
      }),
  }
}
