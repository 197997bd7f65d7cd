/**
 * Client options beyond the basics: middleware, derived clients, rotating keys, the raw response.
 *
 * Run it against the built-in mock with `npx tsx examples/client-options.ts`.
 */
// #region imports
import { ImmigraFlow, type Middleware } from 'immigraflow'
// #endregion
import { runExample } from './support'

/** Runs each case; what the README's snippets print goes to console.log, the rest is returned. */
export async function clientOptions(client: ImmigraFlow) {
  // #region middleware
  // openapi-fetch middleware sees every attempt of every call, resources and client.http alike.
  const started = new WeakMap<Request, number>()
  const timing: Middleware = {
    onRequest({ request }) {
      started.set(request, performance.now())
    },
    onResponse({ request, response }) {
      const ms = performance.now() - (started.get(request) ?? performance.now())
      console.log(`${request.method} ${new URL(request.url).pathname} → ${response.status} in ${ms.toFixed(0)} ms`)
    },
  }
  const traced = client.withOptions({ middleware: [timing] })
  const user = await traced.users.create({ email: 'lucia.fernandez@example.com', name: 'Lucía Fernández' })
  // #endregion

  // #region with-options
  // A derived client: same key and address, other settings; the original is untouched.
  const impatient = client.withOptions({ timeout: 2_000, maxRetries: 0 })
  const again = await impatient.users.retrieve(user.id)
  // #endregion

  // #region api-key-function
  // A key function is called before every attempt, retries included: rotate keys freely.
  const rotating = new ImmigraFlow({
    baseUrl: client.baseUrl,
    apiKey: async () => loadKeyFromVault(),
  })
  const page = await rotating.users.list({ limit: 1 })
  // #endregion

  // #region as-response
  // The raw Response, body unread: stream it, or read it your own way.
  const response = await client.users.retrieve(user.id).asResponse()
  console.log(response.status, response.headers.get('content-type'))
  const text = await response.text()
  // #endregion

  return { user, again, page, text }
}

/** Stands in for a secrets manager. */
async function loadKeyFromVault(): Promise<string> {
  return process.env.IMMIGRAFLOW_API_KEY ?? 'sk_test_example'
}

await runExample(import.meta.url, clientOptions)
