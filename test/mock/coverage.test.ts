import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { coverageOf, createMockApi, type MockApi } from '../../mocks/api'
import { handleControl } from '../../mocks/control'
import { formatCoverage, type MockCoverage, mergeCoverage } from '../../mocks/coverage'
import { operations } from '../../src/generated/zod'
import { activeUser, call } from '../helpers/mock'
import { killAll, runCli } from '../helpers/mock-cli'
import { stubFetch } from '../helpers/mock-receiver'
import { spec } from '../helpers/spec'

function report(api: MockApi): MockCoverage {
  const counter = coverageOf(api)
  if (!counter) throw new Error('no coverage counters')
  return counter.report()
}

const count = (coverage: MockCoverage, operation: string, status: number) =>
  coverage.operations.find((row) => row.operation === operation && row.status === status)?.count

/** A mock that served createUser 201 (twice), verifyUserEmail 200, createUser 422, getUser 404, an unknown path, a dropped connection. */
async function exercised() {
  const receiver = stubFetch((attempt) => (attempt === 1 ? 500 : 200))
  const api = createMockApi({ fetch: receiver.fetch })
  await call(api, 'createWebhook', { body: { url: 'https://hooks.example.com/in', events: ['user.created'] } })
  await activeUser(api)
  await activeUser(api)
  await call(api, 'createUser', { body: { email: 'not an email', name: 'X' } })
  await call(api, 'getUser', { params: { user_id: 999 } })
  await api.handle(new Request(`${api.baseUrl}/v1/nowhere`, { headers: { Authorization: 'Bearer sk_test' } }))
  await api.handle(
    new Request(`${api.baseUrl}/v1/users`, { headers: { Authorization: 'Bearer sk_test', Prefer: 'fault=reset' } }),
  )
  await api.clock.advance(60_000) // the first delivery's retry
  return api
}

describe('contract coverage', () => {
  afterEach(killAll)

  test('lists every operation × documented status with how often it was served', async () => {
    const coverage = report(await exercised())
    const documented = Object.values(operations).reduce((sum, item) => sum + Object.keys(item.responses).length, 0)
    expect(coverage.operations).toHaveLength(documented)
    expect(coverage.documented).toBe(documented)
    expect(coverage.operations[0]).toEqual({
      operation: 'checkCaseStatus',
      method: 'POST',
      path: '/v1/check',
      status: 200,
      count: 0,
    })
    expect(count(coverage, 'createUser', 201)).toBe(2)
    expect(count(coverage, 'createUser', 422)).toBe(1)
    expect(count(coverage, 'verifyUserEmail', 200)).toBe(2)
    expect(count(coverage, 'getUser', 404)).toBe(1)
    expect(count(coverage, 'createWebhook', 201)).toBe(1)
    expect(count(coverage, 'createCase', 409)).toBe(0)
    // The dropped connection answered no status: listUsers 200 was never served.
    expect(count(coverage, 'listUsers', 200)).toBe(0)
    expect(coverage.covered).toBe(5)
    expect(coverage.undocumented).toEqual([{ operation: null, status: 404, count: 1 }])
  })

  test('lists every webhook event type of the spec, with the deliveries the receiver accepted', async () => {
    const coverage = report(await exercised())
    expect(coverage.webhooks.map((row) => row.type).sort()).toEqual(Object.keys(spec.webhooks).sort())
    // user.created twice: the first attempt got a 500 and was retried.
    expect(coverage.webhooks.find((row) => row.type === 'user.created')).toEqual({
      type: 'user.created',
      count: 2,
      attempts: 3,
    })
    expect(coverage.webhooks.find((row) => row.type === 'case.created')).toEqual({
      type: 'case.created',
      count: 0,
      attempts: 0,
    })
  })

  test('survives reset() and restore(), and goes on past the request log cap', async () => {
    const api = await exercised()
    const before = report(api)
    const snapshot = api.snapshot()
    api.reset()
    expect(api.requests).toHaveLength(0)
    expect(report(api)).toEqual(before)
    await call(api, 'listUsers')
    api.restore(snapshot)
    expect(count(report(api), 'listUsers', 200)).toBe(1)
    for (let index = 0; index < 10_050; index++) api.store.state.requests.push(api.requests[0] as never)
    await call(api, 'listUsers')
    expect(api.requests.length).toBe(10_000)
    expect(count(report(api), 'listUsers', 200)).toBe(2)
  })

  test('GET /__mock/coverage answers the report', async () => {
    const api = await exercised()
    const response = await handleControl(api, new Request(`${api.baseUrl}/__mock/coverage`))
    expect(response?.status).toBe(200)
    expect(await response?.json()).toEqual(report(api))
  })

  test('mergeCoverage adds the counts of several mocks; formatCoverage says what was never served', async () => {
    const one = report(await exercised())
    const other = createMockApi()
    await call(other, 'createUser', { body: { email: 'a@example.com', name: 'A' } })
    await call(other, 'listUsers')
    const merged = mergeCoverage(one, report(other))
    expect(count(merged, 'createUser', 201)).toBe(3)
    expect(count(merged, 'listUsers', 200)).toBe(1)
    expect(merged.covered).toBe(6)
    expect(merged.undocumented).toEqual([{ operation: null, status: 404, count: 1 }])
    expect(merged.webhooks.find((row) => row.type === 'user.created')?.count).toBe(2)
    expect(mergeCoverage(one)).toEqual(one)

    const text = formatCoverage(merged)
    expect(text).toContain(`ImmigraFlow mock coverage: 6 of ${merged.documented} documented responses served (`)
    expect(text).toContain('  createCase 409: never\n')
    expect(text).toContain('  createUser 201: 3 times\n')
    expect(text).toContain('  listUsers 200: 1 time\n')
    expect(text).toContain('Served but not documented in openapi.yaml\n  (no operation) 404: 1 time\n')
    expect(text).toContain('  user.created: 2 times, of 3 attempts\n')
    expect(text).toContain('  case.created: never\n')
  })

  test('immigraflow-mock --coverage-report FILE writes the report on SIGTERM, as JSON and as text', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'immigraflow-coverage-')), 'coverage.json')
    const cli = runCli(['--port', '0', '--coverage-report', file])
    const url = await cli.url
    expect((await call({ url }, 'listUsers')).status).toBe(200)
    expect((await call({ url }, 'getUser', { params: { user_id: 1 } })).status).toBe(404)
    cli.child.kill('SIGTERM')
    expect(await cli.exited).toBe(0)
    const written = JSON.parse(readFileSync(file, 'utf8')) as MockCoverage
    expect(count(written, 'listUsers', 200)).toBe(1)
    expect(count(written, 'getUser', 404)).toBe(1)
    expect(written.covered).toBe(2)
    expect(readFileSync(`${file}.txt`, 'utf8')).toContain('  createCase 409: never\n')
    expect(cli.output().stderr).toContain(
      `Coverage: 2 of ${written.documented} documented responses served; written to ${file} and ${file}.txt`,
    )
  })

  test('--coverage-report with a path that cannot be written is refused at start with exit code 2', async () => {
    const file = join(tmpdir(), 'no-such-directory-immigraflow', 'coverage.json')
    const cli = runCli(['--port', '0', '--coverage-report', file])
    expect(await cli.exited).toBe(2)
    expect(cli.output().stderr).toContain(`--coverage-report: cannot write ${file}`)
    // Refused before the mock listens: it never says it does.
    expect(cli.output().stdout).not.toContain('listening')
  })

  test('--coverage-report whose FILE.txt cannot be written is refused before listening too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'immigraflow-coverage-'))
    const file = join(dir, 'coverage.json')
    // FILE.txt is a directory: the text report could not be written at exit.
    mkdirSync(`${file}.txt`)
    const cli = runCli(['--port', '0', '--coverage-report', file])
    expect(await cli.exited).toBe(2)
    expect(cli.output().stderr).toContain(`--coverage-report: cannot write ${file}.txt: it is a directory`)
    expect(cli.output().stdout).not.toContain('listening')
  })
})
