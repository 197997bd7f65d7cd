import { importBuilt, interleaved, type Row, ratioRow, row } from './lib'
import { startMockCli } from './servers'

type Sdk = typeof import('../src')
type MockNode = typeof import('../mocks/node')

const API_KEY = 'sk_bench_in_process'

/**
 * What the in-process mock costs a test suite: 1 000 sequential `client.users.retrieve` calls
 * through `setupMockServer` (MSW intercepting fetch in this process), next to the same calls to
 * the standalone mock over loopback HTTP (the built CLI in a child process).
 */
export async function inProcessMock({ calls = 1_000, runs = 7 } = {}): Promise<Row[]> {
  const { ImmigraFlow } = await importBuilt<Sdk>('index.js')
  const { setupMockServer } = await importBuilt<MockNode>('mock/node.js')
  const msw = setupMockServer({ apiKey: API_KEY })
  const http = await startMockCli(API_KEY)
  try {
    const inProcess = new ImmigraFlow({ apiKey: API_KEY, baseUrl: msw.api.baseUrl, logLevel: 'off' })
    const overHttp = new ImmigraFlow({ apiKey: API_KEY, baseUrl: http.url, logLevel: 'off' })
    const user = { email: 'maria.lopez@example.com', name: 'María López' }
    // MSW only listens during its own runs, so the HTTP runs reach the real socket.
    const withMsw = async <T>(body: () => Promise<T>): Promise<T> => {
      msw.listen({ onUnhandledRequest: 'error' })
      try {
        return await body()
      } finally {
        msw.close()
      }
    }
    const inProcessId = (await withMsw(() => inProcess.users.create(user))).id
    const httpId = (await overHttp.users.create(user)).id
    const time = async (call: () => Promise<unknown>) => {
      const start = process.hrtime.bigint()
      for (let i = 0; i < calls; i++) await call()
      return Number(process.hrtime.bigint() - start) / 1e6
    }
    const subjects = {
      msw: () => withMsw(() => time(() => inProcess.users.retrieve(inProcessId))),
      http: () => time(() => overHttp.users.retrieve(httpId)),
    }
    await interleaved(subjects, 1)
    const results = await interleaved(subjects, runs)
    const bench = `in-process mock (${calls} sequential calls)`
    return [
      row(bench, 'SDK → standalone mock over loopback HTTP', results.http, `ms/${calls} calls`),
      ratioRow(bench, 'SDK → setupMockServer (MSW, in-process)', results.msw, `ms/${calls} calls`, {
        name: 'over HTTP',
        runs: results.http,
      }),
    ]
  } finally {
    await http.close()
  }
}
