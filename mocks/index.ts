/**
 * `immigraflow/mock`: the platform-neutral ImmigraFlow mock, MSW handlers over a stateful
 * store. Use it with `setupServer` / `setupWorker` yourself, or through `immigraflow/mock/node`
 * and `immigraflow/mock/browser`.
 */
export {
  createMockApi,
  DEFAULT_BASE_URL,
  DEFAULT_START_TIME,
  type MockApi,
  type MockApiOptions,
  type MockSnapshot,
} from './api'
export type { MockClock } from './clock'
export { DELIVERY_JITTER, DELIVERY_RETRY_DELAYS_MS } from './delivery'
export type { FaultController } from './faults'
export { emailFailure, MAX_NOTIFY_ATTEMPTS, NOTIFY_RETRY_DELAYS_MS, whatsappFailure } from './notify'
export { type PreloadData, PreloadError, type PreloadInput, PreloadSchema, parsePreload } from './preload'
export type {
  DeliveryAttempt,
  GlobalFaults,
  MockStore,
  OutboxMessage,
  RequestLogEntry,
  WebhookEvent,
} from './store'
export { formOf, isKnownReceipt, STEPS, scriptOf, UnknownReceiptError, type UscisSimulator } from './uscis'
