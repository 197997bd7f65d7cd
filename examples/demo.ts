/**
 * A guided tour of ImmigraFlow: `npm run demo`.
 *
 * Starts the mock (no setup, no key needed) and walks the product with the SDK: register a
 * user, read the verification email, verify, track two cases, check them at (simulated)
 * USCIS, let a week pass on the mock clock, see the status change in English and Spanish,
 * the email and WhatsApp notifications, and a signed webhook received and verified by a
 * local receiver.
 *
 *   npm run demo                                   # embedded mock
 *   npm run demo -- --base-url http://127.0.0.1:4010   # any ImmigraFlow-compatible server with
 *                                                  # the mock's /__mock/ control routes
 *   npm run demo -- --base-url URL --api-key KEY   # a server started with --api-key KEY
 */
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { parseArgs, styleText } from 'node:util'
import { ConflictError, ImmigraFlow, ImmigraFlowError } from 'immigraflow'
import { startMockServer } from 'immigraflow/mock/node'
import type { WebhookEvent } from 'immigraflow/webhooks'
import { createWebhookReceiver } from './webhook-receiver'

const WEEK_MS = 7 * 24 * 60 * 60 * 1000
/** Two receipts whose simulated USCIS lifecycles move within a week (see the README's USCIS rules). */
const RECEIPTS = [
  // `metadata` holds your own data on a case, such as the id your CRM gives it.
  { receipt_number: 'eac-21-900-12302', user_case_id: 'Green card', metadata: { crm_case_id: 'OPP-2291' } },
  { receipt_number: 'IOE 09123 45220', user_case_id: 'Work permit', metadata: { crm_case_id: 'OPP-2292' } },
]

type Style = Parameters<typeof styleText>[0]
type Printer = { step(title: string): void; line(text: string, style?: Style): void; done(text: string): void }

/** Coloured output on a terminal, plain text elsewhere (and with NO_COLOR). */
export function createPrinter(write: (text: string) => void, color: boolean): Printer {
  let step = 0
  const paint = (style: Style, text: string) => (color ? styleText(style, text) : text)
  return {
    step(title) {
      step += 1
      write(`\n${paint('bold', paint('cyan', `${step}. ${title}`))}`)
    },
    line(text, style = 'reset') {
      write(`   ${paint(style, text)}`)
    },
    done(text) {
      write(`\n${paint('bold', paint('green', `✔ ${text}`))}`)
    },
  }
}

/**
 * The mock's control routes, over HTTP, so the tour works against any running mock (one started
 * with --api-key wants the key on its control routes too).
 */
function controls(baseUrl: string, apiKey: string) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(new URL(`/__mock/${path}`, baseUrl), {
      method,
      headers: {
        Authorization: `Bearer ${apiKey}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`${method} /__mock/${path} answered ${response.status}: ${await response.text()}`)
    return (await response.json()) as T
  }
  type Message = { channel: string; kind: string; to: string; text: string; token: string | null; status: string }
  return {
    outbox: async () => (await call<{ data: Message[] }>('GET', 'outbox')).data,
    advance: (ms: number) => call<{ now: string }>('POST', 'clock', { advance_ms: ms }),
    idle: () => call<unknown>('POST', 'idle'),
  }
}

/**
 * Registers the tour's user. A server that already has her (a second tour against the same
 * standalone mock) gets the next free address, maria.lopez+2@example.com and so on.
 */
async function register(client: ImmigraFlow, print: Printer) {
  const profile = { name: 'María López', phone: '+14155550123', notify_by_whatsapp: true }
  for (let n = 1; ; n++) {
    const email = n === 1 ? 'maria.lopez@example.com' : `maria.lopez+${n}@example.com`
    try {
      return await client.users.create({ email, ...profile })
    } catch (error) {
      if (!(error instanceof ConflictError) || n >= 50) throw error
      print.line(`${email} is already registered on this server; trying the next address`, 'dim')
    }
  }
}

/** Runs the tour against `baseUrl`; returns what happened, for the test that runs it. */
export async function tour(baseUrl: string, print: Printer, { apiKey = 'sk_test_demo' }: { apiKey?: string } = {}) {
  const mock = controls(baseUrl, apiKey)
  const client = new ImmigraFlow({ apiKey, baseUrl, logLevel: 'off' })
  print.line(`ImmigraFlow at ${baseUrl}`, 'dim')

  print.step('A webhook receiver on this machine')
  const secrets: string[] = []
  const received: WebhookEvent[] = []
  // A receiver as in production: deliveries carry the real time, however far the mock clock moves.
  const receiver = createWebhookReceiver({ secret: secrets, onEvent: (event) => received.push(event) })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks`
  try {
    const webhook = await client.webhooks.create({ url: receiverUrl, events: ['*'], description: 'Demo receiver' })
    secrets.push(webhook.secret ?? '')
    print.line(`Subscribed ${receiverUrl} to every event; signing secret ${webhook.secret?.slice(0, 10)}…`, 'dim')

    print.step('Register a user')
    const user = await register(client, print)
    print.line(`${user.name} <${user.email}> is ${user.status}`)

    print.step('Read the verification email')
    const email = (await mock.outbox()).find((message) => message.kind === 'verification' && message.to === user.email)
    if (!email?.token) throw new Error('No verification email arrived')
    print.line(email.text.split('\n')[0] ?? '', 'dim')
    print.line(`Token: ${email.token}`)

    print.step('Verify the email')
    const verified = await client.users.verifyEmail({ token: email.token })
    print.line(`${verified.name} is now ${verified.status}`, 'green')

    print.step('Track two cases')
    const cases = []
    for (const params of RECEIPTS) {
      const { case: tracked } = await client.cases.create(user.id, params)
      cases.push(tracked)
      print.line(
        `#${tracked.id} ${tracked.receipt_number}  "${tracked.user_case_id}"  (typed as "${params.receipt_number}")  CRM ${tracked.metadata.crm_case_id}`,
      )
    }

    print.step("Find a case by your CRM's id (a metadata filter)")
    const found = await client.cases.list(user.id, { metadata: { crm_case_id: 'OPP-2292' } })
    for (const item of found.data) print.line(`OPP-2292 is case #${item.id} (${item.user_case_id})`)

    print.step('Check them at USCIS (the first look is a baseline: recorded, not notified)')
    for (const tracked of cases) {
      const check = await client.check.status({ receipt_number: tracked.receipt_number })
      print.line(`${tracked.receipt_number} ${check.status.form_type}: ${check.status.status_code}`)
      print.line(`   ${check.status.status_code_es}`, 'dim')
    }

    print.step('A week passes on the mock clock')
    const { now } = await mock.advance(WEEK_MS)
    print.line(`Mock time is now ${now}`, 'dim')

    print.step('Check again: USCIS has news')
    // The outbox so far, so that only this check's notifications are shown below.
    const sentBefore = (await mock.outbox()).length
    const changes = []
    for (const tracked of cases) {
      const check = await client.check.status({ receipt_number: tracked.receipt_number })
      changes.push(check)
      print.line(
        `${tracked.receipt_number}: ${check.changed ? 'changed' : 'unchanged'}`,
        check.changed ? 'yellow' : 'dim',
      )
      print.line(`   EN  ${check.status.status_code}: ${check.status.status_description}`)
      print.line(`   ES  ${check.status.status_code_es}: ${check.status.status_description_es}`, 'dim')
    }
    await mock.idle()

    print.step('Notifications went out by email and WhatsApp')
    for (const tracked of cases) {
      const latest = (await client.cases.retrieve(tracked.id)).status_updates[0]
      if (!latest) continue
      print.line(
        `${tracked.receipt_number}, status update #${latest.id}: email ${latest.email_notify_status}, WhatsApp ${latest.whatsapp_notify_status}`,
      )
    }
    const notifications = (await mock.outbox()).slice(sentBefore).filter((message) => message.kind === 'status_update')
    for (const message of notifications) {
      print.line(`${message.channel.padEnd(8)} → ${message.to}: ${message.text.split('\n')[0]}`, 'dim')
    }

    print.step('Signed webhooks arrived and were verified by the receiver')
    for (const event of received) {
      const extra = event.type === 'case.status_changed' ? ` (${event.data.status_update.status_code})` : ''
      print.line(`${event.type.padEnd(20)} ${event.id}${extra}`)
    }
    print.done('That is ImmigraFlow: register, verify, track, check, notify, webhook.')
    return { user: verified, changes, notifications, received }
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()))
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'base-url': { type: 'string' }, 'api-key': { type: 'string' }, help: { type: 'boolean' } },
  })
  if (values.help) {
    console.log('Usage: npm run demo [-- --base-url URL [--api-key KEY]]')
    console.log('  --base-url URL  a running mock (npx immigraflow-mock) instead of the embedded one')
    console.log('  --api-key KEY   the key it accepts (default IMMIGRAFLOW_API_KEY, else sk_test_demo)')
    return
  }
  const print = createPrinter(console.log, Boolean(process.stdout.isTTY) && !process.env.NO_COLOR)
  const remote = values['base-url']
  if (remote) {
    await tour(remote, print, { apiKey: values['api-key'] ?? process.env.IMMIGRAFLOW_API_KEY })
    return
  }
  // #region standalone
  // A real HTTP server on a free port: any client, in any language, can use `mock.url`.
  const mock = await startMockServer({ port: 0 })
  try {
    await tour(mock.url, print) // mock.api is the same control object as setupMockServer's
  } finally {
    await mock.close()
  }
  // #endregion
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    const message = error instanceof ImmigraFlowError || error instanceof Error ? error.message : String(error)
    console.error(`Demo failed: ${message}`)
    process.exit(1)
  })
}
