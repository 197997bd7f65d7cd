import { afterEach, describe, expect, expectTypeOf, test } from 'vitest'
import { createMockApi } from '../../mocks/api'
import {
  createMockControl,
  type MockControl,
  MockControlError,
  RequestExpectationError,
} from '../../mocks/control-client'
import { type RunningMockServer, startMockServer } from '../../mocks/server'
import { ImmigraFlow } from '../../src/client'
import { ImmigraFlowError } from '../../src/core/base-error'
import { stubFetch } from '../helpers/mock-receiver'

const WEEK = 7 * 86_400_000
const servers: RunningMockServer[] = []

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function serve(options: Parameters<typeof startMockServer>[0] = {}): Promise<RunningMockServer> {
  const server = await startMockServer({ port: 0, ...options })
  servers.push(server)
  return server
}

/** Fields that hold real time or depend on the HTTP client the app used, not on the mock. */
const TRANSPORT_FIELDS = new Set(['headers', 'duration_ms', 'timestamp', 'signature'])

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !TRANSPORT_FIELDS.has(key))
      .map(([key, item]) => [key, stable(item)]),
  )
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    if (error instanceof MockControlError)
      return { name: error.name, message: error.message, status: error.status, code: error.code, route: error.route }
    if (error instanceof RequestExpectationError)
      return { name: error.name, message: error.message, nearMisses: error.nearMisses, matches: error.matches }
    throw error
  }
  throw new Error('expected a failure')
}

/** One scenario written against `MockControl` only: whatever the transport, the same results. */
async function scenario(control: MockControl, sdk: ImmigraFlow) {
  await sdk.webhooks.create({ url: 'https://hooks.example.com/in', events: ['*'] })
  const user = await sdk.users.create({ email: 'maria@example.com', name: 'María' })
  const token = (await control.outbox()).find((message) => message.kind === 'verification')?.token ?? ''
  await sdk.users.verifyEmail({ token })
  await sdk.cases.create(user.id, { receipt_number: 'EAC2190012340' })
  await sdk.check.status({ receipt_number: 'EAC2190012340' })
  const advance = await control.clock.advance(WEEK)
  const now = await control.clock.now()
  await sdk.check.status({ receipt_number: 'EAC2190012340' })
  await control.idle()
  const outbox = await control.outbox()
  const deliveries = await control.deliveries()
  const events = await control.events()
  const requests = await control.requests()
  const createCase = await control.requests({ operation: 'createCase', status: 201, method: 'post' })
  const uscisAdvance = await control.uscis.advance('EAC2190012340')
  const uscisSet = await control.uscis.setStatus('EAC2190012340', 'Case Was Approved')
  const outage = await control.uscis.fail({ status: 503, retryAfter: 0, times: 1 })
  await control.uscis.recover()
  const faultsSet = await control.faults.set({ failRate: 0.25, code: 502 })
  const chaosSet = await control.faults.set({ webhooks: { duplicate: 0.5, delayMs: 60_000 } })
  const chaosKept = await control.faults.set({ webhooks: { reorder: true } })
  const faultsGet = await control.faults.get()
  const faultsClear = await control.faults.clear()
  const expected = await control.expectRequest({ operation: 'createCase', status: 201, times: 1 })
  const nearMiss = await failure(
    control.expectRequest({ operation: 'createCase', body: { receipt_number: 'EAC2190099990' } }),
  )
  const badAdvance = await failure(control.clock.advance(-1))
  const unknownReceipt = await failure(control.uscis.advance('EAC2190012349'))
  const badFaults = await failure(control.faults.set({ failRate: 2 }))
  const badChaos = await failure(control.faults.set({ webhooks: { delayMs: -1 } }))
  const unknownChaos = await failure(control.faults.set({ webhooks: { delay: 5 } as never }))
  const badExpectation = await failure(control.expectRequest({ operation: 'createcase' as never }))
  const snapshot = await control.snapshot()
  await control.reset()
  const afterReset = { requests: await control.requests(), outbox: await control.outbox() }
  await control.restore(snapshot)
  const afterRestore = { requests: (await control.requests()).length, outbox: (await control.outbox()).length }
  const coverage = await control.coverage()
  return {
    advance,
    now,
    outbox,
    deliveries,
    events,
    requests,
    createCase,
    uscisAdvance,
    uscisSet,
    outage,
    faultsSet,
    chaosSet,
    chaosKept,
    faultsGet,
    faultsClear,
    expected,
    nearMiss,
    badAdvance,
    unknownReceipt,
    badFaults,
    badChaos,
    unknownChaos,
    badExpectation,
    afterReset,
    afterRestore,
    coverage,
  }
}

describe('MockControl: one interface, two transports', () => {
  test('api.control and createMockControl(...) are both exactly MockControl', () => {
    const api = createMockApi()
    expectTypeOf(api.control).toEqualTypeOf<MockControl>()
    expectTypeOf(createMockControl({ url: 'http://127.0.0.1:4010' })).toEqualTypeOf<MockControl>()
    expect(api.control).toBe(api.control)
    expect(api.control.headers).toEqual({})
  })

  test('one scenario gives identical results in process and over HTTP', async () => {
    const inProcessReceiver = stubFetch()
    const api = createMockApi({ fetch: inProcessReceiver.fetch })
    const results = await scenario(
      api.control,
      new ImmigraFlow({ apiKey: 'sk_test', baseUrl: api.baseUrl, fetch: api.fetch }),
    )

    const remoteReceiver = stubFetch()
    const server = await serve({ fetch: remoteReceiver.fetch })
    const remote = await scenario(
      createMockControl({ url: server.url }),
      new ImmigraFlow({ apiKey: 'sk_test', baseUrl: server.url }),
    )
    expect(stable(remote)).toEqual(stable(results))

    // What the scenario saw is what the mock did.
    expect(results.advance.uscis).toEqual([expect.objectContaining({ receipt_number: 'EAC2190012340' })])
    expect(results.expected).toHaveLength(1)
    expect(results.createCase).toEqual(results.expected)
    const noChaos = { duplicate: 0, reorder: false, delayMs: 0 }
    expect(results.faultsSet).toEqual({ failRate: 0.25, code: 502, latencyMs: 0, reset: false, webhooks: noChaos })
    // Webhook chaos goes as `webhooks: { duplicate, reorder, delay_ms }` on the wire; fields not sent keep their value.
    expect(results.chaosSet.webhooks).toEqual({ duplicate: 0.5, reorder: false, delayMs: 60_000 })
    expect(results.chaosKept).toEqual({
      failRate: 0.25,
      code: 502,
      latencyMs: 0,
      reset: false,
      webhooks: { duplicate: 0.5, reorder: true, delayMs: 60_000 },
    })
    expect(results.faultsGet).toEqual(results.chaosKept)
    expect(results.faultsClear).toEqual({ failRate: 0, code: 503, latencyMs: 0, reset: false, webhooks: noChaos })
    expect(results.badChaos).toMatchObject({ status: 400, code: 'bad_request', route: 'POST /__mock/faults' })
    expect(results.unknownChaos).toMatchObject({
      status: 400,
      message:
        'POST /__mock/faults answered 400 bad_request: faults.set: webhooks has unknown field delay; use duplicate, reorder, delayMs',
    })
    expect(results.outage).toEqual({ status: 503, retry_after: 0, remaining: 1 })
    expect(results.uscisSet.status_code).toBe('Case Was Approved')
    expect(results.badAdvance).toEqual({
      name: 'MockControlError',
      message: 'POST /__mock/clock answered 400 bad_request: advance(ms) needs a finite number ≥ 0, got -1',
      status: 400,
      code: 'bad_request',
      route: 'POST /__mock/clock',
    })
    expect(results.unknownReceipt).toMatchObject({
      status: 404,
      code: 'not_found',
      route: 'POST /__mock/uscis/EAC2190012349',
      message:
        'POST /__mock/uscis/EAC2190012349 answered 404 not_found: USCIS has no case with receipt number EAC2190012349.',
    })
    expect(results.badFaults).toMatchObject({ status: 400, code: 'bad_request', route: 'POST /__mock/faults' })
    expect(results.badExpectation).toMatchObject({ status: 400, route: 'POST /__mock/expect' })
    expect(results.nearMiss.name).toBe('RequestExpectationError')
    expect(results.nearMiss.message).toContain('body.receipt_number: expected "EAC2190099990", got "EAC2190012340"')
    expect(results.afterReset).toEqual({ requests: [], outbox: [] })
    expect(results.afterRestore).toEqual({ requests: results.requests.length, outbox: results.outbox.length })
    expect(results.requests).toHaveLength(6)
    expect(results.coverage.covered).toBe(5)
  })

  test('a snapshot taken over one transport restores over the other', async () => {
    const api = createMockApi()
    const sdk = new ImmigraFlow({ apiKey: 'sk_test', baseUrl: api.baseUrl, fetch: api.fetch })
    await sdk.users.create({ email: 'ana@example.com', name: 'Ana' })
    await api.control.clock.advance(3_600_000)
    const server = await serve()
    const remote = createMockControl({ url: server.url })
    await remote.restore(await api.control.snapshot())
    expect(await remote.clock.now()).toBe('2026-01-05T10:00:00.000Z')
    expect((await remote.outbox()).map((message) => message.to)).toEqual(['ana@example.com'])

    await remote.clock.advance(3_600_000)
    const back = createMockApi()
    await back.control.restore(await remote.snapshot())
    expect(back.clock.iso()).toBe('2026-01-05T11:00:00.000Z')
    expect(back.store.findUserByEmail('ana@example.com')?.name).toBe('Ana')

    const notASnapshot = { version: 2, state: {} } as never
    for (const control of [remote, back.control])
      await expect(control.restore(notASnapshot)).rejects.toMatchObject({
        name: 'MockControlError',
        status: 400,
        route: 'POST /__mock/restore',
      })
  })
})

describe('the same bad argument is the same MockControlError in both transports, before anything changes', () => {
  const bad: Array<[string, string, (control: MockControl) => Promise<unknown>, string]> = [
    ['requests(null)', 'GET /__mock/requests', (c) => c.requests(null as never), 'requests filter must be an object.'],
    [
      'requests({ status: "200" })',
      'GET /__mock/requests',
      (c) => c.requests({ status: '200' as never }),
      'requests filter: status must be an HTTP status (100–599), got "200".',
    ],
    ...([Number.NaN, Number.POSITIVE_INFINITY, '5', null, undefined, -1] as const).map(
      (ms): [string, string, (control: MockControl) => Promise<unknown>, string] => [
        `clock.advance(${String(ms)})`,
        'POST /__mock/clock',
        (c) => c.clock.advance(ms as never),
        `advance(ms) needs a finite number ≥ 0, got ${typeof ms === 'string' ? '"5"' : String(ms)}`,
      ],
    ),
    [
      'uscis.advance("")',
      'POST /__mock/uscis/',
      (c) => c.uscis.advance(''),
      'receipt must be a receipt number such as "EAC2190012340", got "".',
    ],
    [
      'uscis.setStatus(receipt, "")',
      'POST /__mock/uscis/EAC2190012302',
      (c) => c.uscis.setStatus('EAC2190012302', ''),
      'setStatus(receipt, title) needs a USCIS title, such as "Case Was Approved", got "".',
    ],
    [
      'uscis.fail(undefined)',
      'POST /__mock/uscis',
      (c) => c.uscis.fail(undefined as never),
      'uscis.fail(options) needs an object such as { status: 503, retryAfter: 60, times: 2 }.',
    ],
    [
      'uscis.fail({ status: 500 })',
      'POST /__mock/uscis',
      (c) => c.uscis.fail({ status: 500 as never }),
      'uscis.fail: status must be 429, 502 or 503, got 500.',
    ],
    [
      'uscis.fail({ status: 429, retry_after: 5 })',
      'POST /__mock/uscis',
      (c) => c.uscis.fail({ status: 429, retry_after: 5 } as never),
      'uscis.fail: unknown field retry_after; use status, retryAfter, times.',
    ],
    [
      'faults.set({ failRate: "0.5" })',
      'POST /__mock/faults',
      (c) => c.faults.set({ failRate: '0.5' as never }),
      'faults.set: failRate must be a number',
    ],
    ...([null, undefined, []] as const).map(
      (expectation): [string, string, (control: MockControl) => Promise<unknown>, string] => [
        `expectRequest(${JSON.stringify(expectation) ?? 'undefined'})`,
        'POST /__mock/expect',
        (c) => c.expectRequest(expectation as never),
        `expectRequest(expectation) needs an object such as { operation: "createCase", status: 201 }, got ${Array.isArray(expectation) ? 'an array' : String(expectation)}.`,
      ],
    ),
    [
      'expectRequest({ body: () => 1 })',
      'POST /__mock/expect',
      (c) => c.expectRequest({ body: () => 1 }),
      'expectation: body is a function, which a JSON body cannot hold; leave it out or give a JSON value.',
    ],
    [
      'expectRequest({ times: 1e300 })',
      'POST /__mock/expect',
      (c) => c.expectRequest({ times: 1e300 }),
      'expectation: times must be a whole number from 0 to 1 000 000, got 1e+300.',
    ],
  ]

  test.each(bad)('%s', async (_name, route, call, message) => {
    const server = await serve()
    const api = createMockApi()
    const sent: string[] = []
    const remote = createMockControl({
      url: server.url,
      fetch: (input, init) => {
        sent.push(String(input))
        return fetch(input, init)
      },
    })
    const before = { local: api.snapshot(), remote: await remote.snapshot() }
    sent.length = 0
    const [inProcess, overHttp] = [await failure(call(api.control)), await failure(call(remote))]
    expect(inProcess).toEqual(overHttp)
    expect(inProcess).toEqual({
      name: 'MockControlError',
      status: 400,
      code: 'bad_request',
      route,
      message: `${route} answered 400 bad_request: ${message}`,
    })
    // Refused before anything was sent or changed.
    expect(sent).toEqual([])
    expect(api.snapshot()).toEqual(before.local)
    expect(await remote.snapshot()).toEqual(before.remote)
  })
})

describe('restore refuses a snapshot of the wrong shape, in both transports, and changes nothing', () => {
  const damaged = async () => {
    const source = createMockApi()
    await new ImmigraFlow({ apiKey: 'sk_test', baseUrl: source.baseUrl, fetch: source.fetch }).users.create({
      email: 'ana@example.com',
      name: 'Ana',
    })
    return [
      [JSON.parse(JSON.stringify(await source.control.snapshot())), '"users" is an object, not a map'],
      [{ version: 1, state: {} }, 'it has no "now"'],
      [{ version: 1, state: { ...source.snapshot().state, now: 'x' } }, '"now" is a string, not a number'],
      [{ version: 1, state: { ...source.snapshot().state, now: Number.NaN } }, '"now" is not a time'],
      [null, 'needs a snapshot taken by snapshot()'],
    ] as const
  }

  test('api.control.restore and createMockControl().restore give the same 400', async () => {
    const server = await serve()
    const remote = createMockControl({ url: server.url })
    const local = createMockApi()
    await local.control.clock.advance(1000)
    for (const [snapshot, problem] of await damaged()) {
      const [inProcess, overHttp] = [
        await failure(local.control.restore(snapshot as never)),
        await failure(remote.restore(snapshot as never)),
      ]
      expect(inProcess).toEqual(overHttp)
      expect(inProcess).toMatchObject({ status: 400, code: 'bad_request', route: 'POST /__mock/restore' })
      expect(inProcess.message).toContain(problem)
    }
    // Nothing changed: both mocks still answer, reset included.
    expect(await local.control.clock.now()).toBe('2026-01-05T09:00:01.000Z')
    await local.control.reset()
    expect(await local.control.requests()).toEqual([])
    expect(await remote.clock.now()).toBe('2026-01-05T09:00:00.000Z')
  })

  test('api.restore throws a TypeError saying what is wrong, before changing anything', async () => {
    const api = createMockApi()
    const sdk = new ImmigraFlow({ apiKey: 'sk_test', baseUrl: api.baseUrl, fetch: api.fetch, maxRetries: 0 })
    await sdk.users.create({ email: 'eva@example.com', name: 'Eva' })
    for (const [snapshot, problem] of await damaged()) {
      expect(() => api.restore(snapshot as never)).toThrow(TypeError)
      expect(() => api.restore(snapshot as never)).toThrow(problem)
    }
    expect((await sdk.users.list()).data.map((user) => user.email)).toEqual(['eva@example.com'])
    api.reset()
    expect((await sdk.users.list()).data).toEqual([])
  })
})

describe('createMockControl', () => {
  test('sends X-Mock-Session and the API key on every call, and exposes the session headers for the SDK', async () => {
    const server = await serve({ apiKey: 'sk_mock_key' })
    const sent: Headers[] = []
    const control = createMockControl({
      url: `${server.url}/`,
      session: 'alice',
      apiKey: 'sk_mock_key',
      fetch: (input, init) => {
        sent.push(new Headers(init?.headers))
        return fetch(input, init)
      },
    })
    expect(control.headers).toEqual({ 'X-Mock-Session': 'alice' })
    await control.clock.advance(1000)
    await control.outbox()
    expect(sent.map((headers) => headers.get('x-mock-session'))).toEqual(['alice', 'alice'])
    expect(sent.map((headers) => headers.get('authorization'))).toEqual(['Bearer sk_mock_key', 'Bearer sk_mock_key'])
    // The headers go with the app's requests too: the app and the control meet in that session.
    const sdk = new ImmigraFlow({ apiKey: 'sk_mock_key', baseUrl: server.url, headers: control.headers })
    await sdk.users.create({ email: 'alice@example.com', name: 'Alice' })
    expect((await control.outbox()).map((message) => message.to)).toEqual(['alice@example.com'])
    await control.expectRequest({ operation: 'createUser', times: 1, headers: { 'X-Mock-Session': 'alice' } })
    expect(await control.clock.now()).toBe('2026-01-05T09:00:01.000Z')
    // Another session, and the default one, saw none of it.
    const bob = createMockControl({ url: server.url, session: 'bob', apiKey: 'sk_mock_key' })
    expect(await bob.outbox()).toEqual([])
    expect(await bob.clock.now()).toBe('2026-01-05T09:00:00.000Z')
    expect(server.api.requests).toEqual([])
  })

  test('a refusal is a MockControlError naming the route, the status, the code and the request id', async () => {
    const server = await serve({ apiKey: 'sk_mock_key' })
    const error = await createMockControl({ url: server.url })
      .outbox()
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(MockControlError)
    expect(error).toBeInstanceOf(ImmigraFlowError)
    expect(error).toMatchObject({
      status: 401,
      code: 'unauthorized',
      route: 'GET /__mock/outbox',
      requestId: expect.stringMatching(/\S/),
      message: expect.stringMatching(/^GET \/__mock\/outbox answered 401 unauthorized: The mock runs with an API key/),
    })
  })

  test('a 405 from the mock (a proxy that rewrote the method) is a method_not_allowed MockControlError', async () => {
    const server = await serve()
    const control = createMockControl({
      url: server.url,
      fetch: (input, init) => fetch(input, { ...init, method: 'PUT' }),
    })
    expect(await failure(control.faults.get())).toEqual({
      name: 'MockControlError',
      status: 405,
      code: 'method_not_allowed',
      route: 'GET /__mock/faults',
      message:
        'GET /__mock/faults answered 405 method_not_allowed: /__mock/faults does not take PUT: it takes GET, POST, DELETE.',
    })
  })

  test('no answer is a MockControlError with the cause; an answer that is not an envelope keeps its text', async () => {
    const server = await serve()
    const url = server.url
    await server.close()
    servers.length = 0
    const error = (await createMockControl({ url })
      .idle()
      .catch((caught: unknown) => caught)) as MockControlError
    expect(error).toBeInstanceOf(MockControlError)
    expect(error).toMatchObject({ status: 0, code: 'network_error', route: 'POST /__mock/idle', requestId: null })
    expect(error.message).toMatch(/^POST \/__mock\/idle got no answer from http:\/\/127\.0\.0\.1:\d+: /)
    expect(error.cause).toBeInstanceOf(TypeError)

    const proxy = createMockControl({
      url: 'http://mock.internal',
      fetch: async () => new Response('Bad gateway', { status: 502, statusText: 'Bad Gateway' }),
    })
    await expect(proxy.coverage()).rejects.toThrow('GET /__mock/coverage answered 502 http_error: Bad gateway')
  })

  test('a bad url, session, apiKey or timeoutMs is a TypeError when the control is made, naming the option', () => {
    const made = (options: Record<string, unknown>) => () =>
      createMockControl({ url: 'http://127.0.0.1:4010', ...options } as never)
    for (const url of ['localhost:4010', 'not a url', 'ftp://127.0.0.1', 42])
      expect(made({ url })).toThrow(
        `createMockControl: url must be an absolute http(s) URL such as http://127.0.0.1:4010, got ${JSON.stringify(url)}`,
      )
    for (const session of ['', ' ', 'a b', 'josé', '日本', 'x'.repeat(65), 'a\r\nb', 7])
      expect(made({ session })).toThrow(
        `createMockControl: session must be 1–64 characters of A–Z, a–z, 0–9, ".", "_" and "-" (as the mock takes it), got ${JSON.stringify(session)}`,
      )
    for (const apiKey of ['', ' ', 'sk\nX-Evil: 1', 5])
      expect(made({ apiKey })).toThrow(
        "createMockControl: apiKey must be a non-empty string without line breaks (the mock's --api-key)",
      )
    for (const timeoutMs of [0, -1, Number.NaN, '5'])
      expect(made({ timeoutMs })).toThrow('createMockControl: timeoutMs must be a number of milliseconds > 0')
    expect(made({ session: 'worker-1.a_B', apiKey: 'sk_x', timeoutMs: 10 })).not.toThrow()
  })

  test('a URL that answers, but not as an ImmigraFlow mock, is a not_a_mock MockControlError naming the URL', async () => {
    const page = '<!doctype html><html><body>My app</body></html>'
    const spa = createMockControl({
      url: 'http://127.0.0.1:5173',
      fetch: async () => new Response(page, { status: 200, headers: { 'Content-Type': 'text/html' } }),
    })
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['GET /__mock/outbox', () => spa.outbox()],
      ['POST /__mock/reset', () => spa.reset()],
      ['POST /__mock/idle', () => spa.idle()],
      ['POST /__mock/uscis', () => spa.uscis.recover()],
      ['POST /__mock/clock', () => spa.clock.advance(1)],
      ['GET /__mock/snapshot', () => spa.snapshot()],
      ['POST /__mock/expect', () => spa.expectRequest({})],
    ]
    for (const [route, run] of calls) {
      const error = await run().then(
        () => null,
        (caught: unknown) => caught,
      )
      expect(error).toBeInstanceOf(MockControlError)
      expect(error).toMatchObject({ status: 200, code: 'not_a_mock', route })
      expect((error as Error).message).toBe(
        `${route}: http://127.0.0.1:5173/__mock/${route.split('/__mock/')[1]} does not answer as an ImmigraFlow mock: it answered 200 text/html ${JSON.stringify(page)}. Give createMockControl the URL immigraflow-mock prints.`,
      )
    }
    // JSON of another shape (another service's health check) is refused too.
    const other = createMockControl({
      url: 'http://127.0.0.1:8080',
      fetch: async () => Response.json({ ok: true }),
    })
    await expect(other.reset()).rejects.toMatchObject({ code: 'not_a_mock', route: 'POST /__mock/reset' })
    await expect(other.outbox()).rejects.toMatchObject({ code: 'not_a_mock' })
  })

  test('a mock that does not answer within timeoutMs is a timeout MockControlError', async () => {
    const pending: AbortSignal[] = []
    const silent = createMockControl({
      url: 'http://127.0.0.1:4010',
      timeoutMs: 20,
      fetch: (_input, init) =>
        new Promise<Response>((_resolve, reject) => {
          const signal = init?.signal as AbortSignal
          pending.push(signal)
          signal.addEventListener('abort', () => reject(signal.reason))
        }),
    })
    await expect(silent.outbox()).rejects.toMatchObject({
      name: 'MockControlError',
      status: 0,
      code: 'timeout',
      route: 'GET /__mock/outbox',
      message: 'GET /__mock/outbox got no answer from http://127.0.0.1:4010 within 20 ms (timeoutMs).',
    })
    expect(pending).toHaveLength(1)
    expect(pending[0]?.aborted).toBe(true)
  })
})

describe('expectRequest', () => {
  /** Both transports, each with `checked()`: resolves once an expectation has been checked (and not matched) once. */
  async function both() {
    const api = createMockApi()
    const server = await serve()
    let answered: () => void = () => {}
    const remote = createMockControl({
      url: server.url,
      fetch: async (input, init) => {
        const response = await fetch(input, init)
        if (String(input).endsWith('/__mock/expect')) answered()
        return response
      },
    })
    return [
      {
        control: api.control,
        sdk: new ImmigraFlow({ apiKey: 'sk_test', baseUrl: api.baseUrl, fetch: api.fetch }),
        // In process, the first check runs before the next turn of the event loop.
        checked: () => new Promise((resolve) => setImmediate(resolve)),
      },
      {
        control: remote,
        sdk: new ImmigraFlow({ apiKey: 'sk_test', baseUrl: server.url }),
        checked: () => new Promise<void>((resolve) => (answered = resolve)),
      },
    ]
  }

  test('with timeoutMs, waits for a request the app sends later', async () => {
    for (const { control, sdk, checked } of await both()) {
      const first = checked()
      const expectation = control.expectRequest({ operation: 'createUser', status: 201, timeoutMs: 20_000 })
      // The app calls the mock on its own time, after the expectation was checked once in vain.
      await first
      await sdk.users.create({ email: 'late@example.com', name: 'Late' })
      await expect(expectation).resolves.toEqual([expect.objectContaining({ operation: 'createUser', status: 201 })])
    }
  })

  test('times: 0 with timeoutMs checks for the whole time: it passes only if none came, and fails once one does', async () => {
    for (const { control, sdk, checked } of await both()) {
      const started = Date.now()
      await expect(control.expectRequest({ operation: 'deleteWebhook', times: 0, timeoutMs: 60 })).resolves.toEqual([])
      expect(Date.now() - started).toBeGreaterThanOrEqual(55)
      const first = checked()
      const none = control.expectRequest({ operation: 'createUser', times: 0, timeoutMs: 20_000 }).catch((e) => e)
      await first
      await sdk.users.create({ email: 'late@example.com', name: 'Late' })
      const error = (await none) as RequestExpectationError
      expect(error).toBeInstanceOf(RequestExpectationError)
      expect(error.message.split('\n')[0]).toMatch(/^Expected 0 requests matching createUser; saw 1: req_000001\.$/)
      expect(Date.now() - started).toBeLessThan(10_000)
    }
  })

  test('fails with the near misses once the time is up, and at once when there are already too many', async () => {
    for (const { control, sdk } of await both()) {
      await sdk.users.create({ email: 'one@example.com', name: 'One' })
      await sdk.users.create({ email: 'two@example.com', name: 'Two' })
      const late = await control
        .expectRequest({ operation: 'createUser', body: { name: 'Three' }, timeoutMs: 60 })
        .catch((caught: unknown) => caught)
      expect(late).toBeInstanceOf(RequestExpectationError)
      expect((late as Error).message).toBe(
        [
          'Expected at least 1 request matching createUser, body {"name":"Three"}; saw 0.',
          'Closest requests that did not match:',
          '  req_000002 POST /v1/users → 201 (createUser): body.name: expected "Three", got "Two"',
          '  req_000001 POST /v1/users → 201 (createUser): body.name: expected "Three", got "One"',
          '(The log was checked for 60 ms.)',
        ].join('\n'),
      )
      // Two already: waiting cannot make it one, so the 20 s are not waited.
      const started = Date.now()
      const tooMany = (await control
        .expectRequest({ operation: 'createUser', times: 1, timeoutMs: 20_000 })
        .catch((caught: unknown) => caught)) as RequestExpectationError
      expect(Date.now() - started).toBeLessThan(10_000)
      expect(tooMany.message.split('\n')[0]).toBe(
        'Expected 1 request matching createUser; saw 2: req_000001, req_000002.',
      )
      expect(tooMany.matches.map((entry) => entry.request_id)).toEqual(['req_000001', 'req_000002'])
      await expect(control.expectRequest({ operation: 'createUser', timeoutMs: -1 })).rejects.toThrow(
        'POST /__mock/expect answered 400 bad_request: timeoutMs must be a number of milliseconds ≥ 0, got -1.',
      )
    }
  })
})
