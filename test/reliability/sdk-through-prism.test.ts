/**
 * The SDK against the standalone mock through `prism proxy openapi.yaml --errors`: a realistic
 * flow over every resource method, then every documented error path, with every answer
 * recorded and checked against the spec. The closing table shows which (operation, status)
 * pairs openapi.yaml documents and how often each was exercised with no violation.
 *
 * Two Prism proxies sit in front of the same mock. `strict` validates requests and responses;
 * the SDK goes through it. `lenient` (`--validate-request false`) still validates every response
 * but forwards requests that break the spec on purpose (schema 422s, wrong content type, bodies
 * over 1 MiB), which `strict` would answer itself instead of the mock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningMockServer, startMockServer } from '../../mocks/server'
import {
  AuthenticationError,
  ConflictError,
  GoneError,
  ImmigraFlow,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  type RequestOptions,
  ValidationError,
} from '../../src'
import { type OperationId, operations } from '../../src/generated/zod'
import { tokenFor } from '../helpers/mock'
import { startReceiver } from '../helpers/mock-receiver'
import { type PrismServer, startPrism } from '../helpers/prism'
import { ContractRecorder, contractProblems, documentedPairs, type Route } from './contract-recorder'

const API_KEY = 'sk_test_reliability'
const HOUR = 3_600_000
const WEEK = 7 * 24 * HOUR
/** One byte over the mock's 1 MiB body limit. */
const OVERSIZED = 1_048_577

const recorder = new ContractRecorder()
let mock: RunningMockServer
let strict: PrismServer
let lenient: PrismServer
let receiver: Awaited<ReturnType<typeof startReceiver>>
let client: ImmigraFlow

/** Ids an operation's calls address. */
type Ids = { userId: number; caseId: number; webhookId: number; token: string; receipt: string }
/** Records the flow created, for the error paths that need existing ones. */
let existing: Ids
let otherUserId: number
let inactiveCaseId: number

function sdk(apiKey: string): ImmigraFlow {
  return new ImmigraFlow({
    apiKey,
    baseUrl: strict.url,
    fetch: recorder.recordingFetch('strict'),
    maxRetries: 0,
    logLevel: 'off',
    // The SDK checks every success body against its own schemas too: spec, SDK and mock agree.
    validateResponses: true,
  })
}

/** One valid call of every operation, for the error paths that hold for all of them. */
function everyOperation(sdkClient: ImmigraFlow, ids: Ids, options: RequestOptions) {
  const calls: Record<OperationId, () => PromiseLike<unknown>> = {
    checkCaseStatus: () => sdkClient.check.status({ receipt_number: ids.receipt }, options),
    verifyUserEmail: () => sdkClient.users.verifyEmail({ token: ids.token }, options),
    listUsers: () => sdkClient.users.list({ limit: 5 }, options),
    createUser: () => sdkClient.users.create({ email: 'nobody@example.com', name: 'Nobody' }, options),
    getUser: () => sdkClient.users.retrieve(ids.userId, options),
    updateUser: () => sdkClient.users.update(ids.userId, { name: 'Nobody' }, options),
    listUserCases: () => sdkClient.cases.list(ids.userId, {}, options),
    createCase: () => sdkClient.cases.create(ids.userId, { receipt_number: 'EAC2190077770' }, options),
    getCase: () => sdkClient.cases.retrieve(ids.caseId, options),
    updateCase: () => sdkClient.cases.update(ids.caseId, { description: 'x' }, options),
    listWebhooks: () => sdkClient.webhooks.list({}, options),
    createWebhook: () =>
      sdkClient.webhooks.create({ url: 'https://hooks.example.com/never', events: ['*'], active: false }, options),
    getWebhook: () => sdkClient.webhooks.retrieve(ids.webhookId, options),
    updateWebhook: () => sdkClient.webhooks.update(ids.webhookId, { description: 'x' }, options),
    deleteWebhook: () => sdkClient.webhooks.delete(ids.webhookId, options),
  }
  return Object.entries(calls) as Array<[OperationId, () => PromiseLike<unknown>]>
}

/** What a call that must fail throws. */
async function failure(call: () => PromiseLike<unknown>): Promise<unknown> {
  try {
    await call()
  } catch (error) {
    return error
  }
  throw new Error('expected the call to fail')
}

const documents = (id: OperationId, status: number) => documentedPairs().get(id)?.includes(status) ?? false

/** Sends a raw request (to a Prism proxy or the mock) and records the answer. */
async function raw(
  route: Route,
  id: OperationId,
  options: { path?: string; query?: string; body?: string; contentType?: string; key?: string | null },
): Promise<{ status: number; text: string; headers: Headers }> {
  const base = route === 'strict' ? strict.url : route === 'lenient' ? lenient.url : mock.url
  const headers = new Headers()
  const key = options.key === undefined ? API_KEY : options.key
  if (key !== null) headers.set('authorization', `Bearer ${key}`)
  if (options.contentType) headers.set('content-type', options.contentType)
  const { method } = operations[id]
  const request = new Request(`${base}${options.path ?? operations[id].path}${options.query ?? ''}`, {
    method,
    headers,
    body: options.body,
  })
  const response = await recorder.recordingFetch(route)(request)
  return { status: response.status, text: await response.text(), headers: response.headers }
}

/** A path for an operation with every path parameter set to `value`. */
function pathOf(id: OperationId, value: string | number): string {
  return operations[id].path.replace(/\{[a-z_]+\}/g, String(value))
}

beforeAll(async () => {
  mock = await startMockServer({ port: 0, apiKey: API_KEY })
  receiver = await startReceiver()
  ;[strict, lenient] = await Promise.all([
    startPrism('proxy', { upstream: mock.url }),
    startPrism('proxy', { upstream: mock.url, extraArgs: ['--validate-request', 'false'] }),
  ])
  client = sdk(API_KEY)
})

afterAll(async () => {
  await mock?.api.idle()
  console.log(`SDK through Prism proxy (openapi.yaml, --errors), every answer checked against the spec:
${recorder.table()}
exchanges: ${recorder.exchanges.strict} through Prism (requests and responses validated), ${recorder.exchanges.lenient} through Prism (responses validated), ${recorder.exchanges.direct} straight to the mock
${recorder.summary()}`)
  await Promise.all([strict?.close(), lenient?.close()])
  await mock?.close()
  await receiver?.close()
})

describe('the SDK through Prism proxying the standalone mock', () => {
  it('walks every resource method through a realistic flow with no violation', async () => {
    const maria = await client.users.create({
      email: 'maria.lopez@example.com',
      name: 'María López',
      phone: '+14155550123',
      notify_by_whatsapp: true,
    })
    expect(maria.status).toBe('pending_verification')
    const verified = await client.users.verifyEmail({ token: tokenFor(mock.api, maria.email) })
    expect(verified).toMatchObject({ id: maria.id, status: 'active' })
    const amara = await client.users.create({ email: 'amara.okafor@example.com', name: 'Amara Okafor' })

    const { data: firstPage, requestId } = await client.users.list({ limit: 1 }).withResponse()
    expect(requestId).toMatch(/^req_/)
    expect(firstPage).toMatchObject({ total: 2, has_more: true })
    expect((await firstPage.getNextPage()).data.map((user) => user.id)).toEqual([amara.id])
    const everyone: number[] = []
    for await (const user of client.users.list({ limit: 1 })) everyone.push(user.id)
    expect(everyone).toEqual([maria.id, amara.id])
    const byEmail = await client.users.list({ status: 'active', email: 'MARIA.LOPEZ@example.com' })
    expect(byEmail.data.map((user) => user.id)).toEqual([maria.id])
    expect(await client.users.retrieve(amara.id)).toEqual(amara)
    const renamed = await client.users.update(maria.id, {
      name: 'María López García',
      phone: null,
      notify_by_whatsapp: false,
    })
    expect(renamed).toMatchObject({ name: 'María López García', phone: null, status: 'active' })

    const { case: greenCard } = await client.cases.create(maria.id, {
      receipt_number: 'eac-21-900-12340',
      user_case_id: 'Green card',
    })
    expect(greenCard.receipt_number).toBe('EAC2190012340')
    const { case: permit } = await client.cases.create(maria.id, {
      receipt_number: 'EAC2190012342',
      description: 'Work permit',
    })
    const casePage = await client.cases.list(maria.id, { active: true, limit: 1 })
    expect(casePage).toMatchObject({ total: 2, has_more: true })
    const caseIds: number[] = []
    for await (const item of client.cases.list(maria.id, { limit: 1 })) caseIds.push(item.id)
    expect(caseIds).toEqual([greenCard.id, permit.id])
    expect((await client.cases.retrieve(greenCard.id)).update_count).toBe(0)
    expect(await client.cases.update(permit.id, { description: null, active: false })).toMatchObject({
      description: null,
      active: false,
    })

    const baseline = await client.check.status({ receipt_number: greenCard.receipt_number })
    expect(baseline).toMatchObject({ changed: false, updated_case_ids: [greenCard.id] })
    await mock.api.clock.advance(WEEK)
    const moved = await client.check.status({ receipt_number: 'eac 2190012340' })
    expect(moved).toMatchObject({ changed: true, updated_case_ids: [greenCard.id] })
    expect(moved.status.status_code).not.toBe(baseline.status.status_code)
    await mock.api.idle()
    const details = await client.cases.retrieve(greenCard.id)
    expect(details.update_count).toBe(2)
    expect(details.status_updates[0]?.status_code).toBe(moved.status.status_code)

    const hook = await client.webhooks.create({
      url: receiver.url,
      events: ['case.status_changed', 'user.created'],
      description: 'reliability',
    })
    expect(hook.secret).toMatch(/^whsec_/)
    expect((await client.webhooks.list({ limit: 10 })).data.map((item) => item.id)).toEqual([hook.id])
    const fetched = await client.webhooks.retrieve(hook.id)
    expect(fetched.secret).toBeUndefined()
    const rotated = await client.webhooks.update(hook.id, { rotate_secret: true })
    expect(rotated.secret).toMatch(/^whsec_/)
    expect(rotated.secret).not.toBe(hook.secret)
    const doomed = await client.webhooks.create({
      url: 'https://hooks.example.com/doomed',
      events: ['*'],
      active: false,
    })
    await client.webhooks.delete(doomed.id)
    expect(await failure(() => client.webhooks.retrieve(doomed.id))).toBeInstanceOf(NotFoundError)

    existing = {
      userId: maria.id,
      caseId: greenCard.id,
      webhookId: hook.id,
      token: 'vt_does_not_matter',
      receipt: greenCard.receipt_number,
    }
    otherUserId = amara.id
    inactiveCaseId = permit.id
    expect(recorder.problems).toEqual([])
  })

  it('creates, updates, deletes a metadata key and filters by metadata, through the SDK and over raw HTTP, with no violation', async () => {
    // Through the SDK.
    const ana = await client.users.create({ email: 'ana.meta@example.com', name: 'Ana', metadata: { crm_id: 'C-1' } })
    const ben = await client.users.create({ email: 'ben.meta@example.com', name: 'Ben', metadata: { crm_id: 'C-2' } })
    expect(ana.metadata).toEqual({ crm_id: 'C-1' })
    expect((await client.users.update(ana.id, { metadata: { tier: 'gold' } })).metadata).toEqual({
      crm_id: 'C-1',
      tier: 'gold',
    })
    expect((await client.users.update(ana.id, { metadata: { tier: '' } })).metadata).toEqual({ crm_id: 'C-1' })
    const filtered = await client.users.list({ metadata: { crm_id: 'C-2' } })
    expect(filtered.data.map((user) => user.id)).toEqual([ben.id])
    expect(filtered.total).toBe(1)
    const { case: tagged } = await client.cases.create(ana.id, {
      receipt_number: 'EAC2190055550',
      metadata: { opp: 'OPP-1', stage: 'filed' },
    })
    await client.cases.create(ana.id, { receipt_number: 'EAC2190055551' })
    expect((await client.cases.update(tagged.id, { metadata: { stage: '' } })).metadata).toEqual({ opp: 'OPP-1' })
    const cases = await client.cases.list(ana.id, { metadata: { opp: 'OPP-1' }, active: true })
    expect(cases.data.map((item) => item.id)).toEqual([tagged.id])

    // Over raw HTTP, requests validated by Prism too.
    const json = 'application/json'
    const created = await raw('strict', 'createUser', {
      body: JSON.stringify({ email: 'raw.meta@example.com', name: 'Raw', metadata: { crm_id: 'C-3', a: 'b' } }),
      contentType: json,
    })
    expect(created.status, created.text).toBe(201)
    const rawId = JSON.parse(created.text).id as number
    const removed = await raw('strict', 'updateUser', {
      path: pathOf('updateUser', rawId),
      body: JSON.stringify({ metadata: { a: '' } }),
      contentType: json,
    })
    expect(JSON.parse(removed.text).metadata).toEqual({ crm_id: 'C-3' })
    const listed = await raw('strict', 'listUsers', { query: '?metadata%5Bcrm_id%5D=C-3&limit=5' })
    expect(JSON.parse(listed.text)).toMatchObject({ total: 1, data: [{ id: rawId }] })
    const both = await raw('strict', 'listUserCases', {
      path: pathOf('listUserCases', ana.id),
      query: '?metadata[opp]=OPP-1&metadata[stage]=filed',
    })
    expect(JSON.parse(both.text)).toMatchObject({ total: 0, data: [] })
    const caseUpdate = await raw('strict', 'updateCase', {
      path: pathOf('updateCase', tagged.id),
      body: JSON.stringify({ metadata: { crm_case: 'X-9' } }),
      contentType: json,
    })
    expect(JSON.parse(caseUpdate.text).metadata).toEqual({ opp: 'OPP-1', crm_case: 'X-9' })

    // Refused: by the mock's merge rule (a valid request), and by the schema (through the lenient proxy).
    const full = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']))
    const fullUser = await client.users.create({ email: 'full.meta@example.com', name: 'Full', metadata: full })
    const overflow = await failure(() => client.users.update(fullUser.id, { metadata: { one_more: 'x' } }))
    expect(overflow).toBeInstanceOf(ValidationError)
    expect((overflow as ValidationError).details.map((detail) => detail.field)).toEqual(['metadata'])
    const badKey = await raw('lenient', 'createUser', {
      body: '{"email":"bad.meta@example.com","name":"Bad","metadata":{"crm id":"x","__proto__":"y","n":1}}',
      contentType: json,
    })
    expect(badKey.status).toBe(422)
    expect(JSON.parse(badKey.text).error.details.map((detail: { field: string }) => detail.field)).toEqual([
      'metadata.__proto__',
      'metadata.crm id',
      'metadata.n',
    ])
    const badFilter = await raw('lenient', 'listUsers', { query: '?metadata[bad%20key]=x' })
    expect(badFilter.status).toBe(422)
    expect(recorder.problems).toEqual([])
  })

  it('answers every documented 404 and 409, and 410 for an expired token, as typed SDK errors', async () => {
    const unknown: Ids = {
      userId: 999_999,
      caseId: 999_999,
      webhookId: 999_999,
      token: 'vt_unknown',
      receipt: 'EAC2190012349',
    }
    const withNotFound = everyOperation(client, unknown, {}).filter(([id]) => documents(id, 404))
    await Promise.all(
      withNotFound.map(async ([id, call]) => {
        const error = await failure(call)
        expect(error, id).toBeInstanceOf(NotFoundError)
        expect((error as NotFoundError).code, id).toBe(id === 'checkCaseStatus' ? 'receipt_not_found' : 'not_found')
      }),
    )

    const conflicts = [
      () => client.users.create({ email: 'MARIA.LOPEZ@example.com', name: 'Duplicate' }),
      () => client.users.update(otherUserId, { email: 'maria.lopez@example.com' }),
      () => client.users.verifyEmail({ token: tokenFor(mock.api, 'maria.lopez@example.com') }),
      () => client.cases.create(existing.userId, { receipt_number: 'EAC 219 001 2340' }),
    ]
    for (const error of await Promise.all(conflicts.map(failure))) expect(error).toBeInstanceOf(ConflictError)
    // The inactive work-permit case cannot come back while another active case tracks its receipt.
    await client.cases.create(existing.userId, { receipt_number: 'EAC2190012342' })
    expect(await failure(() => client.cases.update(inactiveCaseId, { active: true }))).toBeInstanceOf(ConflictError)

    const late = await client.users.create({ email: 'late@example.com', name: 'Late' })
    await mock.api.clock.advance(25 * HOUR)
    const gone = await failure(() => client.users.verifyEmail({ token: tokenFor(mock.api, late.email) }))
    expect(gone).toBeInstanceOf(GoneError)
    expect((gone as GoneError).code).toBe('gone')
  })

  it('answers 422 for rules only the server knows: reused idempotency keys, WhatsApp without a phone, foreign cursors', async () => {
    const reused: Array<[() => PromiseLike<unknown>, () => PromiseLike<unknown>]> = [
      [
        () => client.users.create({ email: 'first@example.com', name: 'First' }, { idempotencyKey: 'reuse-user' }),
        () => client.users.create({ email: 'second@example.com', name: 'Second' }, { idempotencyKey: 'reuse-user' }),
      ],
      [
        () => client.users.verifyEmail({ token: 'vt_first' }, { idempotencyKey: 'reuse-verify' }),
        () => client.users.verifyEmail({ token: 'vt_second' }, { idempotencyKey: 'reuse-verify' }),
      ],
      [
        () =>
          client.cases.create(existing.userId, { receipt_number: 'EAC2190055550' }, { idempotencyKey: 'reuse-case' }),
        () =>
          client.cases.create(existing.userId, { receipt_number: 'EAC2190055551' }, { idempotencyKey: 'reuse-case' }),
      ],
      [
        () => client.check.status({ receipt_number: 'EAC2190012340' }, { idempotencyKey: 'reuse-check' }),
        () => client.check.status({ receipt_number: 'EAC2190012341' }, { idempotencyKey: 'reuse-check' }),
      ],
      [
        () =>
          client.webhooks.create(
            { url: 'https://hooks.example.com/a', events: ['*'], active: false },
            { idempotencyKey: 'reuse-webhook' },
          ),
        () =>
          client.webhooks.create(
            { url: 'https://hooks.example.com/b', events: ['*'], active: false },
            { idempotencyKey: 'reuse-webhook' },
          ),
      ],
    ]
    await Promise.all(
      reused.map(async ([first, second]) => {
        // The first call's answer, whatever it is, is what the key now stands for.
        await Promise.resolve(first()).then(
          () => undefined,
          () => undefined,
        )
        const error = await failure(second)
        expect(error).toBeInstanceOf(ValidationError)
        expect((error as ValidationError).code).toBe('idempotency_key_reused')
      }),
    )

    const ruleBreakers = [
      () => client.users.create({ email: 'wa@example.com', name: 'WhatsApp', notify_by_whatsapp: true }),
      () => client.users.update(existing.userId, { notify_by_whatsapp: true }),
      () => client.users.list({ cursor: 'not-a-cursor-from-this-api' }),
      () => client.cases.list(existing.userId, { cursor: 'bm9wZQ' }),
      () => client.webhooks.list({ cursor: 'eyJpZCI6LTF9' }),
    ]
    for (const error of await Promise.all(ruleBreakers.map(failure))) {
      expect(error).toBeInstanceOf(ValidationError)
      expect((error as ValidationError).status).toBe(422)
    }
  })

  it('answers 401 to a wrong key and 429, 500 and 503 to faults, on every operation', async () => {
    const faults: Array<[number, new (...args: never[]) => Error]> = [
      [401, AuthenticationError],
      [429, RateLimitError],
      [500, InternalServerError],
      [503, InternalServerError],
    ]
    const wrongKey = sdk('sk_test_wrong')
    const calls = faults.flatMap(([status, ErrorClass]) =>
      status === 401
        ? everyOperation(wrongKey, existing, {}).map((entry) => ({ entry, status, ErrorClass }))
        : everyOperation(client, existing, { headers: { Prefer: `code=${status}` } }).map((entry) => ({
            entry,
            status,
            ErrorClass,
          })),
    )
    await Promise.all(
      calls.map(async ({ entry: [id, call], status, ErrorClass }) => {
        const error = await failure(call)
        expect(error, `${id} ${status}`).toBeInstanceOf(ErrorClass)
        expect((error as InternalServerError).status, id).toBe(status)
      }),
    )
  })

  it('answers a USCIS outage on check with 429, 502 and 503 and the Retry-After USCIS asked for', async () => {
    for (const status of [429, 502, 503] as const) {
      mock.api.uscis.fail({ status, retryAfter: 2, times: 1 })
      const error = await failure(() => client.check.status({ receipt_number: existing.receipt }))
      expect(error).toBeInstanceOf(status === 429 ? RateLimitError : InternalServerError)
      expect((error as RateLimitError).status).toBe(status)
      expect((error as RateLimitError).headers.get('retry-after')).toBe('2')
    }
    expect(mock.api.uscis.outage()).toBeNull()
  })

  it('answers 400 to a wrong content type, 413 to a body over 1 MiB and 422 to a schema violation, on every operation that documents them', async () => {
    const oversized = JSON.stringify({ padding: 'x'.repeat(OVERSIZED) })
    const invalid: Record<OperationId, { path?: string; query?: string; body?: unknown }> = {
      checkCaseStatus: { body: { receipt_number: 'EAC-123' } },
      verifyUserEmail: { body: { token: '' } },
      listUsers: { query: '?limit=0' },
      createUser: { body: { email: 'not-an-email', name: '' } },
      getUser: { path: pathOf('getUser', 0) },
      updateUser: { path: pathOf('updateUser', existing.userId), body: {} },
      listUserCases: { path: pathOf('listUserCases', existing.userId), query: '?limit=101' },
      createCase: { path: pathOf('createCase', existing.userId), body: { receipt_number: 'nope' } },
      getCase: { path: pathOf('getCase', 'abc') },
      updateCase: { path: pathOf('updateCase', existing.caseId), body: { active: 'yes', extra: 1 } },
      listWebhooks: { query: '?limit=abc' },
      createWebhook: { body: { url: 'http://example.com/hook', events: [] } },
      getWebhook: { path: pathOf('getWebhook', -1) },
      updateWebhook: {
        path: pathOf('updateWebhook', existing.webhookId),
        body: { events: ['user.created', 'user.created'] },
      },
      deleteWebhook: { path: pathOf('deleteWebhook', '1.5') },
    }
    const entries = Object.entries(invalid) as Array<[OperationId, (typeof invalid)[OperationId]]>
    await Promise.all(
      entries.map(async ([id, input]) => {
        const path = input.path ?? pathOf(id, existing.userId)
        const body = input.body === undefined ? undefined : JSON.stringify(input.body)
        const rejected = await raw('lenient', id, { path, query: input.query, body, contentType: 'application/json' })
        expect(rejected.status, `${id}: ${rejected.text}`).toBe(422)
        if (!operations[id].body) return
        const wrongType = await raw('lenient', id, { path, body, contentType: 'text/plain' })
        expect(wrongType.status, id).toBe(400)
        const tooLarge = await raw('lenient', id, { path, body: oversized, contentType: 'application/json' })
        expect(tooLarge.status, id).toBe(413)
      }),
    )
    expect(recorder.problems).toEqual([])
  })

  it('checks against the mock directly what Prism answers itself: no API key, and malformed JSON', async () => {
    // Prism enforces the security scheme and parses JSON bodies before proxying, so these
    // requests never reach the mock through it; its own answers are not our ErrorEnvelope.
    const noKey = await raw('direct', 'listUsers', { key: null })
    expect(noKey.status).toBe(401)
    const prismNoKey = await globalThis.fetch(`${strict.url}/v1/users`)
    expect(prismNoKey.status).toBe(401)
    expect(contractProblems('listUsers', 401, prismNoKey.headers, await prismNoKey.text())).not.toEqual([])

    await Promise.all(
      (Object.keys(operations) as OperationId[]).map(async (id) => {
        const path = pathOf(id, existing.userId)
        expect((await raw('direct', id, { path, key: null })).status, id).toBe(401)
        if (!operations[id].body) return
        const malformed = await raw('direct', id, { path, body: '{"oops": ', contentType: 'application/json' })
        expect(malformed.status, id).toBe(400)
        expect(JSON.parse(malformed.text).error.code).toBe('bad_request')
      }),
    )
    const viaPrism = await globalThis.fetch(`${lenient.url}/v1/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: '{"oops": ',
    })
    expect(viaPrism.status).toBe(400)
    expect(contractProblems('createUser', 400, viaPrism.headers, await viaPrism.text())).not.toEqual([])
    expect(recorder.problems).toEqual([])
  })

  it('lists the same statuses per operation in the generated zod schemas as in openapi.yaml', () => {
    for (const [id, statuses] of documentedPairs()) {
      expect(Object.keys(operations[id].responses).map(Number), id).toEqual(statuses)
    }
  })

  it('exercised every (operation, status) pair openapi.yaml documents through Prism, with no violation', () => {
    expect(recorder.missing()).toEqual([])
    expect(recorder.problems).toEqual([])
  })
})
