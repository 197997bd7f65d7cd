import type { APIPromise } from '../core/api-promise'
import type { Caller, RequestOptions } from '../core/caller'
import { withNormalizedReceipt } from '../core/receipt'
import type { CheckParams, CheckResult } from '../types'

/** Asks USCIS for a receipt's status now. */
export class Check {
  readonly #caller: Caller

  constructor(caller: Caller) {
    this.#caller = caller
  }

  /**
   * Checks a receipt at USCIS now; every active case tracking it is updated, and changes are
   * recorded, notified and sent to webhooks. The receipt may be typed as people do.
   */
  status(params: CheckParams, options?: RequestOptions): APIPromise<CheckResult> {
    const body = withNormalizedReceipt(params)
    return this.#caller.call('checkCaseStatus', 'POST', { body }, options, (init) =>
      this.#caller.api.POST('/v1/check', { body, ...init }),
    )
  }
}
