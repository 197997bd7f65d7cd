/**
 * Mock sessions: a request carrying `X-Mock-Session: <name>` is served by that session's own mock
 * (its own `createMockApi` instance: store, clock, USCIS, outbox, deliveries, faults, request
 * log), created on first use; a request without the header is served by the default mock. So
 * parallel test workers that share one standalone mock never see each other's data.
 *
 * Platform-neutral (no `node:` module, no msw): the standalone server uses it, and any other host
 * that answers requests for several clients can too.
 */
import { coverageOf, type MockApi } from './api'
import { type CoverageCounter, type MockCoverage, mergeCoverage } from './coverage'

/** The request header that names a session. */
export const SESSION_HEADER = 'X-Mock-Session'
/** The name under which the default mock (requests without the header) is listed and addressed. */
export const DEFAULT_SESSION = 'default'
/** How many named sessions a registry holds unless told otherwise. */
export const DEFAULT_MAX_SESSIONS = 100
/** What a session name may be. */
export const SESSION_NAME_RULE = '1–64 characters of A–Z, a–z, 0–9, ".", "_" and "-"'
const SESSION_NAME = /^[A-Za-z0-9._-]{1,64}$/

/** Whether `name` is a valid session name (`SESSION_NAME_RULE`). */
export const isSessionName = (name: unknown): name is string => typeof name === 'string' && SESSION_NAME.test(name)

/** Why a request's session cannot be served; the host answers it as an ErrorEnvelope. */
export class SessionError extends Error {
  override name = 'SessionError'

  constructor(
    /** 400 for a bad name, 404 for an unknown session, 429 when the registry is full. */
    readonly status: 400 | 404 | 429,
    /** The ErrorEnvelope code for `status`. */
    readonly code: 'bad_request' | 'not_found' | 'rate_limited',
    message: string,
  ) {
    super(message)
  }
}

/** Throws a 400 `SessionError` unless `name` is a valid session name; `source` says where it came from. */
export function checkSessionName(name: string, source = `the ${SESSION_HEADER} header`): string {
  if (!SESSION_NAME.test(name)) {
    const shown =
      name.length > 80 ? `${JSON.stringify(name.slice(0, 80))}… (${name.length} characters)` : JSON.stringify(name)
    throw new SessionError(400, 'bad_request', `Invalid session name ${shown} in ${source}: use ${SESSION_NAME_RULE}.`)
  }
  return name
}

/** One session as `GET /__mock/sessions` lists it. */
export interface SessionInfo {
  /** The session's name (`default` for the default mock). */
  name: string
  /** Whether this is the default mock, served to requests without the header. */
  default: boolean
  /** When the session was created, in real time (RFC 3339). */
  created_at: string
  /** When a request last reached the session, in real time (RFC 3339). */
  last_used_at: string
  /** Entries in the session's request log (API requests answered, up to the log's 10 000). */
  requests: number
  /** Users in the session's store. */
  users: number
}

export interface MockSessionsOptions {
  /** The mock that serves requests without the header; it is never dropped. */
  defaultApi: MockApi
  /** Makes the mock of a new named session (the host passes the options its default mock was made with). */
  create: (name: string) => MockApi
  /** How many named sessions may exist at once (the default one not counted); default 100. */
  maxSessions?: number
  /** Real time in ms (default `Date.now`); sessions record when they were created and last used. */
  now?: () => number
}

/** The sessions of one host: the default mock plus named ones created on first use. */
export interface MockSessions {
  /** The mock that serves requests without the header. */
  readonly defaultApi: MockApi
  /** How many named sessions may exist at once. */
  readonly maxSessions: number
  /**
   * The mock serving a request that named `name` (null or undefined: the default mock), created
   * on first use. Throws a `SessionError`: 400 for an invalid name, 429 when creating it would
   * pass `maxSessions`.
   */
  resolve(name: string | null | undefined): MockApi
  /** The mock of an existing session (`default` included), without creating one. */
  find(name: string): MockApi | undefined
  /** The named sessions' names, oldest first (the default one not included). */
  readonly names: readonly string[]
  /** Every session, the default one first, then the named ones oldest first. */
  list(): SessionInfo[]
  /**
   * Drops a named session: it stops answering at once (its name is free again), then its in-flight
   * deliveries and notifications are awaited. Resolves to what it was. Throws a `SessionError`:
   * 400 for the default session or an invalid name, 404 for an unknown one.
   */
  drop(name: string): Promise<SessionInfo>
  /** Calls `listener` with each session dropped (after it stopped answering, before its work settled). */
  onDrop(listener: (name: string, api: MockApi) => void): () => void
}

interface Entry {
  readonly api: MockApi
  readonly createdAt: number
  lastUsedAt: number
}

/** Creates a session registry around a host's default mock. */
export function createMockSessions(options: MockSessionsOptions): MockSessions {
  const maxSessions = options.maxSessions ?? DEFAULT_MAX_SESSIONS
  if (!Number.isInteger(maxSessions) || maxSessions < 1)
    throw new RangeError(`maxSessions must be a positive integer, got ${String(maxSessions)}`)
  const now = options.now ?? Date.now
  const defaultEntry: Entry = { api: options.defaultApi, createdAt: now(), lastUsedAt: now() }
  // A Map keeps insertion order: the names come out oldest first.
  const named = new Map<string, Entry>()
  const listeners = new Set<(name: string, api: MockApi) => void>()

  const info = (name: string, entry: Entry): SessionInfo => ({
    name,
    default: entry === defaultEntry,
    created_at: new Date(entry.createdAt).toISOString(),
    last_used_at: new Date(entry.lastUsedAt).toISOString(),
    requests: entry.api.requests.length,
    users: entry.api.store.state.users.size,
  })

  return {
    defaultApi: options.defaultApi,
    maxSessions,
    resolve(name) {
      if (name === null || name === undefined || name === DEFAULT_SESSION) {
        defaultEntry.lastUsedAt = now()
        return defaultEntry.api
      }
      const found = named.get(checkSessionName(name))
      if (found) {
        found.lastUsedAt = now()
        return found.api
      }
      if (named.size >= maxSessions) {
        throw new SessionError(
          429,
          'rate_limited',
          `Cannot create session "${name}": the limit of ${maxSessions} sessions was reached. Drop one you no longer need with DELETE /__mock/sessions/{name} (GET /__mock/sessions lists them), or start the mock with a higher --max-sessions (maxSessions).`,
        )
      }
      const created = now()
      const entry: Entry = { api: options.create(name), createdAt: created, lastUsedAt: created }
      named.set(name, entry)
      return entry.api
    },
    find(name) {
      return name === DEFAULT_SESSION ? defaultEntry.api : named.get(name)?.api
    },
    get names() {
      return [...named.keys()]
    },
    list() {
      return [info(DEFAULT_SESSION, defaultEntry), ...[...named].map(([name, entry]) => info(name, entry))]
    },
    async drop(name) {
      if (name === DEFAULT_SESSION)
        throw new SessionError(
          400,
          'bad_request',
          'The default session cannot be dropped; clear it with POST /__mock/reset instead.',
        )
      checkSessionName(name, 'the path')
      const entry = named.get(name)
      if (!entry) throw new SessionError(404, 'not_found', `No session "${name}"; GET /__mock/sessions lists them.`)
      named.delete(name)
      const dropped = info(name, entry)
      for (const listener of [...listeners]) listener(name, entry.api)
      // Deliveries in flight finish (their receivers get them) before the drop is acknowledged.
      await entry.api.idle()
      return dropped
    },
    onDrop(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** The coverage of every session of a host, dropped ones included (see `coverageOfEverySession`). */
export interface SessionsCoverage {
  /** The merged coverage of the default session, the live named ones and every one dropped. */
  report(): MockCoverage
  /**
   * What is kept of dropped sessions: the sum of their reports, plus the counters of those whose
   * in-flight deliveries have not settled yet (folded into the sum once they have). Never a mock.
   */
  readonly dropped: { readonly total: MockCoverage | undefined; readonly settling: ReadonlySet<CoverageCounter> }
}

/**
 * Counts the coverage of everything a host served: the default session, the named sessions, and
 * those dropped meanwhile (test workers that each use a session would otherwise go uncounted).
 * A dropped session's mock is not kept: only its counters, summed into a running total.
 */
export function coverageOfEverySession(sessions: MockSessions): SessionsCoverage {
  let total: MockCoverage | undefined
  const settling = new Set<CoverageCounter>()
  sessions.onDrop((_name, api) => {
    const counter = coverageOf(api)
    if (!counter) return
    // Deliveries in flight when the session was dropped still count once they finish.
    settling.add(counter)
    void api.idle().then(() => {
      settling.delete(counter)
      total = mergeCoverage(...(total ? [total] : []), counter.report())
    })
  })
  return {
    report() {
      const live = sessions.names.flatMap((name) => sessions.find(name) ?? [])
      const reports = [sessions.defaultApi, ...live].flatMap((api) => coverageOf(api)?.report() ?? [])
      for (const counter of settling) reports.push(counter.report())
      if (total) reports.push(total)
      return mergeCoverage(...reports)
    },
    dropped: {
      get total() {
        return total
      },
      settling,
    },
  }
}
