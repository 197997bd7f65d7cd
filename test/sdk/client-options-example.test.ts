import { setupMockServer } from 'immigraflow/mock/node'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { clientOptions } from '../../examples/client-options'
import { ImmigraFlow } from '../../src'

const server = setupMockServer()

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

describe('the client options example, run against the mock', () => {
  it('traces calls, derives clients, rotates keys and reads the raw response', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const client = new ImmigraFlow({ apiKey: 'sk_test_examples', baseUrl: server.api.baseUrl, logLevel: 'off' })
    const { user, again, page, text } = await clientOptions(client)
    expect(again).toEqual(user)
    expect(page.data).toHaveLength(1)
    expect(JSON.parse(text)).toEqual(user)
    expect(log.mock.calls).toEqual([
      [expect.stringMatching(/^POST \/v1\/users → 201 in \d+ ms$/)],
      [200, 'application/json'],
    ])
    log.mockRestore()
  })
})
