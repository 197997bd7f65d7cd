/**
 * The SDK in a browser, against the mock served by MSW's service worker: no server, no network.
 *
 * Run it from the repository root:
 *   npx msw init examples/browser/public --save=false
 *   npx vite examples/browser
 * test/browser/page.test.ts builds this page and checks it in Chromium.
 */
import { APIError, type CaseSummary, ImmigraFlow, NotFoundError, type User } from 'immigraflow'
import { setupMockWorker } from 'immigraflow/mock/browser'

/** The user the page shows, with the cases the mock starts with (ids come in order). */
const MARIA = {
  email: 'maria.lopez@example.com',
  name: 'María López',
  cases: [
    { receipt_number: 'IOE0915220200', user_case_id: 'Green card' },
    { receipt_number: 'MSC2490187123', user_case_id: 'Work permit' },
    { receipt_number: 'EAC2290145031', user_case_id: 'Travel document' },
    // USCIS knows no receipt ending in 9: the mock's way to show a mistyped receipt.
    { receipt_number: 'WAC2490123419', user_case_id: "Parents' petition" },
  ],
}

async function main(): Promise<void> {
  // #region browser-setup
  // The mock answers https://api.immigraflow.com from MSW's service worker, so every
  // request the SDK sends is served inside the browser.
  const worker = setupMockWorker({ preload: { users: [MARIA] } })
  // Registers /mockServiceWorker.js (made by `npx msw init <public dir> --save=false`).
  await worker.start({ onUnhandledRequest: 'bypass' })

  // A test key is fine for the mock; never ship a real API key to a browser.
  const client = new ImmigraFlow({ apiKey: 'sk_test_browser', baseUrl: worker.api.baseUrl })
  // #endregion

  // The mock's controls are on worker.api: USCIS approves the green card before we look.
  worker.api.uscis.advance('IOE0915220200')

  // #region list-cases
  const [user] = (await client.users.list({ email: MARIA.email })).data
  if (!user) throw new Error(`No user with the email ${MARIA.email}`)

  // Ask USCIS about every case now; a receipt USCIS does not know is a 404 `receipt_not_found`.
  const unknownToUscis = new Set<string>()
  for await (const tracked of client.cases.list(user.id)) {
    try {
      await client.check.status({ receipt_number: tracked.receipt_number })
    } catch (error) {
      if (!(error instanceof NotFoundError && error.code === 'receipt_not_found')) throw error
      unknownToUscis.add(tracked.receipt_number)
    }
  }

  // Each case now carries its latest status (English and Spanish) and when it was last checked.
  const cases: CaseSummary[] = []
  for await (const tracked of client.cases.list(user.id)) cases.push(tracked)
  // #endregion

  render(user, cases, unknownToUscis)
}

const lastCheckedFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

type Tone = 'approved' | 'denied' | 'action' | 'pending' | 'unknown'

/** A colour for a USCIS status title, from the words USCIS uses. */
function toneOf(title: string): Tone {
  if (/denied/i.test(title)) return 'denied'
  if (/evidence was sent/i.test(title)) return 'action'
  if (/approv|card (was|is)|delivered/i.test(title)) return 'approved'
  return 'pending'
}

function render(user: User, cases: CaseSummary[], unknownToUscis: ReadonlySet<string>): void {
  byId('title', HTMLHeadingElement).textContent = `Cases for ${user.name}`
  byId('subtitle', HTMLParagraphElement).textContent = `${user.email} · ${cases.length} cases tracked`
  byId('cases', HTMLTableElement).tBodies[0]?.replaceChildren(
    ...cases.map((item) => caseRow(item, unknownToUscis.has(item.receipt_number))),
  )
  byId('cases', HTMLTableElement).hidden = false
  byId('footer', HTMLElement).textContent =
    'Statuses come from the ImmigraFlow mock, answering the SDK from a service worker. Times are UTC.'
  document.body.dataset.state = 'ready'
}

function caseRow(item: CaseSummary, unknownToUscis: boolean): HTMLTableRowElement {
  const row = document.createElement('tr')
  row.dataset.receipt = item.receipt_number
  const status = item.latest_status
  const label = cell(item.user_case_id ?? '—')
  if (status) label.append(element('small', status.form_type))

  let english: HTMLTableCellElement
  let spanish: HTMLTableCellElement
  if (status) {
    const tone = toneOf(status.status_code)
    english = cell(element('span', status.status_code, `status ${tone}`))
    spanish = cell(element('span', status.status_code_es, `status ${tone}`))
  } else {
    const [en, es] = unknownToUscis
      ? ['Not found at USCIS', 'No encontrado en USCIS']
      : ['Not checked yet', 'Aún no consultado']
    english = cell(element('span', en, 'status unknown'))
    spanish = cell(element('span', es, 'status unknown'))
  }
  spanish.lang = 'es'

  row.append(
    cell(element('code', item.receipt_number)),
    label,
    english,
    spanish,
    cell(item.last_checked ? `${lastCheckedFormat.format(new Date(item.last_checked))} UTC` : '—'),
  )
  return row
}

function cell(content: string | HTMLElement): HTMLTableCellElement {
  const td = document.createElement('td')
  td.append(content)
  return td
}

function element(tag: 'span' | 'small' | 'code', text: string, className?: string): HTMLElement {
  const node = document.createElement(tag)
  node.textContent = text
  if (className) node.className = className
  return node
}

function byId<T extends HTMLElement>(id: string, type: abstract new () => T): T {
  const found = document.getElementById(id)
  if (!(found instanceof type)) throw new Error(`index.html has no <${type.name}> with id "${id}"`)
  return found
}

function showError(error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error)
  const detail = error instanceof APIError ? ` (HTTP ${error.status} ${error.code}, request ${error.requestId})` : ''
  const hint = /service ?worker/i.test(reason)
    ? ' Is mockServiceWorker.js served? Run: npx msw init examples/browser/public --save=false'
    : ''
  const box = document.getElementById('error')
  if (box) {
    box.textContent = `Could not load the cases: ${reason}${detail}${hint}`
    box.hidden = false
  }
  const subtitle = document.getElementById('subtitle')
  if (subtitle) subtitle.textContent = 'Something went wrong.'
  document.body.dataset.state = 'error'
  console.error(error)
}

main().catch(showError)
