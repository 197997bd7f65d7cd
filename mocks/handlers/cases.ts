/** Cases: list and create under a user, get with history, update label/description/active. */
import { normalizeReceiptNumber } from '../../src/core/receipt'
import type { MockContext } from '../context'
import { hasMetadataFilter, matchesMetadata, mergeMetadata } from '../metadata'
import type { CaseRecord } from '../store'
import { conflict, notFound } from './errors'
import { paginate } from './pagination'
import { type MockRoute, route } from './route'
import { findUser } from './users'

function findCase(ctx: MockContext, id: number): CaseRecord {
  const found = ctx.store.getCase(id)
  if (!found) throw notFound(`No case with id ${id}.`)
  return found
}

const alreadyTracked = (receipt: string) =>
  conflict(`This user already tracks receipt ${receipt} in an active case.`, [
    { field: 'receipt_number', message: 'already tracked by this user' },
  ])

/** `CaseDetailsResponse`: the case with its user, status updates newest first. */
export function caseDetails(ctx: MockContext, record: CaseRecord) {
  const updates = ctx.store.statusUpdatesOf(record.id)
  return {
    case: { ...ctx.store.caseSummary(record), user: findUser(ctx, record.user_id) },
    status_updates: [...updates].reverse(),
    update_count: updates.length,
  }
}

export function caseHandlers(ctx: MockContext): MockRoute[] {
  return [
    route(ctx, 'listUserCases', ({ path, query }) => {
      const state = ctx.state()
      findUser(ctx, path.user_id)
      const ids = state.caseIdsByUser.get(path.user_id) ?? []
      const matches = (record: CaseRecord) =>
        (query.active === undefined || record.active === query.active) &&
        matchesMetadata(record.metadata, query.metadata)
      let total: number
      if (hasMetadataFilter(query.metadata)) {
        // No index covers metadata: a filtered list counts its matches.
        total = 0
        for (const id of ids) {
          const record = state.cases.get(id)
          if (record && matches(record)) total++
        }
      } else {
        const activeCount = state.activeCaseCountByUser.get(path.user_id) ?? 0
        total = query.active === undefined ? ids.length : query.active ? activeCount : ids.length - activeCount
      }
      const page = paginate(ids, { ...query, total }, (id) => state.cases.get(id), matches)
      return { status: 200, body: { ...page, data: page.data.map((record) => ctx.store.caseSummary(record)) } }
    }),

    route(ctx, 'createCase', ({ path, body }) => {
      findUser(ctx, path.user_id)
      const receipt = normalizeReceiptNumber(body.receipt_number)
      if (ctx.store.activeCaseWithReceipt(path.user_id, receipt)) throw alreadyTracked(receipt)
      const record = ctx.store.insertCase(
        {
          user_id: path.user_id,
          user_case_id: body.user_case_id ?? null,
          receipt_number: receipt,
          description: body.description ?? null,
          active: true,
          metadata: body.metadata ?? {},
        },
        ctx.now(),
      )
      ctx.emit('case.created', ctx.store.caseSummary(record))
      return { status: 201, body: caseDetails(ctx, record) }
    }),

    route(ctx, 'getCase', ({ path }) => ({ status: 200, body: caseDetails(ctx, findCase(ctx, path.case_id)) })),

    route(ctx, 'updateCase', ({ path, body }) => {
      const record = findCase(ctx, path.case_id)
      // Merged first: a merge past the key limit is refused before anything changes.
      const metadata = body.metadata === undefined ? undefined : mergeMetadata(record.metadata, body.metadata)
      if (
        body.active === true &&
        !record.active &&
        ctx.store.activeCaseWithReceipt(record.user_id, record.receipt_number, record.id)
      ) {
        throw alreadyTracked(record.receipt_number)
      }
      ctx.store.updateCase(record, {
        ...(body.user_case_id !== undefined ? { user_case_id: body.user_case_id } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.active !== undefined ? { active: body.active } : {}),
        ...(metadata !== undefined ? { metadata } : {}),
      })
      const summary = ctx.store.caseSummary(record)
      ctx.emit('case.updated', summary)
      return { status: 200, body: summary }
    }),
  ]
}
