/**
 * Errors and retries: typed errors to catch, and the knobs for retries and timeouts.
 *
 * Run it against the built-in mock with `npx tsx examples/errors-and-retries.ts`.
 */
// #region imports
import { ConflictError, type ImmigraFlow, NotFoundError, RateLimitError, ValidationError } from 'immigraflow'
// #endregion
import { runExample } from './support'

/** Runs each case; what the README's snippets print goes to console.log, the rest is returned. */
export async function errorsAndRetries(client: ImmigraFlow) {
  // #region catch
  try {
    await client.users.retrieve(999_999)
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error
    console.log(error.status, error.code, error.message, error.requestId)
  }
  // #endregion

  // #region validation
  // Input is checked against the spec before anything is sent.
  try {
    await client.check.status({ receipt_number: 'EAC-123' })
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    console.log(error.details) // [{ field: 'receipt_number', message: 'must be a USCIS receipt number: three letters and ten digits, …' }]
  }
  // #endregion

  await client.users.create({ email: 'wei.chen@example.com', name: 'Wei Chen' })
  let conflict: ConflictError | undefined
  try {
    await client.users.create({ email: 'WEI.CHEN@example.com', name: 'Wei Chen' })
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error
    conflict = error
  }

  // #region retries
  // Connection errors, timeouts, 408, 429 and 5xx are retried with exponential backoff,
  // honouring Retry-After. Every POST carries an Idempotency-Key reused by its retries,
  // so a retried create never creates twice.
  const patient = client.withOptions({ maxRetries: 4, timeout: 10_000 })
  const user = await patient.users.create(
    { email: 'amara.okafor@example.com', name: 'Amara Okafor' },
    { idempotencyKey: 'signup-amara-okafor', timeout: 5_000 },
  )
  // #endregion

  // #region no-retries
  try {
    await client.users.list({}, { maxRetries: 0, headers: { Prefer: 'code=429' } })
  } catch (error) {
    if (!(error instanceof RateLimitError)) throw error
    console.log(`Rate limited; the server asks to wait ${error.headers.get('retry-after')} s`)
  }
  // #endregion
  return { conflict, user }
}

await runExample(import.meta.url, errorsAndRetries)
