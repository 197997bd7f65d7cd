import type { components } from '../generated/openapi'
import { ImmigraFlowError } from './base-error'

export { ImmigraFlowError }

type ErrorCode = components['schemas']['ErrorCode']
/** One invalid field: its dot-separated path and what is wrong with it. */
export type ErrorDetail = components['schemas']['ErrorDetail']

/** What an API error carries, whether the server answered or the SDK caught the problem first. */
export type APIErrorInit = {
  /** The HTTP status, or undefined when the SDK rejected the input before sending. */
  status: number | undefined
  /** The API's error code, e.g. `not_found`, `receipt_not_found`, `idempotency_key_reused`. */
  code: ErrorCode | (string & {}) | undefined
  message: string
  /** The `X-Request-Id` of the response; quote it when contacting support. */
  requestId: string | undefined
  /** One entry per invalid field, for 422 and local validation errors. */
  details: ErrorDetail[]
  /** The response headers (empty for errors raised before a response). */
  headers: Headers
  /** The parsed response body, as the server sent it. */
  body?: unknown
}

/** An error response from the ImmigraFlow API (or input the API would reject, caught before sending). */
export class APIError extends ImmigraFlowError {
  override name = 'APIError'
  /** The HTTP status, or undefined when the SDK rejected the input before sending. */
  readonly status: number | undefined
  /** The API's error code, e.g. `not_found`, `receipt_not_found`, `idempotency_key_reused`. */
  readonly code: APIErrorInit['code']
  /** The `X-Request-Id` of the response; quote it when contacting support. */
  readonly requestId: string | undefined
  /** One entry per invalid field. */
  readonly details: ErrorDetail[]
  /** The response headers. */
  readonly headers: Headers
  /** The parsed response body. */
  readonly body: unknown

  constructor(init: APIErrorInit, options?: { cause?: unknown }) {
    super(init.message, options)
    this.status = init.status
    this.code = init.code
    this.requestId = init.requestId
    this.details = init.details
    this.headers = init.headers
    this.body = init.body
  }

  /** Builds the error class that matches an HTTP status: the one place statuses map to classes. */
  static generate(status: number, body: unknown, headers: Headers): APIError {
    const init = errorInitFromBody(status, body, headers)
    switch (status) {
      case 400:
        return new BadRequestError(init)
      case 401:
        return new AuthenticationError(init)
      case 404:
        return new NotFoundError(init)
      case 409:
        return new ConflictError(init)
      case 410:
        return new GoneError(init)
      case 413:
        return new PayloadTooLargeError(init)
      case 422:
        return new ValidationError(init)
      case 429:
        return new RateLimitError(init)
      default:
        return status >= 500 ? new InternalServerError(init) : otherStatusError(init)
    }
  }
}

/** An `APIError` for a status without a class of its own (outside `APIError`'s body: see base-error.ts). */
function otherStatusError(init: APIErrorInit): APIError {
  return new APIError(init)
}

/** 400: the body was not JSON or not sent as JSON. */
export class BadRequestError extends APIError {
  override name = 'BadRequestError'
}
/** 401: the API key is missing or not valid. */
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError'
}
/** 404: no such user, case, webhook or token; `code: 'receipt_not_found'` when USCIS does not know the receipt. */
export class NotFoundError extends APIError {
  override name = 'NotFoundError'
}
/** 409: duplicate email, receipt already tracked by the user, or verification token already used. */
export class ConflictError extends APIError {
  override name = 'ConflictError'
}
/** 410: the verification token expired. */
export class GoneError extends APIError {
  override name = 'GoneError'
}
/** 413: the request body is over 1 MiB. */
export class PayloadTooLargeError extends APIError {
  override name = 'PayloadTooLargeError'
}
/** 422 or local input checking: invalid fields (see `details`), or an `Idempotency-Key` reused with another body. */
export class ValidationError extends APIError {
  override name = 'ValidationError'
}
/** 429: too many requests; the SDK already waited `Retry-After` and retried `maxRetries` times. */
export class RateLimitError extends APIError {
  override name = 'RateLimitError'
}
/** 5xx: ImmigraFlow or USCIS failed; the SDK already retried `maxRetries` times. */
export class InternalServerError extends APIError {
  override name = 'InternalServerError'
}

/** The request never got a response: DNS, refused connection, reset, or another network failure. */
export class APIConnectionError extends ImmigraFlowError {
  override name = 'APIConnectionError'
  constructor(message = 'Could not reach the ImmigraFlow API.', options?: { cause?: unknown }) {
    super(message, options)
  }
}

/** No response arrived within the `timeout` (per attempt), after every retry. */
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = 'APIConnectionTimeoutError'
  constructor(message = 'The request to the ImmigraFlow API timed out.', options?: { cause?: unknown }) {
    super(message, options)
  }
}

/** The caller aborted the request through its `signal`. */
export class APIUserAbortError extends ImmigraFlowError {
  override name = 'APIUserAbortError'
  constructor(message = 'The request was aborted.', options?: { cause?: unknown }) {
    super(message, options)
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function errorInitFromBody(status: number, body: unknown, headers: Headers): APIErrorInit {
  const requestId = headers.get('x-request-id') ?? undefined
  const envelope = isRecord(body) && isRecord(body.error) ? body.error : undefined
  const details = Array.isArray(envelope?.details)
    ? envelope.details.filter(
        (detail): detail is ErrorDetail =>
          isRecord(detail) && typeof detail.field === 'string' && typeof detail.message === 'string',
      )
    : []
  const serverMessage = typeof envelope?.message === 'string' ? envelope.message : undefined
  const fallback = typeof body === 'string' && body.length > 0 ? body.slice(0, 500) : `HTTP ${status}`
  return {
    status,
    code: typeof envelope?.code === 'string' ? envelope.code : undefined,
    message: `${status} ${serverMessage ?? fallback}`,
    requestId: typeof envelope?.request_id === 'string' ? envelope.request_id : requestId,
    details,
    headers,
    body,
  }
}
