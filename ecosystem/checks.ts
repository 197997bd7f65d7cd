/**
 * The checks every ecosystem target runs, written once against the package's public entries. The
 * runner compiles this file for each target (ESM, CommonJS, TypeScript, or a bundle for workers and
 * the browser) and calls `runChecks` inside the target runtime.
 *
 * It uses nothing but fetch, Web Crypto and the package, so any runtime with those can run it.
 */
import { ImmigraFlow, NotFoundError, ValidationError } from 'immigraflow'
import { generateSecret, sign, unwrap, verify, WebhookVerificationError } from 'immigraflow/webhooks'

/** (a) the SDK against the standalone mock, (b) webhooks, (c) the mock hosted inside the runtime. */
export const CHECKS = {
  sdk: 'SDK flow against the standalone mock',
  webhooks: 'webhooks sign / verify / unwrap, tampered copy rejected',
  mock: 'mock inside the runtime: createMockApi().handle + SDK flow through it + api.control',
} as const
export type CheckId = keyof typeof CHECKS

export type CheckResult = { readonly ok: boolean; readonly detail: string }
export type CheckReport = Record<CheckId, CheckResult>

/** What the runner hands to every target. */
export type CheckConfig = {
  /** Origin of a standalone mock the runner started for this target. */
  readonly mockUrl: string
  /** A webhook event body, as the API documents it (the spec's `user.created` example). */
  readonly eventBody: string
}

const API_KEY = 'sk_ecosystem'
const RECEIPT = 'EAC2190012345'
const UNKNOWN_CASE_ID = 987_654_321

/** Runs every check; one failing check never stops the others. */
export async function runChecks(config: CheckConfig): Promise<CheckReport> {
  return {
    sdk: await attempt(() => sdkFlow({ baseUrl: config.mockUrl, send: (request) => fetch(request) })),
    webhooks: await attempt(() => webhookRoundTrip(config.eventBody)),
    mock: await attempt(() => mockInRuntime()),
  }
}

async function attempt(check: () => Promise<string>): Promise<CheckResult> {
  try {
    return { ok: true, detail: await check() }
  } catch (error) {
    return { ok: false, detail: describe(error) }
  }
}

/** One line naming what went wrong, with its cause when there is one. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause =
    error.cause instanceof Error
      ? ` (cause: ${error.name === error.cause.name ? '' : `${error.cause.name}: `}${error.cause.message})`
      : ''
  return `${error.name}: ${error.message}${cause}`.replace(/\s+/g, ' ').slice(0, 300)
}

function expect(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message)
}

/**
 * Create a user (and two more, so the list spans pages), walk every page with `for await`, track
 * a case, check it at USCIS, meet a NotFoundError (404), and a ValidationError raised before any
 * request is sent.
 */
async function sdkFlow(target: { baseUrl: string; send: (request: Request) => Promise<Response> }): Promise<string> {
  const sent: string[] = []
  const client = new ImmigraFlow({
    apiKey: API_KEY,
    baseUrl: target.baseUrl,
    logLevel: 'off',
    maxRetries: 0,
    fetch: (request) => {
      sent.push(`${request.method} ${new URL(request.url).pathname}`)
      return target.send(request)
    },
  })
  const tag = crypto.randomUUID().slice(0, 8)
  const user = await client.users.create({ email: `eco-${tag}-0@example.com`, name: 'Ecosystem Zero' })
  expect(user.status === 'pending_verification', `a new user is ${user.status}`)
  for (const n of [1, 2]) await client.users.create({ email: `eco-${tag}-${n}@example.com`, name: `Ecosystem ${n}` })

  const listed: number[] = []
  for await (const item of client.users.list({ limit: 2 })) listed.push(item.id)
  const pages = sent.filter((line) => line === 'GET /v1/users').length
  expect(listed.includes(user.id), `for await did not yield user ${user.id}`)
  expect(listed.length >= 3 && pages >= 2, `for await yielded ${listed.length} users from ${pages} page(s)`)
  expect(new Set(listed).size === listed.length, 'for await yielded a user twice')

  const { case: tracked } = await client.cases.create(user.id, { receipt_number: RECEIPT, user_case_id: 'Ecosystem' })
  const checked = await client.check.status({ receipt_number: RECEIPT })
  expect(checked.checked_case_ids.includes(tracked.id), `check did not check case ${tracked.id}`)
  const details = await client.cases.retrieve(tracked.id)
  expect(details.update_count >= 1, `case ${tracked.id} has ${details.update_count} status updates after a check`)

  const notFound = await client.cases.retrieve(UNKNOWN_CASE_ID).then(
    () => undefined,
    (error: unknown) => error,
  )
  expect(notFound instanceof NotFoundError && notFound.status === 404, `unknown case gave ${describe(notFound)}`)

  const before = sent.length
  const invalid = await client.users.create({ email: 'not-an-email', name: 'Invalid' }).then(
    () => undefined,
    (error: unknown) => error,
  )
  expect(invalid instanceof ValidationError, `an invalid email gave ${describe(invalid)}`)
  expect(sent.length === before, 'the invalid create was sent')
  return `${listed.length} users over ${pages} pages, case ${tracked.id} checked (${details.status_updates[0]?.status_code})`
}

/** Sign, verify and unwrap one event; a copy with one byte changed must be rejected. */
async function webhookRoundTrip(body: string): Promise<string> {
  const secret = generateSecret()
  const headers = await sign({ id: 'msg_ecosystem', timestamp: new Date(), payload: body, secret })
  await verify(body, headers, secret)
  const event = await unwrap(body, headers, secret)
  expect(event.type === JSON.parse(body).type, `unwrap gave a ${event.type} event`)
  const tampered = body.replace('"type"', ' "type"')
  const rejected = await verify(tampered, headers, secret).then(
    () => undefined,
    (error: unknown) => error,
  )
  expect(rejected instanceof WebhookVerificationError, `the tampered copy gave ${describe(rejected)}`)
  return `${event.type} verified and unwrapped, tampered copy rejected`
}

/**
 * The mock's platform-neutral entry, hosted here: answer a Request, serve an SDK flow, then check
 * it through the typed control (request expectation, coverage, the clock's report).
 */
async function mockInRuntime(): Promise<string> {
  const { createMockApi } = await import('immigraflow/mock')
  const api = createMockApi()
  const answer = await api.handle(
    new Request(`${api.baseUrl}/v1/users`, { headers: { authorization: `Bearer ${API_KEY}` } }),
  )
  expect(answer?.status === 200, `handle(GET /v1/users) answered ${answer?.status}`)
  const flow = await sdkFlow({
    baseUrl: api.baseUrl,
    send: async (request) => (await api.handle(request)) ?? new Response('no mock route', { status: 599 }),
  })
  const [created] = await api.control.expectRequest({ operation: 'createCase', status: 201, times: 1 })
  const coverage = await api.control.coverage()
  const served = coverage.operations.find((row) => row.operation === 'createUser' && row.status === 201)?.count
  expect(served === 3, `coverage counts ${served} createUser 201s, not 3`)
  const week = await api.control.clock.advance(7 * 86_400_000)
  expect(week.uscis.length === 1, `a week moved ${week.uscis.length} receipts at USCIS, not 1`)
  return `handle answered 200; ${flow}; control saw ${created?.request_id} and ${week.uscis.length} USCIS step`
}
