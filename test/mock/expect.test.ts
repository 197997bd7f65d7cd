import { describe, expect, test } from 'vitest'
import { createMockApi, type MockApi } from '../../mocks/api'
import { handleControl } from '../../mocks/control'
import { evaluateExpectation, parseExpectation, type RequestExpectation } from '../../mocks/expect'
import { API_KEY, activeUser, call } from '../helpers/mock'

async function control(api: MockApi, method: string, path: string, body?: unknown) {
  const response = await handleControl(
    api,
    new Request(`${api.baseUrl}/__mock/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  )
  if (!response) throw new Error('not a control route')
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

/** req_000001–3: user 1 created and verified… then cases: 201 EAC2190012340, 422, 201 IOE0912345670 (user 2), 409. */
async function withCases() {
  const api = createMockApi()
  const one = await activeUser(api, { email: 'ana@example.com' })
  const two = await activeUser(api, { email: 'wei@example.com' })
  await call(api, 'createCase', { params: { user_id: one.id }, body: { receipt_number: 'EAC2190012340' } })
  await call(api, 'createCase', { params: { user_id: one.id }, body: { receipt_number: 'EAC21900' } })
  await call(api, 'createCase', {
    params: { user_id: two.id },
    body: { receipt_number: 'IOE0912345670', description: 'EAD' },
    headers: { 'X-Tenant': 'acme' },
  })
  await call(api, 'createCase', { params: { user_id: one.id }, body: { receipt_number: 'EAC2190012340' } })
  return { api, one, two }
}

const evaluate = (api: MockApi, expectation: RequestExpectation) =>
  evaluateExpectation(api.requests, parseExpectation(expectation))

describe('request expectations', () => {
  test('a match resolves with the matching entries; times is exact when given, else at least one', async () => {
    const { api, one } = await withCases()
    const result = evaluate(api, {
      operation: 'createCase',
      status: 201,
      params: { user_id: one.id },
      body: { receipt_number: 'EAC2190012340' },
      headers: { 'content-type': 'application/json' },
    })
    expect(result).toMatchObject({ matched: true, near_misses: [], message: null })
    expect(result.data.map((entry) => entry.request_id)).toEqual(['req_000005'])
    expect(evaluate(api, { operation: 'createCase', times: 4 }).matched).toBe(true)
    expect(evaluate(api, { operation: 'createCase', status: 409, times: 1 }).matched).toBe(true)
    expect(evaluate(api, { operation: 'deleteWebhook', times: 0 }).matched).toBe(true)
    expect(evaluate(api, { method: 'post', path: `/v1/users/${one.id}/cases`, times: 3 }).matched).toBe(true)
    expect(evaluate(api, { body: { receipt_number: 'IOE0912345670', description: 'EAD' } }).matched).toBe(true)
  })

  test('no match: the message lists the closest requests with what differed, same operation first', async () => {
    const { api, one, two } = await withCases()
    const result = evaluate(api, {
      operation: 'createCase',
      status: 201,
      params: { user_id: one.id },
      body: { receipt_number: 'EAC2190099990' },
    })
    expect(result.matched).toBe(false)
    expect(result.data).toEqual([])
    expect(result.message).toBe(
      [
        `Expected at least 1 request matching createCase, status 201, params {"user_id":${one.id}}, body {"receipt_number":"EAC2190099990"}; saw 0.`,
        'Closest requests that did not match:',
        `  req_000005 POST /v1/users/${one.id}/cases → 201 (createCase): body.receipt_number: expected "EAC2190099990", got "EAC2190012340"`,
        `  req_000007 POST /v1/users/${two.id}/cases → 201 (createCase): path parameter user_id is 2, not 1; body.receipt_number: expected "EAC2190099990", got "IOE0912345670"`,
        `  req_000008 POST /v1/users/${one.id}/cases → 409 (createCase): status 409, not 201 (conflict: receipt_number: already tracked by this user); body.receipt_number: expected "EAC2190099990", got "EAC2190012340"`,
        `  req_000006 POST /v1/users/${one.id}/cases → 422 (createCase): status 422, not 201 (validation_failed: receipt_number: must be a USCIS receipt number: three letters and ten digits, such as EAC2190012345); body.receipt_number: expected "EAC2190099990", got "EAC21900"`,
        // Another operation comes last, however close the rest of it is.
        '  req_000003 POST /v1/users → 201 (createUser): operation createUser, not createCase; path parameter user_id missing; body.receipt_number: expected "EAC2190099990", missing',
      ].join('\n'),
    )
    expect(result.near_misses).toHaveLength(5)
    expect(result.near_misses[0]).toEqual({
      request_id: 'req_000005',
      method: 'POST',
      path: `/v1/users/${one.id}/cases`,
      operation: 'createCase',
      status: 201,
      reasons: ['body.receipt_number: expected "EAC2190099990", got "EAC2190012340"'],
    })
  })

  test('a wrong count names the requests seen; a missing or different header is a reason', async () => {
    const { api } = await withCases()
    expect(evaluate(api, { operation: 'createCase', status: 201, times: 1 }).message).toBe(
      [
        'Expected 1 request matching createCase, status 201; saw 2: req_000005, req_000007.',
        'Requests that matched:',
        '  req_000005 POST /v1/users/1/cases → 201',
        '  req_000007 POST /v1/users/2/cases → 201',
      ].join('\n'),
    )
    const header = evaluate(api, { operation: 'createCase', status: 201, headers: { 'X-Tenant': 'globex' } })
    expect(header.near_misses.map((miss) => miss.reasons)).toEqual([
      ['header x-tenant is "acme", not "globex"'],
      ['header x-tenant missing'],
      expect.any(Array),
      expect.any(Array),
      expect.any(Array),
    ])
    // The log keeps Authorization redacted, so two keys with the same ends would look alike: refused.
    for (const name of ['authorization', 'Authorization'])
      expect(() =>
        evaluate(api, {
          operation: 'createCase',
          headers: { [name]: `Bearer ${API_KEY.slice(0, 3)}other${API_KEY.slice(-4)}` },
        }),
      ).toThrow(`expectation: headers.${name} cannot be matched: the request log keeps it redacted`)
  })

  test('an empty log says so', () => {
    const api = createMockApi()
    expect(evaluate(api, { operation: 'createUser' }).message).toBe(
      [
        'Expected at least 1 request matching createUser; saw 0.',
        'The request log is empty: the mock has answered no API request (since its last reset).',
      ].join('\n'),
    )
  })

  test('a bad expectation is refused with the field named', () => {
    expect(() => parseExpectation({ operation: 'createcase' })).toThrow(
      'expectation: operation "createcase" is not an operationId of openapi.yaml; did you mean createCase?',
    )
    for (const [times, shown] of [
      [-1, '-1'],
      [1.5, '1.5'],
      [Number.NaN, 'NaN'],
      [1e300, '1e+300'],
      [1_000_001, '1000001'],
      ['1', '"1"'],
    ] as const)
      expect(() => parseExpectation({ times })).toThrow(
        `expectation: times must be a whole number from 0 to 1 000 000, got ${shown}.`,
      )
    expect(parseExpectation({ times: 1_000_000 })).toEqual({ times: 1_000_000 })
    for (const [body, problem] of [
      [() => 1, 'body is a function'],
      [{ a: undefined }, 'body.a is undefined'],
      [{ a: [1, Number.NaN] }, 'body.a[1] is NaN'],
      [{ when: new Date(0) }, 'body.when is not a plain object'],
      [10n, 'body is a bigint'],
    ] as const)
      expect(() => parseExpectation({ body })).toThrow(`expectation: ${problem}, which a JSON body cannot hold`)
    expect(() => parseExpectation({ status: 2010 })).toThrow('expectation: status must be an HTTP status')
    expect(() => parseExpectation({ statuss: 201 })).toThrow('expectation: unknown field statuss; use any of')
    expect(() => parseExpectation({ params: { user_id: {} } })).toThrow(
      'expectation: params.user_id must be a string or number.',
    )
    expect(() => parseExpectation({ headers: { 'x-tenant': 1 } })).toThrow(
      'expectation: headers.x-tenant must be a string.',
    )
    expect(() => parseExpectation([])).toThrow('expectation must be an object.')
  })

  test('POST /__mock/expect evaluates beside the log; GET /__mock/requests filters', async () => {
    const { api, one } = await withCases()
    const hit = await control(api, 'POST', 'expect', { operation: 'createCase', status: 422 })
    expect(hit.status).toBe(200)
    expect(hit.body).toMatchObject({ matched: true, near_misses: [], message: null })
    expect((hit.body.data as Array<{ request_id: string }>).map((entry) => entry.request_id)).toEqual(['req_000006'])
    const miss = await control(api, 'POST', 'expect', { operation: 'createCase', status: 404 })
    expect(miss.body).toEqual(evaluate(api, { operation: 'createCase', status: 404 }))
    const bad = await control(api, 'POST', 'expect', { operation: 'nope' })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatchObject({ code: 'bad_request', message: expect.stringContaining('operation "nope"') })

    const filtered = await control(
      api,
      'GET',
      `requests?operation=createCase&status=201&method=post&path=/v1/users/${one.id}/cases`,
    )
    expect((filtered.body.data as Array<{ request_id: string }>).map((entry) => entry.request_id)).toEqual([
      'req_000005',
    ])
    expect(((await control(api, 'GET', 'requests')).body.data as unknown[]).length).toBe(8)
    const refused = await control(api, 'GET', 'requests?status=abc')
    expect(refused.status).toBe(400)
    expect((refused.body.error as { message: string }).message).toContain('status must be an HTTP status')
    expect((await control(api, 'GET', 'requests?operaton=x')).status).toBe(400)
  })
})
