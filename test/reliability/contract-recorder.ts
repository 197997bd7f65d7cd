/**
 * Records every exchange of a contract run, checks each one against openapi.yaml, and tallies
 * the (operation, status) pairs exercised cleanly. An exchange is clean when Prism reported no
 * `sl-violations`, the status is documented for the operation, and the body is the mock's own:
 * a 2xx body matching the operation's schema, or an ErrorEnvelope whose `request_id` is the
 * `X-Request-Id`. Prism's own answers (problem+json, or its body-parser's `invalid_json`) fail
 * that last check, so they can never count as coverage.
 */
import { ErrorEnvelopeSchema, type OperationId, operations } from '../../src/generated/zod'
import { specOperations } from '../helpers/spec'

/** Which way a request went: through Prism validating requests and responses, through Prism validating responses only, or straight to the mock. */
export type Route = 'strict' | 'lenient' | 'direct'

const OPERATION_IDS = Object.keys(operations) as OperationId[]

const ROUTES = OPERATION_IDS.map((id) => ({
  id,
  method: operations[id].method,
  pattern: new RegExp(`^${operations[id].path.replace(/\{[a-z_]+\}/g, '[^/]+')}$`),
}))

/** The operation a request addresses, from its method and path; null when it addresses none. */
export function operationOf(method: string, pathname: string): OperationId | null {
  return ROUTES.find((route) => route.method === method && route.pattern.test(pathname))?.id ?? null
}

/** Every (operation, status) pair openapi.yaml documents, read from the YAML itself. */
export function documentedPairs(): Map<OperationId, number[]> {
  const pairs = new Map<OperationId, number[]>()
  for (const { operation } of specOperations()) {
    const statuses = Object.keys(operation.responses as Record<string, unknown>).map(Number)
    pairs.set(operation.operationId as OperationId, statuses)
  }
  return pairs
}

/** What is wrong with one answer, judged against the spec; empty when nothing is. */
export function contractProblems(id: OperationId, status: number, headers: Headers, text: string): string[] {
  const problems: string[] = []
  const violations = headers.get('sl-violations')
  if (violations) problems.push(`Prism reported violations: ${violations}`)
  if ((headers.get('content-type') ?? '').includes('problem+json'))
    problems.push('Prism answered itself (problem+json)')
  const responses = operations[id].responses as Record<
    number,
    { safeParse(value: unknown): { success: boolean } } | null
  >
  if (!(status in responses)) {
    problems.push(`status ${status} is not documented for ${id}`)
    return problems
  }
  const schema = responses[status]
  if (schema === null || schema === undefined) {
    if (text !== '') problems.push(`${status} must have no body`)
    return problems
  }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    problems.push(`the body is not JSON: ${text.slice(0, 200)}`)
    return problems
  }
  if (!schema.safeParse(body).success)
    problems.push(`the body does not match the ${status} schema: ${text.slice(0, 300)}`)
  if (status >= 400) {
    const envelope = ErrorEnvelopeSchema.safeParse(body)
    const requestId = headers.get('x-request-id')
    if (!envelope.success) problems.push(`not an ErrorEnvelope (Prism's own answer?): ${text.slice(0, 200)}`)
    else if (!requestId || envelope.data.error.request_id !== requestId) {
      problems.push(`error.request_id ${envelope.data.error.request_id} ≠ X-Request-Id ${requestId}`)
    }
    if ((status === 429 || status === 503) && !/^[0-9]+$/.test(headers.get('retry-after') ?? '')) {
      problems.push(`${status} without a valid Retry-After`)
    }
  }
  return problems
}

export class ContractRecorder {
  /** Clean exchanges through Prism, by `operation status`. */
  readonly exercised = new Map<string, number>()
  /** Every problem seen, with the request it came from. */
  readonly problems: string[] = []
  /** How many exchanges were recorded, by route. */
  readonly exchanges: Record<Route, number> = { strict: 0, lenient: 0, direct: 0 }

  /** Checks and records one answer. Direct exchanges are checked but never count as Prism coverage. */
  record(route: Route, method: string, url: string, status: number, headers: Headers, text: string): void {
    this.exchanges[route]++
    const pathname = new URL(url).pathname
    const id = operationOf(method, pathname)
    if (id === null) {
      this.problems.push(`${route} ${method} ${pathname}: no operation of openapi.yaml has this path`)
      return
    }
    const problems = contractProblems(id, status, headers, text)
    for (const problem of problems) this.problems.push(`${route} ${method} ${pathname} → ${status}: ${problem}`)
    if (problems.length === 0 && route !== 'direct') {
      const key = `${id} ${status}`
      this.exercised.set(key, (this.exercised.get(key) ?? 0) + 1)
    }
  }

  /** A fetch that sends requests unchanged and records every answer it gets. */
  recordingFetch(route: Route): (request: Request) => Promise<Response> {
    return async (request) => {
      const response = await globalThis.fetch(request)
      const text = await response.clone().text()
      this.record(route, request.method, request.url, response.status, response.headers, text)
      return response
    }
  }

  /** The documented pairs nobody exercised cleanly. */
  missing(): string[] {
    const missing: string[] = []
    for (const [id, statuses] of documentedPairs()) {
      for (const status of statuses) if (!this.exercised.has(`${id} ${status}`)) missing.push(`${id} ${status}`)
    }
    return missing
  }

  /** Operation × status, each cell the number of clean exchanges; `·` not documented, `✗` documented but missed. */
  table(): string {
    const documented = documentedPairs()
    const statuses = [...new Set([...documented.values()].flat())].sort((a, b) => a - b)
    const width = Math.max(...[...documented.keys()].map((id) => id.length))
    const header = `${'operation'.padEnd(width)} ${statuses.map((status) => String(status).padStart(4)).join('')}`
    const rows = [...documented].map(([id, allowed]) => {
      const cells = statuses.map((status) => {
        if (!allowed.includes(status)) return '·'.padStart(4)
        const count = this.exercised.get(`${id} ${status}`)
        return (count === undefined ? '✗' : String(count)).padStart(4)
      })
      return `${id.padEnd(width)} ${cells.join('')}`
    })
    return [header, ...rows].join('\n')
  }

  /** The closing line: documented pairs exercised, and violations seen. */
  summary(): string {
    const total = [...documentedPairs().values()].reduce((sum, statuses) => sum + statuses.length, 0)
    const covered = total - this.missing().length
    return `contract coverage: ${covered}/${total} operation×status pairs, violations: ${this.problems.length}`
  }
}
