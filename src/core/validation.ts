import type { ZodMiniType } from 'zod/mini'
import type { OperationId } from '../generated/operations'
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
type Schemas = typeof import('../generated/sdk-operations')
let schemas: Promise<Schemas> | undefined
/** The schemas once loaded: later calls check their input without waiting on the import. */
let loaded: Schemas | undefined
const loadSchemas = () => {
  schemas ??= import('../generated/sdk-operations').then((module) => {
    loaded = module
    return module
  })
  return schemas
}

/**
 * Whether a schema accepts an empty object. Parsing is deterministic, so a call that sends no path
 * or query parameters need not parse `{}` again each time: most calls send no query at all.
 */
const acceptsEmpty = new WeakMap<ZodMiniType, boolean>()
function emptyIsValid(schema: ZodMiniType): boolean {
  let valid = acceptsEmpty.get(schema)
  if (valid === undefined) {
    valid = schema.safeParse({}).success
    acceptsEmpty.set(schema, valid)
  }
  return valid
}

function collect(details: ErrorDetail[], schema: ZodMiniType, value: unknown): ErrorDetail[] {
  if (value === undefined && emptyIsValid(schema)) return details
  const result = check(schema, value ?? {})
  return result.ok ? details : details.concat(result.details)
}

/**
 * The body as JSON will send it: keys whose value is undefined are dropped by `JSON.stringify`,
 * so `{ name: undefined }` must be checked as `{}` (an update with no field), not pass as a
 * body that names a field.
 */
function asSent(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body
  const values = Object.values(body)
  if (!values.includes(undefined)) return body
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined))
}

function checkLoaded({ operations }: Schemas, operationId: OperationId, input: OperationInput): void {
  const operation = operations[operationId]
  let details: ErrorDetail[] = []
  details = collect(details, operation.pathParams, input.path)
  details = collect(details, operation.query, input.query)
  if (operation.body) {
    const result = check(operation.body, asSent(input.body))
    if (!result.ok) details = details.concat(result.details)
  }
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

/**
 * Checks a call's input against the spec's schemas and throws a `ValidationError` naming
 * every invalid field, before anything is sent. Once the schemas are loaded it checks at once
 * and returns undefined (this runs on every call); before that it returns a promise.
 */
export function checkInput(operationId: OperationId, input: OperationInput): Promise<void> | undefined {
  if (loaded) {
    checkLoaded(loaded, operationId, input)
    return undefined
  }
  return loadSchemas().then((module) => checkLoaded(module, operationId, input))
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
  const responses: Partial<Record<number, ZodMiniType | null>> = operations[operationId].responses
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
