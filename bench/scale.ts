import { encodeCursor } from '../mocks/handlers/pagination'
import { importBuilt, interleaved, microsPerCall, type Row, ratioRow, row } from './lib'

type MockIndex = typeof import('../mocks/index')
type MockApi = ReturnType<MockIndex['createMockApi']>

const API_KEY = 'sk_bench_scale'
const AUTH = { Authorization: `Bearer ${API_KEY}` }

/** Sends a request to the mock in-process and reads the whole answer, as a client would. */
async function call(api: MockApi, path: string, init: RequestInit = {}): Promise<Response> {
  const response = await api.handle(
    new Request(`${api.baseUrl}${path}`, { ...init, headers: { ...AUTH, ...init.headers } }),
  )
  if (!response) throw new Error(`no answer for ${path}`)
  return response
}

/**
 * A mock whose user 1 tracks `cases` cases, each with one status update. The first case and its
 * status update go through the API; the rest are copies written through the store's methods.
 */
async function mockWithCases(createMockApi: MockIndex['createMockApi'], cases: number): Promise<MockApi> {
  const api = createMockApi({ apiKey: API_KEY })
  const json = { method: 'POST', headers: { 'Content-Type': 'application/json' } }
  const created = await call(api, '/v1/users', {
    ...json,
    body: JSON.stringify({ email: 'maria.lopez@example.com', name: 'María López' }),
  })
  const userId = ((await created.json()) as { id: number }).id
  if (userId !== 1) throw new Error(`expected user 1 in a fresh mock, got ${userId}`)
  const tracked = await call(api, `/v1/users/${userId}/cases`, {
    ...json,
    body: JSON.stringify({ receipt_number: 'EAC2190000000' }),
  })
  const caseId = ((await tracked.json()) as { case: { id: number } }).case.id
  await call(api, '/v1/check', { ...json, body: JSON.stringify({ receipt_number: 'EAC2190000000' }) })
  const first = api.store.getCase(caseId)
  const update = api.store.latestStatusUpdate(caseId)
  if (!first || !update) throw new Error('the first case or its status update is missing')
  const { id: _id, case_id: _case, ...fields } = update
  for (let i = 1; i < cases; i++) {
    const record = api.store.insertCase(
      {
        user_id: userId,
        user_case_id: `Case ${i}`,
        receipt_number: `EAC${String(2_190_000_000 + i)}`,
        description: null,
        active: true,
      },
      first.created_at,
    )
    api.store.insertStatusUpdate({ ...fields, case_id: record.id })
  }
  return api
}

/**
 * Scale: list-page latency (`GET /v1/users/{id}/cases?limit=20`, in-process through
 * `api.handle`) with 100 vs 100 000 cases in the store: the first page, and a page from the
 * middle of the list reached with a cursor.
 */
export async function scale({ small = 100, large = 100_000, requests = 300, runs = 7 } = {}): Promise<Row[]> {
  const { createMockApi } = await importBuilt<MockIndex>('mock/index.js')
  const apis = { small: await mockWithCases(createMockApi, small), large: await mockWithCases(createMockApi, large) }
  const pages = [
    { name: 'first page', path: (_cases: number) => '/v1/users/1/cases?limit=20' },
    {
      name: 'middle page (cursor)',
      path: (cases: number) => `/v1/users/1/cases?limit=20&cursor=${encodeCursor(Math.floor(cases / 2))}`,
    },
  ]
  const rows: Row[] = []
  for (const page of pages) {
    const list = (api: MockApi, cases: number) => () =>
      microsPerCall(requests, async () => {
        const response = await call(api, page.path(cases))
        if (response.status !== 200) throw new Error(`${page.name}: ${response.status} ${await response.text()}`)
        return response.text()
      })
    const subjects = { small: list(apis.small, small), large: list(apis.large, large) }
    await interleaved(subjects, 1)
    const results = await interleaved(subjects, runs)
    const bench = `scale: list cases, ${page.name}, limit=20`
    rows.push(
      row(bench, `${small.toLocaleString('en-US')} cases in the store`, results.small, 'µs/req'),
      ratioRow(
        bench,
        `${large.toLocaleString('en-US')} cases in the store`,
        results.large,
        'µs/req',
        { name: `${small} cases`, runs: results.small },
        { max: 1.5 },
      ),
    )
  }
  return rows
}
