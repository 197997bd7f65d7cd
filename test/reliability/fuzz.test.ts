/**
 * Hostile input against the standalone mock over real HTTP, with fast-check on a fixed seed.
 * For every request: no 5xx and no hang (5 s per request); every error is an ErrorEnvelope
 * whose `request_id` is the `X-Request-Id` and whose status the operation documents; every 2xx
 * body matches the operation's response schema; and a rejected request leaves the store exactly
 * as it was (see store-fingerprint.ts for the two things that legitimately change per request,
 * and the idempotency exception).
 *
 * Then the SDK's own input checking under random input, against the mock in-process: whatever
 * the SDK lets through, the mock accepts as well-formed.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMockApi, type MockSnapshot } from '../../mocks/api'
import { type RunningMockServer, startMockServer } from '../../mocks/server'
import {
  type CaseCreateParams,
  type CaseListParams,
  type CaseUpdateParams,
  type CheckParams,
  ImmigraFlow,
  ImmigraFlowError,
  type UserCreateParams,
  type UserListParams,
  type UserUpdateParams,
  ValidationError,
  type VerifyEmailParams,
  type WebhookCreateParams,
  type WebhookListParams,
  type WebhookUpdateParams,
} from '../../src'
import { ErrorEnvelopeSchema, type OperationId, operations } from '../../src/generated/zod'
import { API_KEY, activeUser, call, tokenFor } from '../helpers/mock'
import { stubFetch } from '../helpers/mock-receiver'
import { type FuzzCase, fuzzCase, type Seeded, strayRequest, trickyString } from './fuzz-arbitraries'
import { idempotencyChanges, type StoreFingerprint, storeFingerprint } from './store-fingerprint'

const SEED = 42
const RUNS_PER_OPERATION = 150
const STRAY_RUNS = 200
const SDK_RUNS_PER_METHOD = 40
const REQUEST_TIMEOUT_MS = 5_000
/** Statuses after which the mock keeps the answer for its Idempotency-Key (see mocks/handlers/idempotency.ts). */
const REPLAYED_ERRORS = new Set([404, 409, 410])
const OPERATION_IDS = Object.keys(operations) as OperationId[]

const stats = {
  cases: 0,
  fiveHundreds: 0,
  rejected: 0,
  accepted: 0,
  rejectedWithIdempotencyRecord: 0,
  /** Requests carrying metadata in their body or a metadata filter, and how many of them succeeded. */
  withMetadata: 0,
  withMetadataAccepted: 0,
  byStatus: new Map<number, number>(),
  byBodyKind: new Map<string, number>(),
}
const sdkStats = { calls: 0, rejectedLocally: 0, sent: 0, serverSchemaRejections: 0, syncThrows: 0 }

let mock: RunningMockServer
let seeded: Seeded
let baseline: MockSnapshot

const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1)

/** Where two long strings first differ, for a readable failure. */
function firstDifference(before: string, after: string): string {
  let index = 0
  while (index < before.length && before[index] === after[index]) index++
  return `at ${index}: …${before.slice(Math.max(0, index - 80), index + 80)}… became …${after.slice(Math.max(0, index - 80), index + 80)}…`
}

/** Sends one fuzz case, checks every invariant, and returns the store as it now is. */
async function exercise(fuzz: FuzzCase, before: StoreFingerprint): Promise<StoreFingerprint> {
  const response = await fetch(`${mock.url}${fuzz.path}${fuzz.query}`, {
    method: fuzz.method,
    headers: fuzz.headers,
    body: fuzz.body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  })
  const text = await response.text()
  const { status } = response
  stats.cases++
  const carriesMetadata =
    fuzz.query.includes('metadata') || (typeof fuzz.body === 'string' && fuzz.body.includes('"metadata"'))
  if (carriesMetadata) {
    stats.withMetadata++
    if (status < 300) stats.withMetadataAccepted++
  }
  bump(stats.byStatus, status)
  bump(stats.byBodyKind, fuzz.bodyKind)
  const where = `${fuzz.method} ${fuzz.path.slice(0, 200)}${fuzz.query.slice(0, 200)} [${fuzz.bodyKind}] ${JSON.stringify(fuzz.headers).slice(0, 300)} → ${status}: ${text.slice(0, 300)}`
  if (status >= 500) stats.fiveHundreds++
  expect(status, where).toBeLessThan(500)
  await mock.api.idle()

  const requestId = response.headers.get('x-request-id')
  const logged = mock.api.requests.at(-1)
  expect(requestId, where).toBeTruthy()
  expect(logged?.request_id, where).toBe(requestId)
  const operation = (logged?.operation ?? null) as OperationId | null
  const after = storeFingerprint(mock.api.store.state)

  if (status >= 400) {
    stats.rejected++
    const envelope = ErrorEnvelopeSchema.safeParse(JSON.parse(text))
    expect(envelope.success, where).toBe(true)
    expect(envelope.data?.error.request_id, where).toBe(requestId)
    if (operation === null) expect([401, 404, 422], where).toContain(status)
    else expect(Object.keys(operations[operation].responses), where).toContain(String(status))

    if (after.data !== before.data) {
      throw new Error(`a rejected request changed the store ${firstDifference(before.data, after.data)}\n${where}`)
    }
    const changed = idempotencyChanges(before, after)
    const key = fuzz.idempotencyKey?.replace(/^[ \t]+|[ \t]+$/g, '')
    const allowed = key !== undefined && REPLAYED_ERRORS.has(status) ? [`${API_KEY}\n${key}`] : []
    expect(
      changed.filter((item) => !allowed.includes(item)),
      where,
    ).toEqual([])
    if (changed.length > 0) stats.rejectedWithIdempotencyRecord++
  } else {
    stats.accepted++
    expect(operation, where).not.toBeNull()
    const responses = operations[operation as OperationId].responses as Record<
      number,
      { safeParse(value: unknown): { success: boolean; error?: unknown } } | null
    >
    expect(Object.keys(responses), where).toContain(String(status))
    const schema = responses[status]
    if (schema === null || schema === undefined) expect(text, where).toBe('')
    else {
      const parsed = schema.safeParse(JSON.parse(text))
      expect(parsed.success, `${where}\n${String(parsed.error)}`).toBe(true)
    }
  }
  return after
}

beforeAll(async () => {
  const deliveries = stubFetch()
  mock = await startMockServer({ port: 0, apiKey: API_KEY, fetch: deliveries.fetch })
  const target = {
    url: mock.url,
    get outbox() {
      return mock.api.outbox
    },
  }
  const maria = await activeUser(target, { email: 'maria@example.com', phone: '+14155550123' })
  const pending = await call(target, 'createUser', { body: { email: 'pending@example.com', name: 'Pending' } })
  const disabled = await activeUser(target, { email: 'disabled@example.com' })
  await call(target, 'updateUser', { params: { user_id: disabled.id }, body: { status: 'disabled' } })
  const cases = []
  for (const receipt_number of ['EAC2190012340', 'EAC2190012343']) {
    cases.push(await call(target, 'createCase', { params: { user_id: maria.id }, body: { receipt_number } }))
  }
  cases.push(
    await call(target, 'createCase', {
      params: { user_id: pending.body.id },
      body: { receipt_number: 'IOE0912345678' },
    }),
  )
  await call(target, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012340' } })
  const hooks = [
    await call(target, 'createWebhook', { body: { url: 'https://hooks.example.com/in', events: ['*'] } }),
    await call(target, 'createWebhook', {
      body: { url: 'http://localhost:9/paused', events: ['case.created'], active: false },
    }),
  ]
  await mock.api.idle()
  seeded = {
    apiKey: API_KEY,
    userIds: [maria.id, pending.body.id, disabled.id],
    caseIds: cases.map((item) => item.body.case.id),
    webhookIds: hooks.map((item) => item.body.id),
    emails: ['maria@example.com', 'pending@example.com', 'disabled@example.com'],
    receipts: ['EAC2190012340', 'EAC2190012343', 'IOE0912345678'],
    tokens: [tokenFor(mock.api, 'pending@example.com'), tokenFor(mock.api, 'maria@example.com')],
  }
  baseline = mock.api.snapshot()
})

afterAll(async () => {
  const statuses = [...stats.byStatus].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`)
  const kinds = [...stats.byBodyKind].map(([kind, count]) => `${kind} ${count}`)
  console.log(`fuzz (fast-check seed ${SEED}) against the standalone mock over HTTP:
  statuses: ${statuses.join(', ')}
  bodies: ${kinds.join(', ')}
  rejected: ${stats.rejected}, store unchanged after every one (${stats.rejectedWithIdempotencyRecord} stored their 404/409/410 for Idempotency-Key replay, as designed); accepted: ${stats.accepted}, every body matching the spec
  SDK input checking: ${sdkStats.calls} calls, ${sdkStats.rejectedLocally} rejected before sending, ${sdkStats.sent} sent, schema rejections by the mock of what the SDK sent: ${sdkStats.serverSchemaRejections}, synchronous throws: ${sdkStats.syncThrows}
  metadata: ${stats.withMetadata} requests carried metadata or a metadata filter, ${stats.withMetadataAccepted} of them accepted
fuzz cases run: ${stats.cases}, 5xx seen: ${stats.fiveHundreds}`)
  await mock?.close()
})

describe('hostile requests to the standalone mock', () => {
  it('the store fingerprint sees a change inside a Map, which JSON.stringify(snapshot()) would miss', () => {
    const api = createMockApi()
    const user = api.store.insertUser(
      {
        email: 'x@example.com',
        name: 'X',
        phone: null,
        notify_by_email: true,
        notify_by_whatsapp: false,
        status: 'active',
      },
      api.clock.iso(),
    )
    const before = storeFingerprint(api.store.state)
    const snapshotBefore = JSON.stringify(api.snapshot())
    // The user record lives only in the `users` Map.
    user.name = 'Someone else'
    expect(JSON.stringify(api.snapshot())).toBe(snapshotBefore)
    expect(storeFingerprint(api.store.state).data).not.toBe(before.data)
  })

  for (const id of OPERATION_IDS) {
    it(`${id}: no 5xx, no hang, errors are envelopes, successes match the spec, rejections change nothing`, async () => {
      mock.api.restore(baseline)
      let before = storeFingerprint(mock.api.store.state)
      await fc.assert(
        fc.asyncProperty(fuzzCase(id, seeded), async (fuzz) => {
          before = await exercise(fuzz, before)
        }),
        { seed: SEED, numRuns: RUNS_PER_OPERATION },
      )
    })
  }

  it('requests that address no operation get an envelope too, and change nothing', async () => {
    mock.api.restore(baseline)
    let before = storeFingerprint(mock.api.store.state)
    await fc.assert(
      fc.asyncProperty(strayRequest(seeded), async (fuzz) => {
        before = await exercise(fuzz, before)
      }),
      { seed: SEED, numRuns: STRAY_RUNS },
    )
  })
})

describe('the SDK under random input', () => {
  type Invoke = (client: ImmigraFlow, id: unknown, input: unknown) => PromiseLike<unknown>
  const methods: Record<OperationId, Invoke> = {
    checkCaseStatus: (client, _id, input) => client.check.status(input as CheckParams),
    verifyUserEmail: (client, _id, input) => client.users.verifyEmail(input as VerifyEmailParams),
    listUsers: (client, _id, input) => client.users.list(input as UserListParams),
    createUser: (client, _id, input) => client.users.create(input as UserCreateParams),
    getUser: (client, id) => client.users.retrieve(id as number),
    updateUser: (client, id, input) => client.users.update(id as number, input as UserUpdateParams),
    listUserCases: (client, id, input) => client.cases.list(id as number, input as CaseListParams),
    createCase: (client, id, input) => client.cases.create(id as number, input as CaseCreateParams),
    getCase: (client, id) => client.cases.retrieve(id as number),
    updateCase: (client, id, input) => client.cases.update(id as number, input as CaseUpdateParams),
    listWebhooks: (client, _id, input) => client.webhooks.list(input as WebhookListParams),
    createWebhook: (client, _id, input) => client.webhooks.create(input as WebhookCreateParams),
    getWebhook: (client, id) => client.webhooks.retrieve(id as number),
    updateWebhook: (client, id, input) => client.webhooks.update(id as number, input as WebhookUpdateParams),
    deleteWebhook: (client, id) => client.webhooks.delete(id as number),
  }
  /**
   * Server-only rules zod cannot express: WhatsApp needs a phone; a cursor must be one the API
   * issued; metadata merged into what a record has must stay within 50 keys.
   */
  const SERVER_ONLY_FIELDS = new Set(['phone', 'notify_by_whatsapp', 'cursor', 'metadata'])

  for (const id of OPERATION_IDS) {
    it(`${id}: the SDK rejects bad input before sending, and whatever it sends the mock finds well-formed`, async () => {
      const api = createMockApi({ apiKey: API_KEY })
      await activeUser(api, { email: 'sdk@example.com' })
      const exchanges: Array<{ status: number; body: string }> = []
      const client = new ImmigraFlow({
        apiKey: API_KEY,
        baseUrl: api.baseUrl,
        maxRetries: 0,
        logLevel: 'off',
        fetch: async (request) => {
          const response = (await api.handle(request)) as Response
          exchanges.push({ status: response.status, body: await response.clone().text() })
          return response
        },
      })
      const fields = fc.dictionary(
        fc.constantFrom(
          'email',
          'name',
          'phone',
          'token',
          'receipt_number',
          'url',
          'events',
          'limit',
          'cursor',
          'active',
          'metadata',
        ),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), trickyString),
        { maxKeys: 4 },
      )
      const input = fc.oneof(
        fields,
        fuzzCase(id, seeded).map((fuzz) => parseOrEmpty(fuzz.body)),
      )
      const pathId = fc.oneof(fc.constantFrom(1, 2, 999), fc.integer(), fc.double(), fc.constantFrom(0, -1, Number.NaN))
      await fc.assert(
        fc.asyncProperty(pathId, input, async (pathValue, params) => {
          exchanges.length = 0
          sdkStats.calls++
          let pending: PromiseLike<unknown>
          try {
            pending = methods[id](client, pathValue, params)
          } catch (error) {
            sdkStats.syncThrows++
            throw error
          }
          const outcome = await Promise.resolve(pending).then(
            () => null,
            (error: unknown) => error,
          )
          if (outcome !== null) expect(ImmigraFlowError.isImmigraFlowError(outcome), String(outcome)).toBe(true)
          if (outcome instanceof ValidationError && outcome.status === undefined) {
            sdkStats.rejectedLocally++
            expect(exchanges).toEqual([])
            return
          }
          sdkStats.sent++
          for (const exchange of exchanges) {
            expect(exchange.status, exchange.body).not.toBe(400)
            expect(exchange.status, exchange.body).toBeLessThan(500)
            if (exchange.status !== 422) continue
            const details: Array<{ field: string }> = JSON.parse(exchange.body).error.details ?? []
            const schemaFields = details.map((detail) => detail.field).filter((field) => !SERVER_ONLY_FIELDS.has(field))
            if (schemaFields.length > 0) sdkStats.serverSchemaRejections++
            expect(schemaFields, exchange.body).toEqual([])
          }
        }),
        { seed: SEED, numRuns: SDK_RUNS_PER_METHOD },
      )
    })
  }
})

/**
 * A fuzz body parsed back to a value (what a JavaScript caller might pass), or `{}` when it is
 * not JSON. Never null: `cases.create(id, null)` and `check.status(null)` throw a TypeError
 * synchronously, pinned in regressions.test.ts.
 */
function parseOrEmpty(body: FuzzCase['body']): unknown {
  if (typeof body !== 'string' || body.length > 200_000) return {}
  try {
    return JSON.parse(body) ?? {}
  } catch {
    return {}
  }
}
