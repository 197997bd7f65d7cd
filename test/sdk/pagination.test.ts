import { describe, expect, it } from 'vitest'
import { ImmigraFlow, ImmigraFlowError, type User } from '../../src'
import { json, USER } from '../helpers/stub-fetch'

const USERS: User[] = Array.from({ length: 7 }, (_, i) => ({ ...USER, id: i + 1, email: `user${i + 1}@example.com` }))

/** A list endpoint over USERS with real cursor paging: the cursor is the last id seen. */
function pagingFetch() {
  const urls: URL[] = []
  const fetch = async (request: Request) => {
    const url = new URL(request.url)
    urls.push(url)
    const limit = Number(url.searchParams.get('limit') ?? 20)
    const after = Number(url.searchParams.get('cursor') ?? 0)
    const matching = USERS.filter((user) => user.status === (url.searchParams.get('status') ?? user.status))
    const rest = matching.filter((user) => user.id > after)
    const data = rest.slice(0, limit)
    const hasMore = rest.length > limit
    return json({
      data,
      has_more: hasMore,
      next_cursor: hasMore ? String(data.at(-1)?.id) : null,
      total: matching.length,
    })
  }
  return { fetch, urls }
}

const clientWith = (fetch: (request: Request) => Promise<Response>) =>
  new ImmigraFlow({ apiKey: 'sk_test_pages', baseUrl: 'https://api.immigraflow.test', fetch, logLevel: 'off' })

describe('pagination', () => {
  it('yields every item of three pages once, in order, with for await', async () => {
    const { fetch, urls } = pagingFetch()
    const seen: number[] = []
    for await (const user of clientWith(fetch).users.list({ limit: 3 })) seen.push(user.id)
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(urls.map((url) => url.search)).toEqual(['?limit=3', '?limit=3&cursor=3', '?limit=3&cursor=6'])
  })

  it('gives the first page on await, and the next pages through getNextPage()', async () => {
    const { fetch } = pagingFetch()
    const first = await clientWith(fetch).users.list({ limit: 3 })
    expect(first.data.map((u) => u.id)).toEqual([1, 2, 3])
    expect(first.total).toBe(7)
    expect(first.hasNextPage()).toBe(true)
    const second = await first.getNextPage()
    const third = await second.getNextPage()
    expect(third.data.map((u) => u.id)).toEqual([7])
    expect(third.hasNextPage()).toBe(false)
    await expect(third.getNextPage()).rejects.toThrow(ImmigraFlowError)
    await expect(third.getNextPage()).rejects.toThrow('This is the last page')
  })

  it('walks every page from a page already fetched', async () => {
    const { fetch } = pagingFetch()
    const first = await clientWith(fetch).users.list({ limit: 2 })
    const ids: number[] = []
    for await (const user of first) ids.push(user.id)
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  it('keeps the filters on every page', async () => {
    const { fetch, urls } = pagingFetch()
    for await (const _ of clientWith(fetch).users.list({ limit: 3, status: 'active' })) {
      // drain
    }
    expect(urls.every((url) => url.searchParams.get('status') === 'active')).toBe(true)
  })

  it("pages through a user's cases and webhooks the same way", async () => {
    const { fetch, urls } = pagingFetch()
    const client = clientWith(fetch)
    const cases: number[] = []
    for await (const item of client.cases.list(7, { limit: 4 })) cases.push(item.id)
    const hooks: number[] = []
    for await (const item of client.webhooks.list({ limit: 5 })) hooks.push(item.id)
    expect(cases).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(hooks).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(urls[0]?.pathname).toBe('/v1/users/7/cases')
    expect(urls.at(-1)?.pathname).toBe('/v1/webhooks')
  })
})
