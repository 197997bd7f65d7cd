import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { createMockApi, type MockApi } from '../../mocks/api'
import { DEEP_OBJECT_PARAMS } from '../../mocks/handlers/query'
import { startMockServer } from '../../mocks/server'
import { activeUser, buildRequest, call, send } from '../helpers/mock'
import { spec, specOperations } from '../helpers/spec'
import { storeFingerprint } from '../reliability/store-fingerprint'

const MINUTE = 60_000

/** Metadata with `count` keys `k0`, `k1`, … */
const keys = (count: number, prefix = 'k') =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, `v${i}`]))

/** A list call with `metadata[KEY]=VALUE` filters, which `call`'s flat query cannot express. */
async function listWithFilter(api: MockApi, path: string, filters: Array<[string, string]>, extra = '') {
  const url = new URL(`${api.baseUrl}${path}`)
  for (const [key, value] of filters) url.searchParams.append(`metadata[${key}]`, value)
  const request = buildRequest(api, 'listUsers')
  const response = await send(api, new Request(`${url.toString()}${extra}`, { headers: request.headers }))
  return { status: response.status, body: await response.json() }
}

describe('metadata on users', () => {
  test('defaults to {} and is set on create', async () => {
    const api = createMockApi()
    const plain = await call(api, 'createUser', { body: { email: 'a@example.com', name: 'A' } })
    expect(plain.body.metadata).toEqual({})
    const tagged = await call(api, 'createUser', {
      body: { email: 'b@example.com', name: 'B', metadata: { crm_id: 'CRM-1', 'region-2': 'west' } },
    })
    expect(tagged.status).toBe(201)
    expect(tagged.body.metadata).toEqual({ crm_id: 'CRM-1', 'region-2': 'west' })
    expect((await call(api, 'getUser', { params: { user_id: tagged.body.id } })).body.metadata).toEqual({
      crm_id: 'CRM-1',
      'region-2': 'west',
    })
  })

  test('update merges: new keys are added, "" removes a key, keys not sent are kept', async () => {
    const api = createMockApi()
    const user = (
      await call(api, 'createUser', { body: { email: 'a@example.com', name: 'A', metadata: { a: '1', b: '2' } } })
    ).body
    const res = await call(api, 'updateUser', {
      params: { user_id: user.id },
      body: { metadata: { b: '', c: '3', a: 'one' } },
    })
    expect(res.status).toBe(200)
    expect(res.body.metadata).toEqual({ a: 'one', c: '3' })
    const unchanged = await call(api, 'updateUser', { params: { user_id: user.id }, body: { metadata: {} } })
    expect(unchanged.body.metadata).toEqual({ a: 'one', c: '3' })
  })

  test('a metadata-only update fires user.updated with the new metadata and bumps updated_at', async () => {
    const api = createMockApi()
    const user = (await call(api, 'createUser', { body: { email: 'a@example.com', name: 'A' } })).body
    await api.clock.advance(MINUTE)
    const res = await call(api, 'updateUser', { params: { user_id: user.id }, body: { metadata: { crm_id: 'X' } } })
    expect(res.body.updated_at).not.toBe(user.updated_at)
    const event = api.events.at(-1)
    expect(event?.type).toBe('user.updated')
    expect(event?.data).toMatchObject({ id: user.id, metadata: { crm_id: 'X' } })
    // The event keeps the metadata it was sent with when the user changes again.
    await call(api, 'updateUser', { params: { user_id: user.id }, body: { metadata: { crm_id: 'Y' } } })
    expect(event?.data).toMatchObject({ metadata: { crm_id: 'X' } })
  })

  test('bad keys and values get one 422 detail each, naming the key, and nothing is stored', async () => {
    const api = createMockApi()
    const before = storeFingerprint(api.store.state).data
    const res = await call(api, 'createUser', {
      body: {
        email: 'a@example.com',
        name: 'A',
        metadata: { 'crm id': 'x', ok: 'fine', long: 'x'.repeat(501), n: 1, empty: '', ['k'.repeat(41)]: 'x' },
      },
    })
    expect(res.status).toBe(422)
    expect(res.error.code).toBe('validation_failed')
    expect(res.error.details).toEqual([
      { field: 'metadata.crm id', message: 'is not a valid key: use 1–40 letters, digits, `_` or `-`' },
      { field: 'metadata.long', message: 'must be at most 500 characters long' },
      { field: 'metadata.n', message: 'must be a string' },
      { field: 'metadata.empty', message: 'must be at least 1 character long' },
      { field: `metadata.${'k'.repeat(41)}`, message: 'is not a valid key: use 1–40 letters, digits, `_` or `-`' },
    ])
    expect(storeFingerprint(api.store.state).data).toBe(before)
  })

  test('__proto__ is refused as a key rather than silently dropped; constructor is an ordinary key', async () => {
    const api = createMockApi()
    const res = await call(api, 'createUser', {
      raw: '{"email":"a@example.com","name":"A","metadata":{"__proto__":"x","bad key":"y"}}',
      headers: { 'content-type': 'application/json' },
    })
    expect(res.status).toBe(422)
    expect(res.error.details?.map((detail) => detail.field)).toEqual(['metadata.__proto__', 'metadata.bad key'])
    const ok = await call(api, 'createUser', {
      body: { email: 'b@example.com', name: 'B', metadata: { constructor: 'c', toString: 't', phone: 'not e164' } },
    })
    expect(ok.status).toBe(201)
    expect(ok.body.metadata).toEqual({ constructor: 'c', toString: 't', phone: 'not e164' })
  })

  test('metadata that is not an object (null, an array, a string) is a 422, not a crash of the key count', async () => {
    const api = createMockApi()
    for (const metadata of [null, ['a'], 'crm_id=1', 7]) {
      const res = await call(api, 'createUser', { body: { email: 'a@example.com', name: 'A', metadata } })
      expect(res.status).toBe(422)
      expect(res.error.details).toEqual([{ field: 'metadata', message: 'must be an object' }])
    }
  })

  test('more than 50 keys is a 422, on create and after merging an update; nothing changes', async () => {
    const api = createMockApi()
    const tooMany = await call(api, 'createUser', { body: { email: 'a@example.com', name: 'A', metadata: keys(51) } })
    expect(tooMany.status).toBe(422)
    expect(tooMany.error.details).toEqual([{ field: 'metadata', message: 'must have at most 50 keys' }])

    const user = (await call(api, 'createUser', { body: { email: 'b@example.com', name: 'B', metadata: keys(50) } }))
      .body
    expect(Object.keys(user.metadata)).toHaveLength(50)
    const events = api.events.length
    const merged = await call(api, 'updateUser', {
      params: { user_id: user.id },
      body: { name: 'Renamed', metadata: { extra: 'x' } },
    })
    expect(merged.status).toBe(422)
    expect(merged.error.details?.[0]?.field).toBe('metadata')
    expect(merged.error.details?.[0]?.message).toContain('51 keys')
    const after = (await call(api, 'getUser', { params: { user_id: user.id } })).body
    expect(after.name).toBe('B')
    expect(after.metadata).toEqual(keys(50))
    expect(api.events).toHaveLength(events)
    // Removing one key makes room for another in the same update.
    const swapped = await call(api, 'updateUser', {
      params: { user_id: user.id },
      body: { metadata: { k0: '', extra: 'x' } },
    })
    expect(swapped.status).toBe(200)
    expect(Object.keys(swapped.body.metadata)).toHaveLength(50)
  })
})

describe('metadata on cases', () => {
  test('create sets it, details and lists show it, update merges it and fires case.updated', async () => {
    const api = createMockApi()
    const user = await activeUser(api)
    const created = await call(api, 'createCase', {
      params: { user_id: user.id },
      body: { receipt_number: 'EAC2190012345', metadata: { crm_case_id: 'OPP-1', stage: 'filed' } },
    })
    expect(created.status).toBe(201)
    expect(created.body.case.metadata).toEqual({ crm_case_id: 'OPP-1', stage: 'filed' })
    expect(created.body.case.user.metadata).toEqual({})
    expect(api.events.at(-1)).toMatchObject({ type: 'case.created', data: { metadata: { crm_case_id: 'OPP-1' } } })

    const updated = await call(api, 'updateCase', {
      params: { case_id: created.body.case.id },
      body: { metadata: { stage: '', approved: 'yes' } },
    })
    expect(updated.status).toBe(200)
    expect(updated.body.metadata).toEqual({ crm_case_id: 'OPP-1', approved: 'yes' })
    expect(api.events.at(-1)).toMatchObject({ type: 'case.updated', data: { metadata: { approved: 'yes' } } })
    const listed = await call(api, 'listUserCases', { params: { user_id: user.id } })
    expect(listed.body.data[0]?.metadata).toEqual({ crm_case_id: 'OPP-1', approved: 'yes' })
  })

  test('a case without metadata has {}', async () => {
    const api = createMockApi()
    const user = await activeUser(api)
    const created = await call(api, 'createCase', {
      params: { user_id: user.id },
      body: { receipt_number: 'EAC2190012345' },
    })
    expect(created.body.case.metadata).toEqual({})
  })

  test('a bad case update stores nothing', async () => {
    const api = createMockApi()
    const user = await activeUser(api)
    const created = await call(api, 'createCase', {
      params: { user_id: user.id },
      body: { receipt_number: 'EAC2190012345', metadata: keys(50) },
    })
    const before = storeFingerprint(api.store.state).data
    for (const metadata of [{ extra: 'x' }, { 'a.b': 'x' }, { a: 'x'.repeat(501) }]) {
      const res = await call(api, 'updateCase', {
        params: { case_id: created.body.case.id },
        body: { active: false, metadata },
      })
      expect(res.status).toBe(422)
    }
    expect(storeFingerprint(api.store.state).data).toBe(before)
  })
})

describe('metadata filters', () => {
  async function seedUsers(api: MockApi) {
    const tags = [
      { team: 'a', tier: 'gold' },
      { team: 'b', tier: 'gold' },
      { team: 'a' },
      { team: 'a', tier: 'gold' },
      {},
      { team: 'a', tier: 'silver' },
      { team: 'a', tier: 'gold' },
    ]
    const ids: number[] = []
    for (const [i, metadata] of tags.entries()) {
      ids.push((await call(api, 'createUser', { body: { email: `u${i}@example.com`, name: 'U', metadata } })).body.id)
    }
    return ids
  }

  test('list users: exact matches, several filters ANDed, total counts the filtered set', async () => {
    const api = createMockApi()
    const ids = await seedUsers(api)
    const team = await listWithFilter(api, '/v1/users', [['team', 'a']])
    expect(team.status).toBe(200)
    expect(team.body.data.map((user: { id: number }) => user.id)).toEqual([ids[0], ids[2], ids[3], ids[5], ids[6]])
    expect(team.body.total).toBe(5)
    const both = await listWithFilter(api, '/v1/users', [
      ['team', 'a'],
      ['tier', 'gold'],
    ])
    expect(both.body.data.map((user: { id: number }) => user.id)).toEqual([ids[0], ids[3], ids[6]])
    expect(both.body.total).toBe(3)
    // Exact: no prefix or case-insensitive match.
    expect((await listWithFilter(api, '/v1/users', [['tier', 'GOLD']])).body.total).toBe(0)
    expect((await listWithFilter(api, '/v1/users', [['tier', 'gol']])).body.total).toBe(0)
    // Combined with the other filters.
    expect((await listWithFilter(api, '/v1/users', [['team', 'a']], '&status=active')).body.total).toBe(0)
    expect((await listWithFilter(api, '/v1/users', [['team', 'b']], '&email=u1@example.com')).body.total).toBe(1)
    expect((await listWithFilter(api, '/v1/users', [['team', 'a']], '&email=u1@example.com')).body.total).toBe(0)
  })

  test('cursor paging over a filtered list returns every match once, in order', async () => {
    const api = createMockApi()
    const ids = await seedUsers(api)
    const seen: number[] = []
    let cursor: string | null = null
    do {
      const extra: string = `&limit=2${cursor ? `&cursor=${cursor}` : ''}`
      const page = await listWithFilter(api, '/v1/users', [['tier', 'gold']], extra)
      expect(page.status).toBe(200)
      expect(page.body.total).toBe(4)
      expect(page.body.data.length).toBeLessThanOrEqual(2)
      seen.push(...page.body.data.map((user: { id: number }) => user.id))
      cursor = page.body.next_cursor
      expect(page.body.has_more).toBe(cursor !== null)
    } while (cursor)
    expect(seen).toEqual([ids[0], ids[1], ids[3], ids[6]])
  })

  test('list user cases filters by metadata, alongside active', async () => {
    const api = createMockApi()
    const user = await activeUser(api)
    const receipts = ['EAC2190012345', 'EAC2190012346', 'EAC2190012347']
    const caseIds: number[] = []
    for (const [i, receipt] of receipts.entries()) {
      const created = await call(api, 'createCase', {
        params: { user_id: user.id },
        body: { receipt_number: receipt, metadata: { batch: i < 2 ? 'one' : 'two' } },
      })
      caseIds.push(created.body.case.id)
    }
    await call(api, 'updateCase', { params: { case_id: caseIds[0] as number }, body: { active: false } })
    const path = `/v1/users/${user.id}/cases`
    const one = await listWithFilter(api, path, [['batch', 'one']])
    expect(one.body.data.map((item: { id: number }) => item.id)).toEqual([caseIds[0], caseIds[1]])
    expect(one.body.total).toBe(2)
    const activeOne = await listWithFilter(api, path, [['batch', 'one']], '&active=true')
    expect(activeOne.body.data.map((item: { id: number }) => item.id)).toEqual([caseIds[1]])
    expect(activeOne.body.total).toBe(1)
  })

  test('a bad filter is a 422 naming the key; a plain metadata=… is not an object', async () => {
    const api = createMockApi()
    const bad = await listWithFilter(api, '/v1/users', [
      ['bad key', 'x'],
      ['__proto__', 'y'],
    ])
    expect(bad.status).toBe(422)
    expect(bad.body.error.details.map((detail: { field: string }) => detail.field)).toEqual([
      'metadata.__proto__',
      'metadata.bad key',
    ])
    const flat = await call(api, 'listUsers', { query: { metadata: 'x' } })
    expect(flat.status).toBe(422)
    expect(flat.error.details).toEqual([{ field: 'metadata', message: 'must be an object' }])
    const unknownDeep = await call(api, 'listUsers', { query: { 'other[x]': 'y' } })
    expect(unknownDeep.status).toBe(422)
    expect(unknownDeep.error.details).toEqual([{ field: 'other[x]', message: 'is not a known field' }])
  })
})

describe('query parsing', () => {
  test('a query parameter named like an Object.prototype member is unknown, not silently ignored (was answered 200)', async () => {
    const api = createMockApi()
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const res = await call(api, 'listUsers', { query: { [name]: 'x' } })
      expect(res.status, name).toBe(422)
      expect(res.error.details).toEqual([{ field: name, message: 'is not a known field' }])
    }
  })

  test("gathers exactly the spec's deepObject query parameters", () => {
    const declared = new Set<string>()
    for (const { operation } of specOperations()) {
      for (const entry of (operation.parameters ?? []) as Array<{ $ref?: string; name?: string; style?: string }>) {
        const param = entry.$ref
          ? (spec.components.parameters[entry.$ref.split('/').pop() as string] as { name: string; style?: string })
          : entry
        if (param.style === 'deepObject' && param.name) declared.add(param.name)
      }
    }
    expect([...DEEP_OBJECT_PARAMS].sort()).toEqual([...declared].sort())
  })
})

describe('preload', () => {
  test('users and cases bring their metadata', async () => {
    const api = createMockApi({
      preload: {
        users: [
          {
            email: 'a@example.com',
            name: 'A',
            metadata: { crm_id: 'CRM-1' },
            cases: [{ receipt_number: 'EAC2190012345', metadata: { opp: '7' } }, { receipt_number: 'EAC2190012346' }],
          },
        ],
      },
    })
    const user = (await call(api, 'getUser', { params: { user_id: 1 } })).body
    expect(user.metadata).toEqual({ crm_id: 'CRM-1' })
    const cases = (await call(api, 'listUserCases', { params: { user_id: 1 } })).body.data
    expect(cases.map((item) => item.metadata)).toEqual([{ opp: '7' }, {}])
  })

  test('bad metadata in a preload is refused with the key named', () => {
    expect(() =>
      createMockApi({ preload: { users: [{ email: 'a@example.com', name: 'A', metadata: { 'a b': 'x' } }] } }),
    ).toThrow(/users\.0\.metadata\.a b: is not a valid key/)
  })
})

describe('state file', () => {
  test('metadata survives a restart on the same file, and filters still find it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'immigraflow-metadata-'))
    const stateFile = join(dir, 'state.json')
    try {
      const first = await startMockServer({ stateFile })
      const metadata = { crm_id: 'CRM-1', constructor: 'c' }
      const created = await call({ url: first.url }, 'createUser', {
        body: { email: 'a@example.com', name: 'A', metadata },
      })
      await first.close()
      const second = await startMockServer({ stateFile })
      try {
        const user = await call({ url: second.url }, 'getUser', { params: { user_id: created.body.id } })
        expect(user.body.metadata).toEqual(metadata)
        const found = await call({ url: second.url }, 'listUsers', { query: { 'metadata[constructor]': 'c' } })
        expect(found.body.data.map((item) => item.id)).toEqual([created.body.id])
      } finally {
        await second.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
