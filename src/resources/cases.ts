import type { APIPromise } from '../core/api-promise'
import type { Caller, RequestOptions } from '../core/caller'
import type { PagePromise } from '../core/pagination'
import { withNormalizedReceipt } from '../core/receipt'
import type { CaseCreateParams, CaseDetails, CaseListParams, CaseSummary, CaseUpdateParams } from '../types'

/** Cases: USCIS receipts a user tracks, with their status history. */
export class Cases {
  readonly #caller: Caller

  constructor(caller: Caller) {
    this.#caller = caller
  }

  /** Lists a user's cases, oldest first: await it for the first page, or `for await` over every case. */
  list(userId: number, query: CaseListParams = {}, options?: RequestOptions): PagePromise<CaseSummary> {
    const path = { user_id: userId }
    return this.#caller.list('listUserCases', path, query, options, (pageQuery, init) =>
      this.#caller.api.GET('/v1/users/{user_id}/cases', { params: { path, query: pageQuery }, ...init }),
    )
  }

  /** Starts tracking a receipt for a user; the receipt may be typed as people do (`eac-21-900-12345`). */
  create(userId: number, params: CaseCreateParams, options?: RequestOptions): APIPromise<CaseDetails> {
    const path = { user_id: userId }
    const body = withNormalizedReceipt(params)
    return this.#caller.call('createCase', 'POST', { path, body }, options, (init) =>
      this.#caller.api.POST('/v1/users/{user_id}/cases', { params: { path }, body, ...init }),
    )
  }

  /** Gets a case with its user and every recorded status update, newest first. */
  retrieve(caseId: number, options?: RequestOptions): APIPromise<CaseDetails> {
    const path = { case_id: caseId }
    return this.#caller.call('getCase', 'GET', { path }, options, (init) =>
      this.#caller.api.GET('/v1/cases/{case_id}', { params: { path }, ...init }),
    )
  }

  /** Changes a case's label, description or tracking flag (the receipt cannot change). */
  update(caseId: number, body: CaseUpdateParams, options?: RequestOptions): APIPromise<CaseSummary> {
    const path = { case_id: caseId }
    return this.#caller.call('updateCase', 'PUT', { path, body }, options, (init) =>
      this.#caller.api.PUT('/v1/cases/{case_id}', { params: { path }, body, ...init }),
    )
  }
}
