/**
 * The mock behind MSW, for an app that calls the API with its own HTTP client (fetch, axios,
 * ky, …) rather than the SDK: `setupMockServer` intercepts the requests to the mock's origin.
 */
// #region msw
import { setupMockServer } from 'immigraflow/mock/node'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'

const server = setupMockServer()

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(async () => {
  await server.api.idle()
  server.api.reset()
})
afterAll(() => server.close())

it('answers any fetch-based client', async () => {
  const response = await fetch(`${server.api.baseUrl}/v1/users`, {
    method: 'POST',
    headers: { Authorization: 'Bearer sk_test', 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'ana.silva@example.com', name: 'Ana Silva' }),
  })
  expect(response.status).toBe(201)
  expect(server.api.store.state.users.size).toBe(1)
})
// #endregion
