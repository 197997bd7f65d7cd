/**
 * Runs an example file on its own: against the in-process mock by default, or against the
 * server in IMMIGRAFLOW_BASE_URL (for instance `npx immigraflow-mock`, whose control routes
 * give the verification tokens).
 */
import { fileURLToPath } from 'node:url'
import { ImmigraFlow } from 'immigraflow'
import { createMockApi } from 'immigraflow/mock'

export type ExampleInbox = { verificationToken(email: string): Promise<string> }
type Example = (client: ImmigraFlow, inbox: ExampleInbox) => Promise<unknown>

/** Runs `example` when its file is the script Node was started with; does nothing when imported. */
export async function runExample(moduleUrl: string, example: Example): Promise<void> {
  if (process.argv[1] !== fileURLToPath(moduleUrl)) return
  const remote = process.env.IMMIGRAFLOW_BASE_URL
  if (remote) {
    const apiKey = process.env.IMMIGRAFLOW_API_KEY ?? 'sk_test_example'
    const client = new ImmigraFlow({ apiKey })
    await example(client, remoteInbox(remote, apiKey))
    return
  }
  // The in-process mock answers the SDK through api.fetch: no server, nothing intercepted.
  const api = createMockApi()
  const client = new ImmigraFlow({ apiKey: 'sk_test_example', baseUrl: api.baseUrl, fetch: api.fetch })
  await example(client, mockInbox(api.outbox))
  await api.idle()
}

/** Reads verification tokens from an in-process mock's outbox. */
export function mockInbox(outbox: ReadonlyArray<{ to: string; token: string | null }>): ExampleInbox {
  return {
    async verificationToken(email) {
      const message = outbox.findLast((entry) => entry.to === email && entry.token)
      if (!message?.token) throw new Error(`No verification email to ${email} in the mock's outbox`)
      return message.token
    },
  }
}

/** Reads verification tokens from a standalone mock's `GET /__mock/outbox` (with the key, which a mock started with --api-key wants). */
function remoteInbox(baseUrl: string, apiKey: string): ExampleInbox {
  return {
    async verificationToken(email) {
      const response = await fetch(new URL('/__mock/outbox', baseUrl), {
        headers: { Authorization: `Bearer ${apiKey}` },
      })
      const outbox = (await response.json()) as { data: Array<{ to: string; token: string | null }> }
      return mockInbox(outbox.data).verificationToken(email)
    },
  }
}
