import type { ZodType } from 'zod'
import type { OperationId } from '../generated/zod'
import { ImmigraFlowError } from './base-error'
import { type ErrorDetail, ValidationError } from './errors'
import { check, summarizeDetails } from './zod-details'

/** What a call sends: path parameters, query parameters and body. */
export type OperationInput = {
  path?: Record<string, unknown>
  query?: Record<string, unknown>
  body?: unknown
}

// The schemas load on first use, so code that never calls the API (or only verifies
// webhooks) does not pay for zod at start-up or in its bundle.
let schemas: Promise<typeof import('../generated/zod')> | undefined
const loadSchemas = () => {
  schemas ??= import('../generated/zod')
  return schemas
}

/**
 * Checks a call's input against the spec's schemas and throws a `ValidationError` naming
 * every invalid field, before anything is sent.
 */
export async function checkInput(operationId: OperationId, input: OperationInput): Promise<void> {
  const { operations } = await loadSchemas()
  const operation = operations[operationId]
  const failures = [
    check(operation.pathParams, input.path ?? {}),
    check(operation.query, input.query ?? {}),
    ...(operation.body ? [check(operation.body, input.body)] : []),
  ]
  const details = failures.flatMap((result) => (result.ok ? [] : result.details))
  if (details.length === 0) return
  throw new ValidationError({
    status: undefined,
    code: 'validation_failed',
    message: `Invalid ${operationId} request, not sent: ${summarizeDetails(details)}.`,
    requestId: undefined,
    details,
    headers: new Headers(),
  })
}

/** A response that does not match the spec (only raised with `validateResponses: true`). */
export class ResponseValidationError extends ImmigraFlowError {
  override name = 'ResponseValidationError'
  /** The response fields that do not match the spec. */
  readonly details: ErrorDetail[]

  constructor(message: string, details: ErrorDetail[]) {
    super(message)
    this.details = details
  }
}

/** Checks a successful response body against the spec's schema for its status. */
export async function checkResponse(operationId: OperationId, status: number, data: unknown): Promise<void> {
  const { operations } = await loadSchemas()
  const responses: Partial<Record<number, ZodType | null>> = operations[operationId].responses
  const schema = responses[status]
  if (schema === undefined) {
    throw new ResponseValidationError(`${operationId} answered status ${status}, which the spec does not list.`, [])
  }
  if (schema === null) return
  const result = check(schema, data)
  if (result.ok) return
  throw new ResponseValidationError(
    `${operationId} answered ${status} with a body that does not match the spec: ${summarizeDetails(result.details)}.`,
    result.details,
  )
}
