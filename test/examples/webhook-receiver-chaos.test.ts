import { describe, expect, it } from 'vitest'
import { runChaosDemo } from '../../examples/webhook-receiver-chaos'
import { stateView } from '../../mocks/control'

describe('examples/webhook-receiver-chaos', () => {
  it('ends with the mock’s case timelines although deliveries came twice, out of order and late', async () => {
    const { api, timelines, arrivals, caseIds } = await runChaosDemo({ duplicate: 0.5, reorder: true, delayMs: 60_000 })
    const cases = stateView(api).users.flatMap((user) => user.cases)
    expect(cases.map((item) => item.id)).toEqual(caseIds)
    expect(timelines.caseIds()).toEqual(caseIds)
    for (const item of cases) {
      // The first status is the baseline, which sends no event.
      const truth = item.timeline.slice(1).map((entry) => ({
        status_update_id: entry.id,
        status_code: entry.status_code,
        modified_date: entry.modified_date,
      }))
      expect(truth).toHaveLength(4)
      expect(timelines.timeline(item.id)).toEqual(truth)
      expect(timelines.latest(item.id)).toEqual(truth.at(-1))
    }

    // Chaos really happened: duplicates the receiver recognised…
    const duplicates = api.deliveries.filter((attempt) => attempt.chaos === 'duplicate')
    expect(duplicates.length).toBeGreaterThan(0)
    for (const attempt of duplicates) {
      expect(attempt.outcome).toBe('delivered')
      expect(JSON.parse(attempt.response_excerpt ?? '{}')).toEqual({ received: true, duplicate: true })
    }
    // …events held back behind later ones, and late ones…
    expect(api.deliveries.some((attempt) => attempt.chaos === 'reordered')).toBe(true)
    expect(api.deliveries.some((attempt) => attempt.chaos === 'delayed')).toBe(true)
    // …so a case's changes reached the receiver out of order, and the last to arrive was not
    // always the newest: a receiver that trusted arrival order would be wrong.
    const ascending = (ids: number[]) => ids.every((id, index) => index === 0 || id > (ids[index - 1] as number))
    expect(caseIds.some((id) => !ascending(arrivals.get(id) ?? []))).toBe(true)
    expect(caseIds.some((id) => arrivals.get(id)?.at(-1) !== timelines.latest(id)?.status_update_id)).toBe(true)
    // Every event reached the receiver once for processing.
    expect(caseIds.flatMap((id) => arrivals.get(id) ?? []).sort((a, b) => a - b)).toEqual(
      cases.flatMap((item) => item.timeline.slice(1).map((entry) => entry.id)).sort((a, b) => a - b),
    )
    expect(api.clock.pending()).toBe(0)
  })

  it('without chaos, each change is delivered once, unmarked', async () => {
    const { api, arrivals, caseIds } = await runChaosDemo({})
    expect(api.deliveries.every((attempt) => attempt.chaos === null && attempt.outcome === 'delivered')).toBe(true)
    expect(api.deliveries).toHaveLength(12)
    for (const id of caseIds) expect(arrivals.get(id)).toHaveLength(4)
  })
})
