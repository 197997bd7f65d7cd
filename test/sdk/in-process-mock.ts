/** An in-process mock and a fetch that it answers (no sockets, no global interception). */
import { createMockApi } from '../../mocks/api'
import { ImmigraFlow } from '../../src'
import type { ClientOptions } from '../../src/client'

export const MOCK_KEY = 'sk_test_in_process_key'

/** A fresh mock, a fetch it answers, and every Request (with its init) that fetch received. */
export function inProcessMock() {
  const api = createMockApi({ apiKey: MOCK_KEY })
  const sent: Array<{ request: Request; init: RequestInit | undefined }> = []
  const fetch = async (request: Request, init?: RequestInit): Promise<Response> => {
    sent.push({ request: request.clone(), init })
    const response = await api.handle(request)
    if (!response) throw new TypeError(`fetch failed: no mock route for ${request.method} ${request.url}`)
    return response
  }
  const client = (options: ClientOptions = {}) =>
    new ImmigraFlow({ apiKey: MOCK_KEY, baseUrl: api.baseUrl, fetch, logLevel: 'off', ...options })
  return { api, fetch, sent, client }
}
