/** ImmigraFlow's TypeScript SDK: the client, its errors, and the types generated from openapi.yaml. */
export { type ClientOptions, DEFAULT_BASE_URL, ImmigraFlow } from './client'
export type { ApiKeySource } from './core/api-key'
export { APIPromise, type WithResponse } from './core/api-promise'
export type { RequestOptions } from './core/caller'
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  type ErrorDetail,
  GoneError,
  ImmigraFlowError,
  InternalServerError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitError,
  ValidationError,
} from './core/errors'
export type { Logger, LogLevel } from './core/logger'
export { type ListEnvelope, Page, PagePromise } from './core/pagination'
export { normalizeReceiptNumber } from './core/receipt'
export type { FetchFunction, FetchOptions, Middleware } from './core/transport'
export { ResponseValidationError } from './core/validation'
export type { components, operations, paths, webhooks } from './generated/openapi'
export type * from './types'
