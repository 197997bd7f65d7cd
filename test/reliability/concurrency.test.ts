/**
 * 500 SDK calls in flight at once against the standalone server: 200 `users.create`, 100
 * `cases.create` on 25 existing users, and 200 `users.update` on those users. Each user gets a
 * chain of 6 name updates that run in order (each sets a distinct value, so the last one must
 * win) plus 2 independent updates of other fields (phone, notify_by_email) racing the chain, so
 * a partial update that clobbered fields it was not given would show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningMockServer, startMockServer } from '../../mocks/server'
import { ImmigraFlow, type User } from '../../src'

const API_KEY = 'sk_test_concurrency'
const EXISTING_USERS = 25
const NEW_USERS = 200
const CASES_PER_USER = 4
const NAME_UPDATES_PER_USER = 6

let mock: RunningMockServer
let client: ImmigraFlow
let attempts = 0
const figures: string[] = []

beforeAll(async () => {
  mock = await startMockServer({ port: 0, apiKey: API_KEY })
  client = new ImmigraFlow({
    apiKey: API_KEY,
    baseUrl: mock.url,
    logLevel: 'off',
    fetch: (request) => {
      attempts++
      return globalThis.fetch(request)
    },
  })
})

afterAll(async () => {
  console.log(figures.join('\n'))
  await mock?.close()
})

const nameFor = (user: number, revision: number) => `User ${user} revision ${revision}`
const phoneFor = (user: number) => `+1415555${String(1000 + user).padStart(4, '0')}`
const receiptFor = (user: number, index: number) => `EAC21900${String(user).padStart(3, '0')}${index}0`

describe('500 concurrent calls against the standalone server', () => {
  it('gives unique ids, loses no update, and keeps list totals equal to what was created', async () => {
    const existing: User[] = await Promise.all(
      Array.from({ length: EXISTING_USERS }, (_, index) =>
        client.users.create({ email: `existing${index}@example.com`, name: nameFor(index, 0) }),
      ),
    )
    attempts = 0
    const started = performance.now()

    // A reader pages through users while they are being inserted: the cursor must neither skip
    // nor repeat anyone, and sees at least everyone who existed before it started.
    const walker = (async () => {
      const seen: number[] = []
      for await (const user of client.users.list({ limit: 7 })) seen.push(user.id)
      return seen
    })()
    const creates = Array.from({ length: NEW_USERS }, (_, index) =>
      client.users.create({ email: `concurrent${index}@example.com`, name: `Concurrent ${index}` }),
    )
    const caseCreates = existing.flatMap((user, index) =>
      Array.from({ length: CASES_PER_USER }, (_, k) =>
        client.cases.create(user.id, { receipt_number: receiptFor(index, k), user_case_id: `case ${k}` }),
      ),
    )
    const chains = existing.map(async (user, index) => {
      const echoed: string[] = []
      for (let revision = 1; revision <= NAME_UPDATES_PER_USER; revision++) {
        const updated = await client.users.update(user.id, { name: nameFor(index, revision) })
        echoed.push(updated.name)
      }
      return echoed
    })
    const phoneUpdates = existing.map((user, index) => client.users.update(user.id, { phone: phoneFor(index) }))
    const emailOptOuts = existing.map((user) => client.users.update(user.id, { notify_by_email: false }))
    const inFlight = creates.length + caseCreates.length + chains.length * NAME_UPDATES_PER_USER + 2 * EXISTING_USERS

    const [walked, created, cases, echoedNames] = await Promise.all([
      walker,
      Promise.all(creates),
      Promise.all(caseCreates),
      Promise.all(chains),
      Promise.all(phoneUpdates),
      Promise.all(emailOptOuts),
    ])
    const elapsed = performance.now() - started
    const attemptsMade = attempts

    const userIds = [...existing, ...created].map((user) => user.id)
    const caseIds = cases.map((details) => details.case.id)
    expect(new Set(userIds).size).toBe(EXISTING_USERS + NEW_USERS)
    expect(new Set(caseIds).size).toBe(EXISTING_USERS * CASES_PER_USER)
    expect(created.map((user) => user.email)).toEqual(creates.map((_, index) => `concurrent${index}@example.com`))
    expect(walked).toEqual([...new Set(walked)].sort((a, b) => a - b))
    expect(walked).toEqual(expect.arrayContaining(existing.map((user) => user.id)))

    // Each update answered with the value it wrote, and the last of each chain is what is stored.
    let lostUpdates = 0
    for (const [index, user] of existing.entries()) {
      expect(echoedNames[index]).toEqual(Array.from({ length: NAME_UPDATES_PER_USER }, (_, k) => nameFor(index, k + 1)))
      const stored = await client.users.retrieve(user.id)
      const expected = { name: nameFor(index, NAME_UPDATES_PER_USER), phone: phoneFor(index), notify_by_email: false }
      if (stored.name !== expected.name || stored.phone !== expected.phone || stored.notify_by_email) lostUpdates++
      expect(stored).toMatchObject(expected)
      const caseList = await client.cases.list(user.id, { limit: 100 })
      expect(caseList.total).toBe(CASES_PER_USER)
      expect(caseList.data.map((item) => item.receipt_number)).toEqual(
        Array.from({ length: CASES_PER_USER }, (_, k) => receiptFor(index, k)),
      )
    }

    const firstPage = await client.users.list({ limit: 100 })
    const listed: number[] = []
    for await (const user of client.users.list({ limit: 100 })) listed.push(user.id)
    expect(firstPage.total).toBe(EXISTING_USERS + NEW_USERS)
    expect(listed).toEqual([...userIds].sort((a, b) => a - b))
    const state = mock.api.store.state
    expect(state.users.size).toBe(EXISTING_USERS + NEW_USERS)
    expect(state.cases.size).toBe(EXISTING_USERS * CASES_PER_USER)
    expect(state.userIdByEmail.size).toBe(state.users.size)
    expect(Object.values(state.userCountByStatus).reduce((sum, count) => sum + count, 0)).toBe(state.users.size)

    figures.push(
      `concurrency: ${inFlight} calls issued concurrently (${NEW_USERS} users.create, ${caseCreates.length} cases.create, ${chains.length * NAME_UPDATES_PER_USER + 2 * EXISTING_USERS} users.update, name updates chained per user) in ${Math.round(elapsed)} ms over ${attemptsMade} HTTP attempts; unique user ids ${new Set(userIds).size}/${userIds.length}, unique case ids ${new Set(caseIds).size}/${caseIds.length}, a reader paging during the inserts saw ${walked.length} users in order with no repeat, lost updates ${lostUpdates}, list totals ${firstPage.total} users and ${CASES_PER_USER} cases per user as created`,
    )
    expect(inFlight).toBe(500)
    expect(lostUpdates).toBe(0)
  })
})
