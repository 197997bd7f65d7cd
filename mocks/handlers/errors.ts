/** The one error factory of the mock: every non-2xx answer is an `ApiError` turned into an ErrorEnvelope. */
import type { components } from '../../src/generated/openapi'

export type ErrorCode = components['schemas']['ErrorCode']
export type ErrorDetail = components['schemas']['ErrorDetail']

/** A failure a handler throws; the pipeline answers it as an ErrorEnvelope. */
export class ApiError extends Error {
  override name = 'ApiError'

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

/** The error code the API uses for each status. */
export const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  404: 'not_found',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  422: 'validation_failed',
  429: 'rate_limited',
  500: 'internal_error',
  502: 'upstream_error',
  503: 'service_unavailable',
}

/** Statuses whose responses must carry `Retry-After`. */
export const RETRY_AFTER_STATUSES = new Set([429, 503])

export function errorEnvelope(requestId: string, error: ApiError): components['schemas']['ErrorEnvelope'] {
  return {
    error: {
      code: error.code,
      message: error.message,
      request_id: requestId,
      ...(error.details && error.details.length > 0 ? { details: error.details } : {}),
    },
  }
}

export const notFound = (message: string) => new ApiError(404, 'not_found', message)
export const conflict = (message: string, details?: ErrorDetail[]) => new ApiError(409, 'conflict', message, details)

/** A 422 `validation_failed` naming every bad field. */
export function validationFailed(details: ErrorDetail[]): ApiError {
  const fields = details.map((detail) => detail.field)
  const noun = fields.length === 1 ? 'field' : 'fields'
  return new ApiError(
    422,
    'validation_failed',
    `The request has ${fields.length} invalid ${noun}: ${fields.join(', ')}.`,
    details,
  )
}
