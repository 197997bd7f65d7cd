import { describe, expect, it } from 'vitest'
import { balancedOrders, interleaved, ratioOf, ratioRow } from '../../bench/lib'

/** How often each ordered pair (a directly before b) occurs within the orders. */
function followCounts(orders: number[][]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const order of orders) {
    for (let i = 1; i < order.length; i++) {
      const pair = `${order[i - 1]}>${order[i]}`
      counts.set(pair, (counts.get(pair) ?? 0) + 1)
    }
  }
  return counts
}

describe('bench interleaving and ratios', () => {
  it.each([2, 3, 4, 5, 6, 7])(
    'orders %i subjects so each follows every other and takes every position equally often',
    (n) => {
      const orders = balancedOrders(n)
      expect(orders).toHaveLength(n % 2 === 0 ? n : 2 * n)
      for (const order of orders) expect([...order].sort((a, b) => a - b)).toEqual([...Array(n).keys()])
      const counts = followCounts(orders)
      // Every ordered pair of distinct subjects, and each the same number of times.
      expect(counts.size).toBe(n * (n - 1))
      expect(new Set(counts.values()).size).toBe(1)
      for (let position = 0; position < n; position++) {
        const seen = orders.map((order) => order[position] as number)
        const perSubject = [...Array(n).keys()].map((subject) => seen.filter((s) => s === subject).length)
        expect(new Set(perSubject).size).toBe(1)
      }
    },
  )

  it('runs each round in the next balanced order and keeps each subject figures in round order', async () => {
    const order: string[] = []
    const subject = (name: string) => async () => {
      order.push(name)
      return order.length
    }
    const results = await interleaved({ a: subject('a'), b: subject('b'), c: subject('c') }, 7)
    const names = ['a', 'b', 'c']
    const expected = [...balancedOrders(3), balancedOrders(3)[0] as number[]].flatMap((o) => o.map((i) => names[i]))
    expect(order).toEqual(expected)
    // In a fixed order, b would follow a in every round; here each pair occurs as often as any other.
    const rounds = Array.from({ length: 6 }, (_, round) => order.slice(round * 3, round * 3 + 3))
    const counts = followCounts(rounds.map((round) => round.map((name) => names.indexOf(name))))
    expect([...counts.values()]).toEqual([2, 2, 2, 2, 2, 2])
    for (const name of names) {
      expect(results[name as 'a']).toHaveLength(7)
      expect(results[name as 'a']).toEqual([...results[name as 'a']].sort((x, y) => x - y))
    }
  })

  it('takes the median of the per-round ratios when both sides ran in the same rounds', () => {
    // The machine slows down from round to round; the subject is 1.1× the anchor in every round.
    const anchor = [100, 200, 400, 800, 1600]
    const subject = anchor.map((value) => value * 1.1)
    expect(ratioOf(subject, anchor)).toBeCloseTo(1.1, 10)
    // Per-round ratios 1.0, 3.0, 1.2: the median is 1.2 (the medians' ratio would be 300 / 100 = 3).
    expect(ratioOf([100, 300, 360], [100, 100, 300])).toBeCloseTo(1.2, 10)
  })

  it('falls back to the ratio of the medians when the runs cannot be paired', () => {
    expect(ratioOf([10, 20, 30], [10, 10])).toBe(2)
  })

  it('judges the target by the paired ratio and notes when the ratio of the medians disagrees', () => {
    const row = ratioRow('b', 'sdk', [100, 300, 360], 'µs', { name: 'anchor', runs: [100, 100, 300] }, { max: 1.3 })
    expect(row.ratio).toMatchObject({ against: 'anchor', target: '≤ 1.3×', met: true })
    expect(row.ratio?.value).toBeCloseTo(1.2, 10)
    expect(row.notes).toEqual(['the ratio of the two medians, 3.000×, would miss the target'])

    const agreeing = ratioRow('b', 'mock', [30, 31, 29], 'req/s', { name: 'prism', runs: [1, 1, 1] }, { min: 25 })
    expect(agreeing.ratio).toMatchObject({ target: '≥ 25×', met: true })
    expect(agreeing.notes).toBeUndefined()
  })
})
