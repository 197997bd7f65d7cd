/**
 * What the console reads from the control routes, as they answer it. Types only: nothing here
 * reaches the page's script.
 */
import type { DeliveryAttempt, OutboxMessage, RequestLogEntry, UserStatus, WebhookEvent } from '../../store'

export type { OutboxMessage, WebhookEvent }

export interface ChannelOutcome {
  status: 'pending' | 'sent' | 'failed' | 'skipped'
  attempts: number
  last_error: string | null
  sent_at: string | null
}

export interface TimelineEntry {
  id: number
  status_code: string
  status_code_es: string
  status_description: string
  status_description_es: string
  form_type: string
  detail_message: string
  modified_date: string
  recorded_at: string
  notifications: { email: ChannelOutcome; whatsapp: ChannelOutcome }
}

export interface CaseView {
  id: number
  receipt_number: string
  user_case_id: string | null
  description: string | null
  active: boolean
  created_at: string
  last_checked: string | null
  timeline: TimelineEntry[]
}

export interface UserView {
  id: number
  email: string
  name: string
  phone: string | null
  status: UserStatus
  notify_by_email: boolean
  notify_by_whatsapp: boolean
  created_at: string
  updated_at: string
  cases: CaseView[]
}

export interface WebhookView {
  id: number
  url: string
  events: string[]
  description: string | null
  active: boolean
  disabled_reason: string | null
  created_at: string
  updated_at: string
}

/** `GET /__mock/state`. */
export interface MockStateView {
  now: string
  pending_jobs: number
  next_job_at: string | null
  faults: { fail_rate: number; code: number; latency_ms: number; reset: boolean }
  uscis_outage: { status: 429 | 502 | 503; retry_after: number; remaining: number | null } | null
  users: UserView[]
  webhooks: WebhookView[]
}

/** A delivery attempt with the headers it was sent with and what the receiver answered. */
export type Delivery = DeliveryAttempt & {
  duration_ms?: number
  response_excerpt?: string | null
  signature?: string
  timestamp?: string
  redelivery?: boolean
}

/** A request log entry with the start of its request and response bodies. */
export type LoggedRequest = RequestLogEntry & {
  request_body?: string | null
  response_body?: string | null
}

export interface ConsoleData {
  state: MockStateView
  outbox: OutboxMessage[]
  deliveries: Delivery[]
  events: WebhookEvent[]
  requests: LoggedRequest[]
}
