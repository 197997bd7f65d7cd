/**
 * Contract coverage: how often the mock served each response openapi.yaml documents (every
 * operation × documented status), the statuses it served that the spec does not document, and
 * how often each webhook event type was delivered. The counters live beside the mock's state,
 * not in it: neither the request log's cap (10 000) nor `reset()` or `restore()` clears them, so
 * a suite that resets between tests still gets the coverage of its whole run. Platform-neutral.
 */
import { type OperationId, operations } from '../src/generated/zod'
import { EVENT_TYPES, type WebhookEventType } from './store'

/** One documented response of one operation, and how many times the mock served it. */
export interface OperationCoverage {
  operation: OperationId
  method: string
  path: string
  status: number
  count: number
}

/** A status the mock served that openapi.yaml does not document for the operation (`null`: no operation matched). */
export interface UndocumentedCoverage {
  operation: OperationId | null
  status: number
  count: number
}

/** One webhook event type: attempts that the receiver accepted (`count`, a 2xx) and all attempts. */
export interface WebhookCoverage {
  type: WebhookEventType
  count: number
  attempts: number
}

/** `control.coverage()` and `GET /__mock/coverage`. */
export interface MockCoverage {
  /** How many operation × status pairs openapi.yaml documents. */
  documented: number
  /** How many of them were served at least once. */
  covered: number
  /** Every operation × documented status, in the spec's order, with `count` 0 when never served. */
  operations: OperationCoverage[]
  /** Statuses served that the spec does not document for the operation (empty when none). */
  undocumented: UndocumentedCoverage[]
  /** Every webhook event type of the spec, with `count` 0 when never delivered. */
  webhooks: WebhookCoverage[]
}

const IDS = Object.keys(operations) as OperationId[]

const documents = (id: OperationId | null, status: number): boolean =>
  id !== null && String(status) in operations[id].responses

/** The counters of one mock. */
export class CoverageCounter {
  /** `operation status` (`-` for no operation) → count. */
  private readonly served = new Map<string, number>()
  private readonly delivered = new Map<string, { count: number; attempts: number }>()

  /** Counts one answer; a dropped connection (status 0) answers no status and is not counted. */
  response(operation: OperationId | null, status: number): void {
    if (status === 0) return
    const key = `${operation ?? '-'} ${status}`
    this.served.set(key, (this.served.get(key) ?? 0) + 1)
  }

  /** Counts one delivery attempt of an event type; `accepted` when the receiver answered 2xx. */
  delivery(type: string, accepted: boolean): void {
    const entry = this.delivered.get(type) ?? { count: 0, attempts: 0 }
    entry.attempts++
    if (accepted) entry.count++
    this.delivered.set(type, entry)
  }

  report(): MockCoverage {
    const undocumented: UndocumentedCoverage[] = []
    for (const [key, count] of this.served) {
      const [name, status] = key.split(' ') as [string, string]
      const operation = name === '-' ? null : (name as OperationId)
      if (!documents(operation, Number(status))) undocumented.push({ operation, status: Number(status), count })
    }
    return finish(
      IDS.flatMap((id) =>
        Object.keys(operations[id].responses).map((status) => ({
          operation: id,
          method: operations[id].method.toUpperCase(),
          path: operations[id].path,
          status: Number(status),
          count: this.served.get(`${id} ${status}`) ?? 0,
        })),
      ),
      undocumented,
      EVENT_TYPES.map((type) => ({ type, count: 0, attempts: 0, ...this.delivered.get(type) })),
    )
  }
}

const byOperationAndStatus = (a: UndocumentedCoverage, b: UndocumentedCoverage) =>
  (a.operation ?? '').localeCompare(b.operation ?? '') || a.status - b.status

function finish(
  rows: OperationCoverage[],
  undocumented: UndocumentedCoverage[],
  webhooks: WebhookCoverage[],
): MockCoverage {
  return {
    documented: rows.length,
    covered: rows.filter((row) => row.count > 0).length,
    operations: rows,
    undocumented: undocumented.sort(byOperationAndStatus),
    webhooks,
  }
}

/**
 * The sum of several coverage reports (several mocks behind one host, or several runs): counts
 * of the same operation and status, or of the same event type, are added.
 */
export function mergeCoverage(...reports: MockCoverage[]): MockCoverage {
  const rows = new Map<string, OperationCoverage>()
  const extra = new Map<string, UndocumentedCoverage>()
  const hooks = new Map<string, WebhookCoverage>()
  for (const report of reports) {
    for (const row of report.operations) {
      const key = `${row.operation} ${row.status}`
      const seen = rows.get(key)
      if (seen) seen.count += row.count
      else rows.set(key, { ...row })
    }
    for (const row of report.undocumented) {
      const key = `${row.operation} ${row.status}`
      const seen = extra.get(key)
      if (seen) seen.count += row.count
      else extra.set(key, { ...row })
    }
    for (const row of report.webhooks) {
      const seen = hooks.get(row.type)
      if (seen) {
        seen.count += row.count
        seen.attempts += row.attempts
      } else hooks.set(row.type, { ...row })
    }
  }
  return finish([...rows.values()], [...extra.values()], [...hooks.values()])
}

/**
 * The report as text, one line per response, e.g. `createCase 409: never`: a summary line, the
 * documented responses, the undocumented ones served, then the webhook event types.
 */
export function formatCoverage(report: MockCoverage): string {
  const percent = report.documented === 0 ? 0 : Math.round((100 * report.covered) / report.documented)
  const times = (count: number) => (count === 0 ? 'never' : count === 1 ? '1 time' : `${count} times`)
  const lines = [
    `ImmigraFlow mock coverage: ${report.covered} of ${report.documented} documented responses served (${percent}%)`,
    '',
    'Responses (operation status: times served)',
    ...report.operations.map((row) => `  ${row.operation} ${row.status}: ${times(row.count)}`),
  ]
  if (report.undocumented.length > 0) {
    lines.push('', 'Served but not documented in openapi.yaml')
    for (const row of report.undocumented)
      lines.push(`  ${row.operation ?? '(no operation)'} ${row.status}: ${times(row.count)}`)
  }
  lines.push('', 'Webhook events (type: deliveries the receiver accepted)')
  for (const row of report.webhooks)
    lines.push(`  ${row.type}: ${times(row.count)}${row.attempts > row.count ? `, of ${row.attempts} attempts` : ''}`)
  return `${lines.join('\n')}\n`
}
