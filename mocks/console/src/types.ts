/**
 * What the console reads from the control routes, as they answer it. Types only: nothing here
 * reaches the page's script.
 */
import type { MockStateView } from '../../control'
import type { SessionInfo } from '../../sessions'
import type { DeliveryAttempt, OutboxMessage, RequestLogEntry, WebhookEvent } from '../../store'

export type { CaseView, FaultsView, TimelineEntry, UserView } from '../../control'
export type { OutboxMessage, SessionInfo, WebhookEvent }

export interface ConsoleData {
  state: MockStateView
  outbox: OutboxMessage[]
  deliveries: DeliveryAttempt[]
  events: WebhookEvent[]
  requests: RequestLogEntry[]
}
