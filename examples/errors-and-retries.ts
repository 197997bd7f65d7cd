/**
 * Errors and retries: typed errors to catch, and the knobs for retries and timeouts.
 *
 * Run it against the built-in mock with `npx tsx examples/errors-and-retries.ts`.
 */
import { ConflictError, ImmigraFlow, NotFoundError, RateLimitError, ValidationError } from 'immigraflow'
import { runExample } from './support'

export async function errorsAndRetries(client: ImmigraFlow) {
  const outcomes: string[] = []

  // #region catch
  try {
    await client.users.retrieve(999_999)
  } catch (error) {
    if (error instanceof NotFoundError) {
      console.log(error.status, error.code, error.message, error.requestId)
      outcomes.push(error.code ?? '')
    } else {
      throw error
    }
  }
  // #endregion

  // #region validation
  // Input is checked against the spec before anything is sent.
  try {
    await client.check.status({ receipt_number: 'EAC-123' })
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    console.log(error.details) // [{ field: 'receipt_number', message: 'must be a USCIS receipt number: three letters and ten digits, …' }]
    outcomes.push(error.details[0]?.field ?? '')
  }
  // #endregion

  await client.users.create({ email: 'wei.chen@example.com', name: 'Wei Chen' })
  try {
    await client.users.create({ email: 'WEI.CHEN@example.com', name: 'Wei Chen' })
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error
    outcomes.push(error.code ?? '')
  }

  // #region retries
  // Connection errors, timeouts, 408, 429 and 5xx are retried with exponential backoff,
  // honouring Retry-After. Every POST carries an Idempotency-Key reused by its retries,
  // so a retried create never creates twice.
  const patient = new ImmigraFlow({
    apiKey: 'sk_test_example',
    baseUrl: client.baseUrl,
    maxRetries: 4,
    timeout: 10_000,
  })
  const user = await patient.users.create(
    { email: 'amara.okafor@example.com', name: 'Amara Okafor' },
    { idempotencyKey: 'signup-amara-okafor', timeout: 5_000 },
  )
  // #endregion
  outcomes.push(user.status)

  // #region no-retries
  try {
    await client.users.list({}, { maxRetries: 0, headers: { Prefer: 'code=429' } })
  } catch (error) {
    if (!(error instanceof RateLimitError)) throw error
    console.log(`Rate limited; the server asks to wait ${error.headers.get('retry-after')} s`)
    outcomes.push(error.code ?? '')
  }
  // #endregion
  return outcomes
}

await runExample(import.meta.url, errorsAndRetries)
