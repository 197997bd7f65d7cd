/** `POST /v1/check`: ask the simulated USCIS now and record what changed. */
import { normalizeReceiptNumber } from '../../src/core/receipt'
import type { MockContext } from '../context'
import { initialNotifyFields, scheduleNotifications } from '../notify'
import { ApiError } from './errors'
import { type MockRoute, route } from './route'

export function checkHandlers(ctx: MockContext): MockRoute[] {
  return [
    route(ctx, 'checkCaseStatus', ({ body }) => {
      const receipt = normalizeReceiptNumber(body.receipt_number)
      const outage = ctx.uscis.takeOutage()
      if (outage) {
        const headers = { 'Retry-After': String(outage.retry_after) }
        if (outage.status === 429) {
          throw new ApiError(
            429,
            'rate_limited',
            `USCIS is throttling checks. Retry after ${outage.retry_after} seconds.`,
            undefined,
            headers,
          )
        }
        if (outage.status === 502) {
          throw new ApiError(
            502,
            'upstream_error',
            `USCIS returned an unreadable answer for ${receipt}.`,
            undefined,
            headers,
          )
        }
        throw new ApiError(
          503,
          'service_unavailable',
          `USCIS is not answering. Retry after ${outage.retry_after} seconds.`,
          undefined,
          headers,
        )
      }
      const status = ctx.uscis.lookup(receipt)
      if (!status) throw new ApiError(404, 'receipt_not_found', `USCIS has no case with receipt number ${receipt}.`)

      const state = ctx.state()
      const checkedAt = ctx.now()
      const checked: number[] = []
      const updated: number[] = []
      let changed = false
      for (const id of state.caseIdsByReceipt.get(receipt) ?? []) {
        const record = state.cases.get(id)
        if (!record?.active) continue
        checked.push(id)
        record.last_checked = checkedAt
        const previous = ctx.store.latestStatusUpdate(id)
        if (previous && previous.status_code === status.status_code && previous.modified_date === status.modified_date)
          continue
        const baseline = previous === undefined
        const user = ctx.store.getUser(record.user_id)
        const update = ctx.store.insertStatusUpdate({
          case_id: id,
          status_code: status.status_code,
          status_description: status.status_description,
          form_type: status.form_type,
          detail_message: baseline
            ? 'First status observed for this case.'
            : previous.status_code === status.status_code
              ? `USCIS updated "${status.status_code}" on ${status.modified_date.slice(0, 10)}.`
              : `Status changed from "${previous.status_code}" to "${status.status_code}".`,
          status_code_es: status.status_code_es,
          status_description_es: status.status_description_es,
          submitted_date: status.submitted_date,
          modified_date: status.modified_date,
          history: status.history,
          timestamp: checkedAt,
          ...initialNotifyFields(user, baseline),
        })
        updated.push(id)
        if (baseline) continue
        changed = true
        ctx.emit('case.status_changed', {
          case: ctx.store.caseSummary(record),
          status_update: update,
          previous_status_code: previous.status_code,
        })
        scheduleNotifications(ctx, update)
      }
      return {
        status: 200,
        body: {
          receipt_number: receipt,
          status,
          checked_at: checkedAt,
          changed,
          checked_case_ids: checked,
          updated_case_ids: updated,
        },
      }
    }),
  ]
}
