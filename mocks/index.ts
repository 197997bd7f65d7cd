/**
 * `immigraflow/mock`: the platform-neutral ImmigraFlow mock, a stateful store behind one request
 * pipeline. It imports neither msw nor Node, so it loads wherever fetch exists (Node, Bun, Deno,
 * workers, edge runtimes, browsers): answer requests with `api.fetch` or `api.handle`. MSW hosts
 * live in `immigraflow/mock/node` and `immigraflow/mock/browser`.
 */
export {
  createMockApi,
  DEFAULT_BASE_URL,
  DEFAULT_START_TIME,
  type MockApi,
  type MockApiOptions,
  type MockSnapshot,
} from './api'
export type { MockChange, MockChangeListener } from './changes'
export type { AdvanceReport, MockClock } from './clock'
export {
  createMockControl,
  type MockControl,
  MockControlError,
  type MockControlErrorDetails,
  type MockControlOptions,
  RequestExpectationError,
  type RequestExpectationOptions,
  type UscisFailOptions,
} from './control-client'
export {
  formatCoverage,
  type MockCoverage,
  mergeCoverage,
  type OperationCoverage,
  type UndocumentedCoverage,
  type WebhookCoverage,
} from './coverage'
export { DELIVERY_JITTER, DELIVERY_RETRY_DELAYS_MS } from './delivery'
export type { ExpectationResult, NearMiss, RequestExpectation, RequestFilter } from './expect'
export { type FaultController, type FaultSettings, MAX_LATENCY_MS, MAX_WEBHOOK_DELAY_MS } from './faults'
export { emailFailure, MAX_NOTIFY_ATTEMPTS, NOTIFY_RETRY_DELAYS_MS, whatsappFailure } from './notify'
export { type PreloadData, PreloadError, type PreloadInput, PreloadSchema, parsePreload } from './preload'
export {
  checkSessionName,
  coverageOfEverySession,
  createMockSessions,
  DEFAULT_MAX_SESSIONS,
  DEFAULT_SESSION,
  type MockSessions,
  type MockSessionsOptions,
  SESSION_HEADER,
  SessionError,
  type SessionInfo,
  type SessionsCoverage,
} from './sessions'
export type {
  DeliveryAttempt,
  GlobalFaults,
  MockStore,
  OutboxMessage,
  RequestLogEntry,
  WebhookChaos,
  WebhookChaosMark,
  WebhookEvent,
} from './store'
export {
  formOf,
  isKnownReceipt,
  STEPS,
  scriptOf,
  UnknownReceiptError,
  type UscisSimulator,
  type UscisStep,
  type UscisTitle,
} from './uscis'
export { WEBHOOK_DELAY_SHARE, WEBHOOK_REORDER_HOLD_MS, WEBHOOK_REORDER_SHARE } from './webhook-chaos'
