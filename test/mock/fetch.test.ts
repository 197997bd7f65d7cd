import { afterEach, describe, expect, test, vi } from 'vitest'
import { createMockApi } from '../../mocks/api'
import { ImmigraFlow } from '../../src'
import { API_KEY, buildRequest, tokenFor } from '../helpers/mock'

const offline = () => createMockApi({ apiKey: API_KEY, fetch: async () => new Response(null, { status: 204 }) })

/** Everything a caller can read of a response. */
async function shape(response: Response) {
  return {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers],
    body: await response.text(),
  }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('api.fetch', () => {
  test('serves the SDK in process, with nothing global touched', async () => {
    const globalFetch = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('the network must not be used'))
    const api = offline()
    const client = new ImmigraFlow({ apiKey: API_KEY, baseUrl: api.baseUrl, fetch: api.fetch, logLevel: 'off' })
    const user = await client.users.create({ email: 'maria.lopez@example.com', name: 'María López' })
    await client.users.verifyEmail({ token: tokenFor(api, 'maria.lopez@example.com') })
    expect((await client.users.retrieve(user.id)).status).toBe('active')
    const { case: tracked } = await client.cases.create(user.id, { receipt_number: 'EAC2190012345' })
    expect((await client.check.status({ receipt_number: tracked.receipt_number })).checked_case_ids).toEqual([
      tracked.id,
    ])
    expect(api.requests.map((request) => request.operation)).toEqual([
      'createUser',
      'verifyUserEmail',
      'getUser',
      'createCase',
      'checkCaseStatus',
    ])
    expect(globalFetch).not.toHaveBeenCalled()
  })

  test('answers exactly as handle does, byte for byte, for the same calls', async () => {
    const viaFetch = offline()
    const viaHandle = offline()
    const calls = (api: typeof viaFetch) => [
      buildRequest(api, 'createUser', { body: { email: 'wei@example.com', name: 'Wei' } }),
      buildRequest(api, 'createUser', { body: { email: 'wei@example.com', name: 'Wei' } }),
      buildRequest(api, 'getUser', { params: { user_id: 1 } }),
      buildRequest(api, 'getUser', { params: { user_id: 99 } }),
      buildRequest(api, 'listUsers', { query: { limit: 0 } }),
      buildRequest(api, 'createWebhook', { body: { url: 'https://hooks.example.com/in', events: ['*'] } }),
      buildRequest(api, 'deleteWebhook', { params: { webhook_id: 1 } }),
      buildRequest(api, 'listUsers', { key: null }),
      buildRequest(api, 'checkCaseStatus', { body: {}, headers: { Prefer: 'code=503, retry-after=0' } }),
      new Request(`${api.baseUrl}/v1/nothing/here`, { headers: { authorization: `Bearer ${API_KEY}` } }),
    ]
    const fetched = []
    for (const request of calls(viaFetch)) fetched.push(await shape(await viaFetch.fetch(request)))
    const handled = []
    for (const request of calls(viaHandle)) {
      const response = await viaHandle.handle(request)
      if (!response) throw new Error(`handle did not answer ${request.url}`)
      handled.push(await shape(response))
    }
    expect(fetched).toEqual(handled)
    expect(fetched.map((response) => response.status)).toEqual([201, 409, 200, 404, 422, 201, 204, 401, 503, 404])
    expect(fetched[0]?.statusText).toBe('Created')
  })

  test('takes (url, init) like any fetch', async () => {
    const api = offline()
    const response = await api.fetch(`${api.baseUrl}/v1/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ana@example.com', name: 'Ana' }),
    })
    expect(response.status).toBe(201)
    const listed = await api.fetch(new URL(`${api.baseUrl}/v1/users?limit=1`), {
      headers: { authorization: `Bearer ${API_KEY}` },
    })
    expect(((await listed.json()) as { total: number }).total).toBe(1)
  })

  test('its responses behave as fetch responses: one read of the body, clones, streams', async () => {
    const api = offline()
    const get = () => api.fetch(buildRequest(api, 'listUsers'))
    const expected = '{"data":[],"has_more":false,"next_cursor":null,"total":0}'

    const once = await get()
    expect(once).toBeInstanceOf(Response)
    expect(once.bodyUsed).toBe(false)
    expect(await once.text()).toBe(expected)
    expect(once.bodyUsed).toBe(true)
    await expect(once.text()).rejects.toThrow(TypeError)
    await expect(once.json()).rejects.toThrow(TypeError)
    expect(() => once.clone()).toThrow(TypeError)

    expect(await (await get()).json()).toEqual(JSON.parse(expected))
    expect(new TextDecoder().decode(await (await get()).arrayBuffer())).toBe(expected)
    const blob = await (await get()).blob()
    expect([blob.type, await blob.text()]).toEqual(['application/json', expected])

    const original = await get()
    const copy = original.clone()
    expect(await copy.text()).toBe(expected)
    expect(await original.text()).toBe(expected)

    const streamed = await get()
    const body = streamed.body
    expect(body).toBeInstanceOf(ReadableStream)
    expect(streamed.body).toBe(body)
    expect(await new Response(body).text()).toBe(expected)
    expect(streamed.bodyUsed).toBe(true)
    await expect(streamed.text()).rejects.toThrow(TypeError)

    const readThenStream = await get()
    await readThenStream.text()
    expect(readThenStream.bodyUsed).toBe(true)
    expect(readThenStream.body?.locked).toBe(true)

    const refused = await api.fetch(buildRequest(api, 'listUsers', { key: 'wrong' }))
    expect(refused.status).toBe(401)
    expect((await refused.json()) as unknown).toMatchObject({ error: { code: 'unauthorized' } })
  })

  test('Prefer: fault=reset rejects with a TypeError, as a dropped connection does', async () => {
    const api = offline()
    const request = buildRequest(api, 'listUsers', { headers: { Prefer: 'fault=reset' } })
    await expect(api.fetch(request)).rejects.toThrow(TypeError)
    expect(api.requests.at(-1)).toMatchObject({ operation: 'listUsers', fault: 'fault=reset', status: 0 })
  })

  test('a URL the mock does not answer is an error naming it, and never reaches the network', async () => {
    const globalFetch = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('the network must not be used'))
    const api = offline()
    await expect(api.fetch('https://elsewhere.example.com/v1/users')).rejects.toThrow(
      'https://elsewhere.example.com/v1/users',
    )
    await expect(api.fetch(`${api.baseUrl}/status`)).rejects.toThrow(`${api.baseUrl}/status`)
    expect(globalFetch).not.toHaveBeenCalled()
    expect(api.requests).toHaveLength(0)
  })

  test('honours the request signal', async () => {
    const api = offline()
    const aborted = new AbortController()
    aborted.abort()
    await expect(
      api.fetch(buildRequest(api, 'listUsers'), { signal: aborted.signal }).then(() => 'answered'),
    ).rejects.toMatchObject({ name: 'AbortError' })
    expect(api.requests).toHaveLength(0)
    const later = new AbortController()
    const pending = api.fetch(buildRequest(api, 'listUsers', { headers: { Prefer: 'latency=5' } }), {
      signal: later.signal,
    })
    later.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })

  test('two mocks on the same origin answer their own fetch, in parallel', async () => {
    const a = offline()
    const b = offline()
    const create = (api: typeof a, email: string) =>
      api.fetch(buildRequest(api, 'createUser', { body: { email, name: 'Same' } }))
    const answers = await Promise.all([create(a, 'one@example.com'), create(b, 'one@example.com')])
    expect(answers.map((response) => response.status)).toEqual([201, 201])
    expect(a.store.state.users.size).toBe(1)
    expect(b.store.state.users.size).toBe(1)
  })
})
