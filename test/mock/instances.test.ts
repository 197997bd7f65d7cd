import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createMockApi, type MockApi } from '../../mocks/api'
import { setupMockServer } from '../../mocks/node'
import { call, tokenFor } from '../helpers/mock'

/** A fixed script of calls; returns every response body as text. */
async function script(api: MockApi): Promise<string[]> {
  const texts: string[] = []
  const record = async (promise: Promise<{ text: string }>) => texts.push((await promise).text)
  await record(
    call(api, 'createUser', {
      body: { email: 'maria@example.com', name: 'María', phone: '+14155550123', notify_by_whatsapp: true },
    }),
  )
  await record(call(api, 'verifyUserEmail', { body: { token: tokenFor(api, 'maria@example.com') } }))
  await record(call(api, 'createWebhook', { body: { url: 'https://hooks.example.com/x', events: ['*'] } }))
  await record(call(api, 'createCase', { params: { user_id: 1 }, body: { receipt_number: 'EAC2190012345' } }))
  await record(call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012345' } }))
  await api.clock.advance(7 * 86_400_000)
  await record(call(api, 'checkCaseStatus', { body: { receipt_number: 'EAC2190012345' } }))
  await api.idle()
  await record(call(api, 'getCase', { params: { case_id: 1 } }))
  await record(call(api, 'createUser', { body: { email: 'bad' } }))
  return texts
}

const offline = () => createMockApi({ fetch: async () => new Response(null, { status: 200 }) })

describe('instances', () => {
  test('two createMockApi() instances in one process share nothing', async () => {
    const a = offline()
    const b = offline()
    await call(a, 'createUser', { body: { email: 'a@example.com', name: 'A' } })
    await a.clock.advance(1000)
    a.faults.set({ failRate: 1 })
    expect(b.store.state.users.size).toBe(0)
    expect(b.outbox).toHaveLength(0)
    expect(b.clock.iso()).toBe('2026-01-05T09:00:00.000Z')
    expect((await call(b, 'listUsers')).status).toBe(200)
    expect((await call(b, 'createUser', { body: { email: 'a@example.com', name: 'A' } })).status).toBe(201)
  })

  test('the same calls on a fresh mock give byte-identical bodies', async () => {
    expect(await script(offline())).toEqual(await script(offline()))
  })

  test('a different seed gives different tokens and secrets', async () => {
    const a = createMockApi({ seed: 1 })
    const b = createMockApi({ seed: 2 })
    await call(a, 'createUser', { body: { email: 'a@example.com', name: 'A' } })
    await call(b, 'createUser', { body: { email: 'a@example.com', name: 'A' } })
    expect(tokenFor(a, 'a@example.com')).not.toBe(tokenFor(b, 'a@example.com'))
  })

  test('restore(snapshot) returns to the snapshot, and the same calls then give the same bodies', async () => {
    const api = offline()
    await call(api, 'createUser', { body: { email: 'a@example.com', name: 'A' } })
    const snap = api.snapshot()
    const first = await call(api, 'createUser', { body: { email: 'b@example.com', name: 'B' } })
    api.restore(snap)
    expect(api.store.state.users.size).toBe(1)
    const again = await call(api, 'createUser', { body: { email: 'b@example.com', name: 'B' } })
    expect(again.text).toBe(first.text)
  })

  test('reset() returns to the initial state, preload included', async () => {
    const api = createMockApi({ preload: { users: [{ email: 'seeded@example.com', name: 'S' }] } })
    await call(api, 'createUser', { body: { email: 'a@example.com', name: 'A' } })
    await api.clock.advance(5000)
    api.reset()
    const list = await call(api, 'listUsers')
    expect(list.body.data.map((user) => user.email)).toEqual(['seeded@example.com'])
    expect(api.clock.iso()).toBe('2026-01-05T09:00:00.000Z')
  })

  test('preload data that breaks the format is refused with every problem listed', () => {
    expect(() =>
      createMockApi({
        preload: {
          users: [
            { email: 'x', name: 'A' },
            { email: 'a@example.com', name: 'B', notify_by_whatsapp: true },
          ],
        },
      }),
    ).toThrow(/users\.0\.email: must be a valid email address[\s\S]*/)
    expect(() =>
      createMockApi({ preload: { users: [{ email: 'a@example.com', name: 'B', notify_by_whatsapp: true }] } }),
    ).toThrow(/users\.0\.phone/)
  })
})

describe('setupMockServer', () => {
  const server = setupMockServer({ baseUrl: 'https://api.test.local' })
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())

  test('intercepts global fetch in-process and exposes the mock as server.api', async () => {
    const response = await fetch('https://api.test.local/v1/users', {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@example.com', name: 'A' }),
    })
    expect(response.status).toBe(201)
    expect(server.api.store.state.users.size).toBe(1)
    expect(server.api.outbox[0]?.to).toBe('a@example.com')
  })

  test('Prefer: fault=reset makes the intercepted fetch reject like a dropped connection', async () => {
    await expect(
      fetch('https://api.test.local/v1/users', { headers: { authorization: 'Bearer k', prefer: 'fault=reset' } }),
    ).rejects.toThrow()
  })
})
