import { expect, test, vi } from 'vitest'

// MSW's real worker needs a browser with a service worker; here we check our wiring only.
const setupWorker = vi.hoisted(() => vi.fn((...handlers: unknown[]) => ({ handlers, start: vi.fn() })))
vi.mock('msw/browser', () => ({ setupWorker }))

test('setupMockWorker passes every handler of a fresh mock to setupWorker and exposes the mock as worker.api', async () => {
  const { setupMockWorker } = await import('../../mocks/browser')
  const worker = setupMockWorker({ baseUrl: 'https://api.example.test', seed: 3 })
  expect(setupWorker).toHaveBeenCalledOnce()
  expect(setupWorker.mock.calls[0]).toEqual(worker.api.handlers)
  expect(worker.api.baseUrl).toBe('https://api.example.test')
  const response = await worker.api.handle(
    new Request('https://api.example.test/v1/users', { headers: { authorization: 'Bearer k' } }),
  )
  expect(response?.status).toBe(200)
})
