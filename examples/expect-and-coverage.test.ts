/**
 * Asserting on what the app sent, and on how much of the contract a suite exercised: the mock's
 * `MockControl` (`api.control` in process, `createMockControl({ url })` for a standalone mock)
 * with `expectRequest` and `coverage()`.
 */
import { ImmigraFlow } from 'immigraflow'
import { createMockApi, createMockControl, RequestExpectationError } from 'immigraflow/mock'
import { type RunningMockServer, startMockServer } from 'immigraflow/mock/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

describe('in process', () => {
  // #region in-process
  const api = createMockApi()
  const client = new ImmigraFlow({ apiKey: 'sk_test', baseUrl: api.baseUrl, fetch: api.fetch })

  afterEach(() => api.control.reset()) // the request log empties; coverage counts the whole run
  // #endregion

  it('checks what the app sent, with the near misses when it did not', async () => {
    // #region expect
    const user = await client.users.create({ email: 'maria.lopez@example.com', name: 'María López' })
    await client.cases.create(user.id, { receipt_number: 'EAC2190012302', description: 'I-485' })

    const [created] = await api.control.expectRequest({
      operation: 'createCase',
      status: 201,
      times: 1,
      params: { user_id: user.id },
      body: { receipt_number: 'EAC2190012302' }, // a part of the body is enough
    })
    expect(created?.response_body).toContain('"receipt_number":"EAC2190012302"')
    // #endregion

    // #region near-miss
    const error = await api.control
      .expectRequest({ operation: 'createCase', body: { receipt_number: 'EAC2190012303' } })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(RequestExpectationError)
    expect((error as Error).message).toContain(
      'req_000002 POST /v1/users/1/cases → 201 (createCase): body.receipt_number: expected "EAC2190012303", got "EAC2190012302"',
    )
    // #endregion
  })

  it('reports the contract coverage of the whole run, across resets', async () => {
    // #region coverage
    await client.users.list()
    await api.control.reset()
    await client.users.list()

    const coverage = await api.control.coverage()
    const served = (operation: string, status: number) =>
      coverage.operations.find((row) => row.operation === operation && row.status === status)?.count
    expect(served('listUsers', 200)).toBe(2) // counted across the reset
    expect(served('createCase', 409)).toBe(0) // never served: a test to write
    // #endregion
  })
})

describe('a standalone mock', () => {
  let mock: RunningMockServer
  beforeAll(async () => {
    mock = await startMockServer({ port: 0 }) // or `npx immigraflow-mock` in another process
  })
  afterAll(() => mock.close())

  it('is driven through the same interface over HTTP', async () => {
    // #region remote
    const control = createMockControl({ url: mock.url })
    const client = new ImmigraFlow({ apiKey: 'sk_test', baseUrl: mock.url, headers: control.headers })

    const user = await client.users.create({ email: 'wei.chen@example.com', name: 'Wei Chen' })
    await client.cases.create(user.id, { receipt_number: 'EAC2190012340' })
    await client.check.status({ receipt_number: 'EAC2190012340' })

    const report = await control.clock.advance(7 * 24 * 60 * 60 * 1000)
    expect(report.uscis).toEqual([
      {
        receipt_number: 'EAC2190012340',
        from: { status_code: 'Case Was Received', status_code_es: 'Caso Fue Recibido' },
        to: {
          status_code: 'Case Was Updated To Show Fingerprints Were Taken',
          status_code_es: 'Caso Fue Actualizado Para Mostrar Que Se Tomaron Las Huellas Digitales',
        },
      },
    ])
    await control.expectRequest({ operation: 'checkCaseStatus', status: 200, times: 1 })
    // #endregion
  })
})
