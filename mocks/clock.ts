/**
 * The mock clock. Time stands still until a test moves it: `advance(ms)` runs every job
 * (notification retries, webhook deliveries) that falls due on the way, in time order, and
 * waits for the work each one starts, so tests never sleep.
 */
import { type DeliveryAttempt, isoTime, type Job, type MockState, type OutboxMessage } from './store'
import { type UscisStep, uscisPositions, uscisSteps } from './uscis'

/** Collects promises of background work so `idle()` can wait for all of it. */
export class Tracker {
  private readonly inflight = new Set<Promise<unknown>>()

  track(work: Promise<unknown>): void {
    const settled = work.then(
      () => undefined,
      () => undefined,
    )
    this.inflight.add(settled)
    void settled.then(() => this.inflight.delete(settled))
  }

  /** Resolves once everything tracked so far, and anything it started, has settled. */
  async settle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.all([...this.inflight])
  }
}

/** One day of mock time, in milliseconds. */
export const DAY_MS = 86_400_000

/** The last instant a JavaScript Date can hold; past it every timestamp the mock writes would throw. */
const MAX_TIME = 8.64e15

/**
 * What one `advance` set off: every webhook delivery attempt and outbox message (notifications,
 * with their retries) that finished while it ran, and the receipts whose USCIS status moved
 * (one step per simulated week, or a control that moved it meanwhile).
 */
export interface AdvanceReport {
  /** Mock time before the advance, RFC 3339. */
  from: string
  /** Mock time after it. */
  to: string
  /** Delivery attempts that finished during the advance, in the order they finished. */
  deliveries: DeliveryAttempt[]
  /** Outbox messages (emails, WhatsApp messages) sent or failed during the advance, oldest first. */
  notifications: OutboxMessage[]
  /** Receipts the mock knows whose USCIS status moved, with the titles before and after. */
  uscis: UscisStep[]
}

/** The records of `list` whose `id` is above `after` (ids only grow, so they sit at its end). */
function newerThan<T extends { id: number }>(list: readonly T[], after: number): T[] {
  let index = list.length
  while (index > 0 && (list[index - 1] as T).id > after) index--
  return list.slice(index)
}

export interface MockClock {
  /** Mock time in milliseconds since the epoch. */
  now(): number
  /** Mock time as RFC 3339 with milliseconds. */
  iso(): string
  /**
   * Moves time forward, running every job that falls due on the way (in order), and waits for
   * them. Resolves to what the advance set off (`AdvanceReport`).
   *
   * Advances queue: one called while another runs starts where that one ends, and each report
   * covers its own span. Time never moves backwards. If `reset()` or `restore()` replaces the
   * mock's state while an advance runs, the advance stops there, leaves the new state alone and
   * resolves with what it did (`to` is where it stopped).
   */
  advance(ms: number): Promise<AdvanceReport>
  /**
   * Moves time forward to an instant (never backwards), measured when its turn in the queue of
   * advances comes; resolves as `advance` does.
   */
  advanceTo(time: number | string | Date): Promise<AdvanceReport>
  /** How many jobs (notification attempts, webhook deliveries) are scheduled. */
  pending(): number
  /** When the next job falls due, or null. */
  nextDueAt(): string | null
}

export interface ClockHost {
  state(): MockState
  run(job: Job): Promise<void>
  tracker: Tracker
  /** Told once an `advance` has moved time and run what fell due. */
  moved?(): void
}

/** The mock clock with its queue of jobs (notification retries, webhook deliveries). */
export class Scheduler implements MockClock {
  constructor(private readonly host: ClockHost) {}

  now(): number {
    return this.host.state().now
  }

  iso(): string {
    return isoTime(this.host.state().now)
  }

  pending(): number {
    return this.host.state().jobs.length
  }

  nextDueAt(): string | null {
    const next = this.host.state().jobs[0]
    return next ? isoTime(next.at) : null
  }

  /** Queues a job for mock time `at` (jobs keep time order, ties in scheduling order); returns its id. */
  schedule(at: number, job: Job): number {
    const state = this.host.state()
    const entry = { id: ++state.counters.job, at, job }
    const jobs = state.jobs
    let index = jobs.length
    while (index > 0 && (jobs[index - 1] as { at: number }).at > at) index--
    jobs.splice(index, 0, entry)
    return entry.id
  }

  /** Starts every job already due, without moving time; `idle()` waits for them. */
  runDue(): void {
    const state = this.host.state()
    while (state.jobs.length > 0 && (state.jobs[0] as { at: number }).at <= state.now) {
      const entry = state.jobs.shift() as { job: Job }
      // A job can schedule more for now (a duplicate delivery, an event it releases): those start
      // when it ends, not at the next request, advance or idle(). A state that `reset()` or
      // `restore()` put in its place meanwhile is left alone.
      const started = this.host.run(entry.job)
      this.host.tracker.track(started.finally(() => this.host.state() === state && this.runDue()))
    }
  }

  /** Waits for all background work, including jobs that fall due now while waiting. */
  async idle(): Promise<void> {
    for (;;) {
      this.runDue()
      await this.host.tracker.settle()
      const next = this.host.state().jobs[0]
      if (!next || next.at > this.host.state().now) return
    }
  }

  /** The end of the last queued advance: each advance starts once the one before it has ended. */
  private queue: Promise<unknown> = Promise.resolve()

  /** Runs `work` after every advance queued before it, so advances never overlap. */
  private enqueue(work: () => Promise<AdvanceReport>): Promise<AdvanceReport> {
    const turn = this.queue.then(work)
    this.queue = turn.catch(() => undefined)
    return turn
  }

  advance(ms: number): Promise<AdvanceReport> {
    if (!Number.isFinite(ms) || ms < 0) {
      return Promise.reject(new RangeError(`advance(ms) needs a finite number ≥ 0, got ${ms}`))
    }
    return this.enqueue(async () => this.run(ms))
  }

  advanceTo(time: number | string | Date): Promise<AdvanceReport> {
    const target = typeof time === 'number' ? time : new Date(time).getTime()
    if (Number.isNaN(target)) return Promise.reject(new RangeError(`advanceTo: not a time: ${String(time)}`))
    // The distance is measured when this advance's turn comes, from where the ones before it ended.
    return this.enqueue(async () => this.run(Math.max(0, target - this.now())))
  }

  /**
   * One advance, on the state the mock has when it starts. If `reset()` or `restore()` replaces
   * that state meanwhile, the advance stops where it got to and leaves the new state alone.
   */
  private async run(ms: number): Promise<AdvanceReport> {
    const start = this.host.state()
    const from = start.now
    const target = from + ms
    if (target > MAX_TIME) {
      throw new RangeError(
        `advance(${ms}) would move the mock clock past the last valid date, ${new Date(MAX_TIME).toISOString()}`,
      )
    }
    const marks = { delivery: start.counters.delivery, message: start.counters.message }
    const positions = uscisPositions(start)
    const replaced = () => this.host.state() !== start
    await this.idleOn(start)
    while (!replaced()) {
      const next = start.jobs[0]
      if (!next || next.at > target) break
      if (next.at > start.now) start.now = next.at
      await this.idleOn(start)
    }
    if (!replaced()) {
      // Time never moves backwards, whatever moved it meanwhile.
      start.now = Math.max(start.now, target)
      this.host.moved?.()
    }
    return {
      from: isoTime(from),
      to: isoTime(start.now),
      deliveries: structuredClone(newerThan(start.deliveries, marks.delivery)),
      notifications: structuredClone(newerThan(start.outbox, marks.message)),
      uscis: uscisSteps(positions, uscisPositions(start)),
    }
  }

  /** `idle()` for one state: stops once that state has been replaced (by `reset()` or `restore()`). */
  private async idleOn(state: MockState): Promise<void> {
    while (this.host.state() === state) {
      this.runDue()
      await this.host.tracker.settle()
      const next = state.jobs[0]
      if (!next || next.at > state.now) return
    }
  }
}
