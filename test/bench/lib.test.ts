import { describe, expect, it } from 'vitest'
import { interleaved, ratioOf, ratioRow } from '../../bench/lib'

describe('bench interleaving and ratios', () => {
  it('starts each round one subject further on, so no subject always follows the same one', async () => {
    const order: string[] = []
    const subject = (name: string) => async () => {
      order.push(name)
      return order.length
    }
    const results = await interleaved({ a: subject('a'), b: subject('b'), c: subject('c') }, 4)
    expect(order.join('')).toBe('abc' + 'bca' + 'cab' + 'abc')
    // Each subject's figures stay in round order.
    expect(results).toEqual({ a: [1, 6, 8, 10], b: [2, 4, 9, 11], c: [3, 5, 7, 12] })
  })

  it('takes the median of the per-round ratios when both sides ran in the same rounds', () => {
    // The machine slows down from round to round; the subject is 1.1× the anchor in every round.
    const anchor = [100, 200, 400, 800, 1600]
    const subject = anchor.map((value) => value * 1.1)
    expect(ratioOf(subject, anchor)).toBeCloseTo(1.1, 10)
    // Per-round ratios 1.0, 3.0, 1.2: the median is 1.2 (the medians' ratio would be 300 / 200 = 1.5).
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
