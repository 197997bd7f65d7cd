/**
 * The mock console in Chromium: the standalone mock serves it at /__mock/, the SDK acts as an app
 * would, and the console shows each change live and drives the mock's controls. Fails on any
 * console error in the page and on any request the page sends anywhere but the mock.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningMockServer, type StartMockServerOptions, startMockServer } from '../../mocks/server'
import { ImmigraFlow } from '../../src/index'
import { CHROMIUM_ARGS, chromiumHere } from '../browser/chromium'
import { startReceiver } from '../helpers/mock-receiver'

const chromiumDecision = chromiumHere()
if (!chromiumDecision.run && !chromiumDecision.fail) process.stderr.write(`${chromiumDecision.message}\n`)
const describeInBrowser = chromiumDecision.run || chromiumDecision.fail ? describe : describe.skip
const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url))
const LIVE = { timeout: 10_000 }

type Problem = { kind: string; text: string; url: string }

let browser: Browser | undefined

/** A page on the console of `server` that records every console error and every request leaving the mock. */
async function openConsole(server: RunningMockServer, problems: Problem[], path = '/__mock/'): Promise<Page> {
  if (!browser) throw new Error('no browser')
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-US' })
  page.setDefaultTimeout(LIVE.timeout)
  const origin = new URL(server.url).origin
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push({ kind: `console.${message.type()}`, text: message.text(), url: message.location().url })
  })
  page.on('pageerror', (error) => problems.push({ kind: 'pageerror', text: String(error), url: page.url() }))
  page.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin)
      problems.push({ kind: 'request off the mock', text: request.method(), url })
  })
  page.on('dialog', (dialog) => void dialog.accept())
  await page.goto(`${server.url}${path}`)
  return page
}

/**
 * Runs `test` on the console of a fresh standalone mock (port 0, `options`; `prepare` runs before
 * the page opens), then checks the page logged no problem. The page and the server are closed
 * either way.
 */
async function withConsole(
  options: StartMockServerOptions & { prepare?: (server: RunningMockServer) => void },
  test: (context: { server: RunningMockServer; page: Page }) => Promise<void>,
): Promise<void> {
  const { prepare, ...serverOptions } = options
  const server = await startMockServer({ port: 0, ...serverOptions })
  const problems: Problem[] = []
  try {
    prepare?.(server)
    const page = await openConsole(server, problems)
    try {
      await test({ server, page })
      expect(problems).toEqual([])
    } finally {
      await page.close()
    }
  } finally {
    await server.close()
  }
}

/** What each input of the Global faults form shows, by label: its value, or whether a checkbox is checked. */
async function formValues(page: Page): Promise<Record<string, string | boolean>> {
  const values: Record<string, string | boolean> = {}
  for (const label of await page.locator('#faults-form label').all()) {
    const input = label.locator('input')
    const name = (await label.textContent())?.trim() ?? ''
    values[name] =
      (await input.getAttribute('type')) === 'checkbox' ? await input.isChecked() : await input.inputValue()
  }
  return values
}

/** Waits until the input with this id shows `value`. */
const waitForValue = (page: Page, id: string, value: string) =>
  page.waitForFunction(
    ([id, value]) => (document.getElementById(id as string) as HTMLInputElement | null)?.value === value,
    [id, value],
    LIVE,
  )

const shot = (page: Page, name: string) => page.screenshot({ path: `${artifacts}${name}.png` })

beforeAll(async () => {
  if (!chromiumDecision.run) {
    if (chromiumDecision.fail) throw new Error(chromiumDecision.message)
    return
  }
  await mkdir(artifacts, { recursive: true })
  browser = await chromium.launch({
    executablePath: chromiumDecision.executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
  })
})

afterAll(async () => {
  await browser?.close()
})

describeInBrowser('the mock console in Chromium', () => {
  it('follows a user from sign-up to a redelivered webhook, live', async () => {
    const server = await startMockServer({ port: 0 })
    const receiver = await startReceiver(200)
    const problems: Problem[] = []
    const page = await openConsole(server, problems)
    try {
      const client = new ImmigraFlow({ apiKey: 'sk_test_console', baseUrl: server.url, maxRetries: 0 })
      await page.locator('body[data-state="ready"]').waitFor(LIVE)
      await expect.poll(() => page.locator('#live').textContent(), LIVE).toBe('Live')

      // 1. The SDK registers a user; the verification email appears without a reload.
      const user = await client.users.create({ email: 'ana.ruiz@example.com', name: 'Ana Ruiz' })
      await page.getByRole('tab', { name: /Outbox/ }).click()
      const verify = page.getByRole('button', { name: 'Verify ana.ruiz@example.com' })
      await verify.waitFor(LIVE)
      await shot(page, '1-outbox')

      // 2. Verify from the console: the user becomes active through the API.
      await verify.click()
      await page.getByRole('button', { name: 'User verified' }).waitFor(LIVE)
      expect((await client.users.retrieve(user.id)).status).toBe('active')

      // 3. The app adds a case and checks it; the console shows its status in English and Spanish.
      await client.webhooks.create({ url: receiver.url, events: ['case.status_changed'] })
      const receipt = 'IOE0915220200'
      await client.cases.create(user.id, { receipt_number: receipt, description: 'Green card' })
      const first = await client.check.status({ receipt_number: receipt })
      await page.getByRole('tab', { name: /Users and cases/ }).click()
      const theCase = page.locator('details.case', { hasText: receipt })
      await theCase.locator('summary').click()
      const timeline = theCase.getByRole('table', { name: `Status timeline of ${receipt}` })
      await timeline.getByText(first.status.status_code_es, { exact: true }).first().waitFor(LIVE)
      await shot(page, '3-case')

      // 4. A week passes in the console; the next check finds a new status, which is notified
      // by email and delivered to the webhook endpoint.
      await page.getByRole('button', { name: '+1 week' }).click()
      await expect.poll(() => page.locator('#message').textContent(), LIVE).toContain('Advanced the clock')
      const second = await client.check.status({ receipt_number: receipt })
      expect(second.changed).toBe(true)
      const newest = timeline.locator('tbody tr').first()
      await newest.getByText(second.status.status_code, { exact: true }).waitFor(LIVE)
      await newest.getByText(second.status.status_code_es, { exact: true }).waitFor(LIVE)
      await newest.locator('td').nth(3).getByText('sent').waitFor(LIVE)
      await expect.poll(() => receiver.received.length, LIVE).toBe(1)
      const sent = receiver.received[0]?.headers ?? {}
      await page.getByRole('tab', { name: /Outbox/ }).click()
      await page.locator('[data-kind="status_update"]').first().waitFor(LIVE)
      await page.getByRole('tab', { name: /Webhooks/ }).click()
      const attempt = page.locator('#deliveries details').first()
      await attempt.getByText('delivered').waitFor(LIVE)
      await attempt.locator('summary').click()
      await attempt.getByText(String(sent['webhook-id']), { exact: true }).waitFor(LIVE)
      await attempt.getByText(String(sent['webhook-signature']), { exact: true }).waitFor(LIVE)
      await shot(page, '4-webhooks')

      // 5. Redeliver the event: a second attempt with the same webhook-id reaches the receiver.
      const eventId = await attempt.getAttribute('data-event')
      await page.getByRole('button', { name: `Redeliver ${eventId}` }).click()
      await expect.poll(() => receiver.received.length, LIVE).toBe(2)
      expect(receiver.received[1]?.headers['webhook-id']).toBe(sent['webhook-id'])
      await expect.poll(() => page.locator('#deliveries details').count(), LIVE).toBe(2)
      await page.locator('#deliveries details').first().getByText('redelivery').waitFor(LIVE)
      await shot(page, '5-redelivered')
      await page.getByRole('tab', { name: /Users and cases/ }).click()
      await shot(page, '5-users')

      // The whole page fits a laptop screen's width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366)
      expect(problems).toEqual([])
    } finally {
      await page.close()
      await receiver.close()
      await server.close()
    }
  })

  it('drives USCIS, faults, the clock, reset, and a snapshot round trip', async () => {
    const server = await startMockServer({ port: 0 })
    const problems: Problem[] = []
    const page = await openConsole(server, problems)
    const message = page.locator('#message')
    let file: string | undefined
    try {
      const client = new ImmigraFlow({ apiKey: 'sk_test_console', baseUrl: server.url, maxRetries: 0 })
      await page.locator('body[data-state="ready"]').waitFor(LIVE)
      const user = await client.users.create({ email: 'luis@example.com', name: 'Luis Gómez' })
      const receipt = 'EAC2190012345'
      await client.cases.create(user.id, { receipt_number: receipt })
      await client.check.status({ receipt_number: receipt })

      // The request log, filtered by operation, status class and text.
      await page.getByRole('tab', { name: /Requests/ }).click()
      const entries = page.locator('#requests details')
      await expect.poll(() => entries.count(), LIVE).toBe(3)
      await page.getByLabel('Operation').selectOption('createUser')
      expect(await entries.count()).toBe(1)
      await entries.first().locator('summary').click()
      await entries.first().getByText('"email": "luis@example.com"').first().waitFor(LIVE)
      await page.getByLabel('Operation').selectOption('')
      await page.locator('#filter-status').selectOption('4')
      expect(await entries.count()).toBe(0)
      await page.locator('#filter-status').selectOption('')
      await page.locator('#filter-text').fill(receipt)
      expect(await entries.count()).toBe(2)
      await page.locator('#filter-text').fill('')

      // Force a title at USCIS: the next check sees it.
      await page.getByLabel('Receipt number').fill(receipt)
      await page.getByLabel('Title to force').fill('Case Was Approved')
      await page.getByRole('button', { name: 'Force title' }).click()
      await expect.poll(() => message.textContent(), LIVE).toBe('USCIS now reports “Case Was Approved”.')
      expect((await client.check.status({ receipt_number: receipt })).status.status_code).toBe('Case Was Approved')

      // An outage, then its end.
      await page.getByLabel('Times').fill('2')
      await page.getByRole('button', { name: 'Start' }).click()
      await expect.poll(() => page.locator('#outage-state').textContent(), LIVE).toContain('503')
      await page.getByRole('button', { name: 'End' }).click()
      await expect.poll(() => page.locator('#outage-state').textContent(), LIVE).toBe('USCIS answers normally.')

      // Global faults, then none.
      await page.getByLabel('Fail rate').fill('0.5')
      await page.getByLabel('Code').fill('500')
      await page.getByRole('button', { name: 'Apply' }).click()
      await expect
        .poll(() => page.locator('#faults-state').textContent(), LIVE)
        .toContain('50% of requests fail with 500')
      expect(server.api.faults.get().failRate).toBe(0.5)
      await page.getByRole('button', { name: 'Clear' }).click()
      await expect.poll(() => page.locator('#faults-state').textContent(), LIVE).toBe('No global faults.')

      // A custom advance: two days.
      const before = server.api.clock.now()
      await page.getByLabel('Amount').fill('2')
      await page.getByLabel('Unit').selectOption('days')
      await page.getByRole('button', { name: 'Advance', exact: true }).click()
      await expect.poll(() => server.api.clock.now() - before, LIVE).toBe(2 * 86_400_000)

      // Download a snapshot, reset, restore it: the user is back.
      const download = page.waitForEvent('download')
      await page.getByRole('button', { name: 'Download snapshot' }).click()
      file = join(await mkdtemp(join(tmpdir(), 'immigraflow-console-')), 'snapshot.json')
      await (await download).saveAs(file)
      await page.getByRole('button', { name: 'Reset the mock' }).click()
      await expect.poll(() => page.locator('#count-users').textContent(), LIVE).toBe('0')
      await page.getByLabel('Restore from file').setInputFiles(file)
      await expect.poll(() => page.locator('#count-users').textContent(), LIVE).toBe('1')
      expect((await client.users.retrieve(user.id)).email).toBe('luis@example.com')
      await shot(page, 'controls')
      expect(problems).toEqual([])
    } finally {
      await page.close()
      await server.close()
      if (file) await rm(dirname(file), { recursive: true, force: true })
    }
  })

  it('marks the attempts webhook chaos made with a badge and a Chaos row, and leaves plain attempts unmarked', async () => {
    const receiver = await startReceiver(200)
    try {
      await withConsole({}, async ({ server, page }) => {
        const client = new ImmigraFlow({ apiKey: 'sk_test_console', baseUrl: server.url, maxRetries: 0 })
        await page.locator('body[data-state="ready"]').waitFor(LIVE)
        await client.webhooks.create({ url: receiver.url, events: ['user.created'] })
        await client.users.create({ email: 'plain@example.com', name: 'Plain' })
        server.api.faults.set({ webhooks: { duplicate: 1 } })
        await expect.poll(() => page.locator('#faults-state').textContent(), LIVE).toBe('Webhooks: 100% duplicated.')
        await client.users.create({ email: 'twice@example.com', name: 'Twice' })
        // The duplicate starts once the first attempt has finished; idle waits for both.
        expect((await fetch(`${server.url}/__mock/idle`, { method: 'POST' })).status).toBe(200)
        expect(receiver.received).toHaveLength(3)
        const attempts = server.api.deliveries
        expect(attempts.map((attempt) => attempt.chaos)).toEqual([null, null, 'duplicate'])

        await page.getByRole('tab', { name: /Webhooks/ }).click()
        await expect.poll(() => page.locator('#deliveries details').count(), LIVE).toBe(3)
        for (const attempt of attempts) {
          const view = page.locator(`#deliveries details[data-key="delivery-${attempt.id}"]`)
          const badges = view.locator('summary .badge')
          expect(await badges.allTextContents()).toEqual(
            attempt.chaos ? ['200', 'delivered', attempt.chaos] : ['200', 'delivered'],
          )
          await view.locator('summary').click()
          const table = view.getByRole('table', { name: `Delivery attempt ${attempt.id}` })
          const chaosRow = table.getByRole('row', { name: /^Chaos / })
          expect(await chaosRow.locator('td').textContent()).toBe(attempt.chaos ?? '—')
        }
        expect(await page.locator('#deliveries summary .badge', { hasText: 'duplicate' }).getAttribute('class')).toBe(
          'badge warn',
        )
        await shot(page, 'chaos-deliveries')
      })
    } finally {
      await receiver.close()
    }
  })

  it('sets webhook chaos from the faults form and shows it in the faults status line', async () => {
    await withConsole({}, async ({ server, page }) => {
      const state = page.locator('#faults-state')
      await page.locator('body[data-state="ready"]').waitFor(LIVE)
      expect(await state.textContent()).toBe('No global faults.')
      // Any share from 0 to 1, as the API takes it (not only steps of 0.05).
      await page.getByLabel('Webhook duplicates (0–1)').fill('0.33')
      await page.getByLabel('Reorder webhooks').check()
      await page.getByLabel('Webhook delay (ms)').fill('5000')
      await page.getByRole('button', { name: 'Apply' }).click()
      await expect.poll(() => state.textContent(), LIVE).toBe('Webhooks: 33% duplicated, reordered, delayed 5 s.')
      await shot(page, 'chaos-faults')
      const faults = (await (await fetch(`${server.url}/__mock/faults`)).json()) as Record<string, unknown>
      expect(faults).toEqual({
        fail_rate: 0,
        code: 503,
        latency_ms: 0,
        reset: false,
        webhooks: { duplicate: 0.33, reorder: true, delay_ms: 5000 },
      })

      // Request faults and webhook chaos side by side; then only the delay, in minutes.
      await page.getByLabel('Fail rate').fill('0.5')
      await page.getByLabel('Webhook duplicates (0–1)').fill('0')
      await page.getByLabel('Reorder webhooks').uncheck()
      await page.getByLabel('Webhook delay (ms)').fill('90000')
      await page.getByRole('button', { name: 'Apply' }).click()
      await expect
        .poll(() => state.textContent(), LIVE)
        .toBe('Now: 50% of requests fail with 503, +0 ms. Webhooks: delayed 1.5 min.')
      expect(server.api.faults.get().webhooks).toEqual({ duplicate: 0, reorder: false, delayMs: 90_000 })

      await page.getByRole('button', { name: 'Clear' }).click()
      await expect.poll(() => state.textContent(), LIVE).toBe('No global faults.')
      expect(server.api.faults.get().webhooks).toEqual({ duplicate: 0, reorder: false, delayMs: 0 })
    })
  })

  it('shows the global faults and webhook chaos a mock was started with in the faults form', async () => {
    await withConsole(
      {
        failRate: 0.1,
        latencyMs: 40,
        webhookChaos: { duplicate: 0.2, reorder: true, delayMs: 5000 },
        prepare: (server) => {
          server.api.faults.set({ code: 500, reset: true })
        },
      },
      async ({ page }) => {
        await page.locator('body[data-state="ready"]').waitFor(LIVE)
        expect(await formValues(page)).toEqual({
          'Fail rate': '0.1',
          Code: '500',
          'Delay (ms)': '40',
          'Drop connection': true,
          'Webhook duplicates (0–1)': '0.2',
          'Reorder webhooks': true,
          'Webhook delay (ms)': '5000',
        })
      },
    )
  })

  it('applies only the faults form field the user changed, keeping the settings made elsewhere', async () => {
    await withConsole(
      {
        failRate: 0.1,
        webhookChaos: { duplicate: 0.2, reorder: true },
        prepare: (server) => {
          server.api.faults.set({ latencyMs: 40 })
        },
      },
      async ({ server, page }) => {
        await page.locator('body[data-state="ready"]').waitFor(LIVE)
        await page.getByLabel('Code').fill('502')
        await page.getByRole('button', { name: 'Apply' }).click()
        await page.locator('#message', { hasText: 'Global faults set.' }).waitFor(LIVE)
        expect(await (await fetch(`${server.url}/__mock/faults`)).json()).toEqual({
          fail_rate: 0.1,
          code: 502,
          latency_ms: 40,
          reset: false,
          webhooks: { duplicate: 0.2, reorder: true, delay_ms: 0 },
        })
      },
    )
  })

  it('keeps what the user typed in the faults form while the mock changes, and follows the mock again after Apply and Clear', async () => {
    await withConsole({}, async ({ server, page }) => {
      const state = page.locator('#faults-state')
      const setFaults = async (body: unknown) => {
        const response = await fetch(`${server.url}/__mock/faults`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        })
        expect(response.status).toBe(200)
      }
      await page.locator('body[data-state="ready"]').waitFor(LIVE)
      await page.getByLabel('Fail rate').fill('0.3')

      // Someone else sets faults: the edited input keeps its value, the others show the mock's.
      await setFaults({ fail_rate: 0.6, webhooks: { duplicate: 0.5 } })
      await state.getByText('Now: 60% of requests fail').waitFor(LIVE)
      expect(await formValues(page)).toMatchObject({ 'Fail rate': '0.3', 'Webhook duplicates (0–1)': '0.5' })

      // Apply sends the edit and keeps the other's duplicates; then the form follows the mock again.
      await page.getByRole('button', { name: 'Apply' }).click()
      await state.getByText('Now: 30% of requests fail').waitFor(LIVE)
      expect(server.api.faults.get()).toMatchObject({ failRate: 0.3, webhooks: { duplicate: 0.5 } })
      await setFaults({ fail_rate: 0.7 })
      await waitForValue(page, 'faults-rate', '0.7')

      // An edit dropped by Clear: the input shows the cleared mock.
      await page.getByLabel('Webhook delay (ms)').fill('9000')
      await page.getByRole('button', { name: 'Clear' }).click()
      await state.getByText('No global faults.').waitFor(LIVE)
      expect(await formValues(page)).toMatchObject({ 'Fail rate': '0', 'Webhook delay (ms)': '0' })
      await setFaults({ webhooks: { delay_ms: 1000 } })
      await waitForValue(page, 'faults-delay', '1000')
    })
  })

  it('leaves an emptied number field out of what it sends and refuses an empty required one (bug: an empty field was sent as 0)', async () => {
    await withConsole({ failRate: 0.1, latencyMs: 40, webhookChaos: { delayMs: 5000 } }, async ({ server, page }) => {
      const sent: { path: string; body: unknown }[] = []
      page.on('request', (request) => {
        const { pathname } = new URL(request.url())
        if (request.method() === 'POST' && pathname.startsWith('/__mock/'))
          sent.push({ path: pathname, body: request.postDataJSON() })
      })
      const message = page.locator('#message')
      await page.locator('body[data-state="ready"]').waitFor(LIVE)

      // Global faults: emptied fields keep the mock's settings, as unchanged ones do.
      await page.getByLabel('Fail rate').fill('')
      await page.getByLabel('Delay (ms)', { exact: true }).fill('')
      await page.getByLabel('Webhook delay (ms)').fill('')
      await page.getByLabel('Code').fill('502')
      await page.getByRole('button', { name: 'Apply' }).click()
      await message.getByText('Global faults set.').waitFor(LIVE)
      expect(sent).toEqual([{ path: '/__mock/faults', body: { code: 502 } }])
      expect(server.api.faults.get()).toMatchObject({
        failRate: 0.1,
        code: 502,
        latencyMs: 40,
        webhooks: { delayMs: 5000 },
      })
      await waitForValue(page, 'faults-rate', '0.1')

      // Nothing but emptied fields: nothing is sent.
      await page.getByLabel('Fail rate').fill('')
      await page.getByRole('button', { name: 'Apply' }).click()
      await message.getByText("Nothing to apply: an empty field keeps the mock's setting.").waitFor(LIVE)
      await waitForValue(page, 'faults-rate', '0.1')

      // The clock's amount is required: empty, the page says so and sends nothing.
      const amount = page.getByLabel('Amount')
      await amount.fill('')
      await page.getByRole('button', { name: 'Advance', exact: true }).click()
      expect(await amount.evaluate((input) => (input as HTMLInputElement).validationMessage)).not.toBe('')

      // A USCIS outage with an empty Retry-After gets the mock's default (60 s for a 503), not 0.
      await page.getByLabel('Retry-After (s)').fill('')
      await page.getByRole('button', { name: 'Start' }).click()
      await expect.poll(() => page.locator('#outage-state').textContent(), LIVE).toContain('503')
      expect(server.api.uscis.outage()).toMatchObject({ status: 503, retry_after: 60 })
      // Sent in order: had the empty amount been sent, it would come before the outage.
      expect(sent.slice(1)).toEqual([{ path: '/__mock/uscis', body: { outage: { status: 503 } } }])
      expect(server.api.clock.iso()).toBe('2026-01-05T09:00:00.000Z')
    })
  })

  it('opened with ?session=, shows that session live, drives only it, and switches to another', async () => {
    const server = await startMockServer({ port: 0 })
    const client = (session: string) =>
      new ImmigraFlow({
        apiKey: 'sk_test_console',
        baseUrl: server.url,
        maxRetries: 0,
        headers: { 'X-Mock-Session': session },
      })
    await client('alice').users.create({ email: 'alice@example.com', name: 'Alice' })
    await client('bob').users.create({ email: 'bob@example.com', name: 'Bob' })
    await client('default').users.create({ email: 'someone@example.com', name: 'Someone' })
    const problems: Problem[] = []
    const page = await openConsole(server, problems, '/__mock/?session=alice')
    try {
      await page.locator('body[data-state="ready"]').waitFor(LIVE)
      await expect.poll(() => page.locator('#live').textContent(), LIVE).toBe('Live')
      expect(await page.locator('#session-name').textContent()).toContain('alice')
      const users = page.locator('#users')
      await users.getByText('alice@example.com').first().waitFor(LIVE)
      expect(await users.textContent()).not.toContain('bob@example.com')
      expect(await users.textContent()).not.toContain('someone@example.com')

      // Live through the session's own stream: Alice's new user shows, Bob's does not.
      await client('bob').users.create({ email: 'bob2@example.com', name: 'Bob 2' })
      await client('alice').users.create({ email: 'alice2@example.com', name: 'Alice 2' })
      await users.getByText('alice2@example.com').first().waitFor(LIVE)
      expect(await page.locator('#count-users').textContent()).toBe('2')
      expect(await users.textContent()).not.toContain('bob2@example.com')

      // Its controls move Alice's clock only.
      const bobBefore = server.session('bob').clock.now()
      const aliceBefore = server.session('alice').clock.now()
      await page.getByRole('button', { name: '+1 day' }).click()
      await expect.poll(() => server.session('alice').clock.now() - aliceBefore, LIVE).toBe(86_400_000)
      expect(server.session('bob').clock.now()).toBe(bobBefore)
      expect(server.api.clock.now()).toBe(bobBefore)

      // The select lists every session and opens another.
      const select = page.getByLabel('Session')
      await expect
        .poll(async () => (await select.locator('option').allTextContents()).map((text) => text.split(' ')[0]), LIVE)
        .toEqual(['default', 'alice', 'bob'])
      await select.selectOption('bob')
      await page.waitForURL(/\?session=bob$/, LIVE)
      await page.locator('body[data-state="ready"]').waitFor(LIVE)
      await page.locator('#users').getByText('bob2@example.com').first().waitFor(LIVE)
      expect(await page.locator('#session-name').textContent()).toContain('bob')
      expect(await page.locator('#users').textContent()).not.toContain('alice@example.com')
      await shot(page, 'session-bob')
      expect(problems).toEqual([])
    } finally {
      await page.close()
      await server.close()
    }
  })

  it('moves between tabs with the arrow keys', async () => {
    await withConsole({}, async ({ page }) => {
      await page.locator('body[data-state="ready"]').waitFor(LIVE)
      await page.getByRole('tab', { name: /Users and cases/ }).focus()
      await page.keyboard.press('ArrowRight')
      expect(await page.getByRole('tab', { name: /Outbox/ }).getAttribute('aria-selected')).toBe('true')
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-outbox')
      expect(await page.locator('#panel-outbox').isVisible()).toBe(true)
      await page.keyboard.press('End')
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-requests')
      await page.keyboard.press('ArrowRight')
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-users')
    })
  })

  it('asks once for the API key of a mock started with one, and keeps it for the tab', async () => {
    const server = await startMockServer({ port: 0, apiKey: 'sk_console_key' })
    const problems: Problem[] = []
    const page = await openConsole(server, problems)
    try {
      const dialog = page.getByRole('dialog', { name: 'API key' })
      await dialog.waitFor(LIVE)
      await dialog.getByLabel('API key').fill('sk_wrong_key')
      await dialog.getByRole('button', { name: 'Continue' }).click()
      await dialog.getByText('That key was refused; try again.').waitFor(LIVE)
      await dialog.getByLabel('API key').fill('sk_console_key')
      await dialog.getByRole('button', { name: 'Continue' }).click()
      await page.locator('body[data-state="ready"]').waitFor(LIVE)
      await expect.poll(() => page.locator('#live').textContent(), LIVE).toBe('Live')
      await page.reload()
      await page.locator('body[data-state="ready"]').waitFor(LIVE)
      expect(await dialog.isVisible()).toBe(false)
      // The only errors are Chromium's notes on the first, keyless tries.
      expect(problems.filter((problem) => !/status of 401/.test(problem.text))).toEqual([])
    } finally {
      await page.close()
      await server.close()
    }
  })
})
