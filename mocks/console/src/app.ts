/**
 * The mock console: reads the mock's control routes, renders five views of its data and drives
 * its controls. Plain DOM, no framework: the page is one small inline script.
 */

import type { DeliveryAttempt, RequestLogEntry } from '../../store'
import { CallError, call, download, onKeyNeeded, session, storedKey, storeKey, withQuery } from './client'
import { badge, byId, h, httpStatus, replace, row, table, when } from './dom'
import type { CaseView, ConsoleData, FaultsView, OutboxMessage, SessionInfo, TimelineEntry, UserView } from './types'

let data: ConsoleData | undefined

// ---------------------------------------------------------------- messages

const message = byId('message')
function say(text: string, tone: 'ok' | 'error' = 'ok'): void {
  message.textContent = text
  message.className = `message ${tone === 'error' ? 'error' : ''}`
}

/** Runs an action from a button or form, reporting its outcome; the button is disabled meanwhile. */
async function act(button: HTMLButtonElement | null, done: string, action: () => Promise<unknown>): Promise<void> {
  if (button) button.disabled = true
  try {
    await action()
    say(done)
    await refresh()
  } catch (error) {
    say(error instanceof Error ? error.message : String(error), 'error')
  } finally {
    if (button) button.disabled = false
  }
}

// ---------------------------------------------------------------- API key

const keyDialog = byId<HTMLDialogElement>('key-dialog')
let keyPending: Promise<void> | undefined
onKeyNeeded(() => {
  keyPending ??= new Promise<void>((resolve) => {
    const input = byId<HTMLInputElement>('key-input')
    byId('key-error').textContent = keyDialog.dataset.asked ? 'That key was refused; try again.' : ''
    keyDialog.dataset.asked = 'yes'
    keyDialog.addEventListener(
      'close',
      () => {
        storeKey(input.value.trim())
        keyPending = undefined
        resolve()
      },
      { once: true },
    )
    keyDialog.showModal()
    input.select()
  })
  return keyPending
})

// ---------------------------------------------------------------- session

// The session this page looks at (`?session=`), shown in the title; the select switches to another.
const sessionName = session ?? 'default'
byId('session-name').textContent = `· session ${sessionName}`
document.title = `ImmigraFlow mock · ${sessionName}`
const sessionSelect = byId<HTMLSelectElement>('session-select')
sessionSelect.value = sessionName
sessionSelect.addEventListener('change', () => {
  const chosen = sessionSelect.value
  location.search = chosen === 'default' ? '' : `?session=${encodeURIComponent(chosen)}`
})

/** Fills the session select from GET /__mock/sessions, keeping this page's session chosen. */
function renderSessions(sessions: SessionInfo[]): void {
  const names = sessions.map((item) => item.name)
  if (!names.includes(sessionName)) names.push(sessionName)
  sessionSelect.replaceChildren(
    ...names.map((name) => {
      const info = sessions.find((item) => item.name === name)
      const label = info ? `${name}${info.default ? ' (default)' : ''} · ${info.users} users` : name
      return h('option', { value: name }, label)
    }),
  )
  sessionSelect.value = sessionName
}

// ---------------------------------------------------------------- tabs

const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')]
function select(tab: HTMLButtonElement, focus: boolean): void {
  for (const other of tabs) {
    const selected = other === tab
    other.setAttribute('aria-selected', String(selected))
    other.tabIndex = selected ? 0 : -1
    byId(other.getAttribute('aria-controls') as string).hidden = !selected
  }
  if (focus) tab.focus()
}
for (const [index, tab] of tabs.entries()) {
  tab.addEventListener('click', () => select(tab, false))
  tab.addEventListener('keydown', (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key]
    if (step !== undefined) select(tabs[(index + step + tabs.length) % tabs.length] as HTMLButtonElement, true)
    else if (event.key === 'Home') select(tabs[0] as HTMLButtonElement, true)
    else if (event.key === 'End') select(tabs[tabs.length - 1] as HTMLButtonElement, true)
    else return
    event.preventDefault()
  })
}

// ---------------------------------------------------------------- users and cases

function notification(entry: TimelineEntry, channel: 'email' | 'whatsapp'): HTMLElement {
  const { status, attempts, last_error: error, sent_at: sentAt } = entry.notifications[channel]
  const detail = [attempts > 0 ? `${attempts} attempt${attempts === 1 ? '' : 's'}` : '', sentAt ? when(sentAt) : '']
    .filter(Boolean)
    .join(', ')
  return h(
    'span',
    null,
    badge(status),
    detail ? h('span', { class: 'muted' }, ` ${detail}`) : null,
    error ? h('span', { class: 'error' }, ` ${error}`) : null,
  )
}

function caseView(item: CaseView): HTMLElement {
  const updates = item.timeline
  const latest = updates[updates.length - 1]
  return h(
    'details',
    { 'data-key': `case-${item.id}`, class: 'case' },
    h(
      'summary',
      null,
      h('code', null, item.receipt_number),
      ` ${item.description ?? ''} — `,
      latest ? h('strong', null, latest.status_code) : h('span', { class: 'empty' }, 'not checked yet'),
      item.active ? null : badge('inactive', 'bad'),
    ),
    table(
      `Status timeline of ${item.receipt_number}`,
      ['Recorded', 'English', 'Spanish', 'Email', 'WhatsApp'],
      updates
        .slice()
        .reverse()
        .map((update) =>
          row(
            { 'data-update': update.id },
            when(update.recorded_at),
            h('span', { lang: 'en' }, update.status_code),
            h('span', { lang: 'es' }, update.status_code_es),
            notification(update, 'email'),
            notification(update, 'whatsapp'),
          ),
        ),
      'No status recorded yet.',
    ),
  )
}

function userView(user: UserView): HTMLElement {
  return h(
    'details',
    { 'data-key': `user-${user.id}`, class: 'user', open: true },
    h(
      'summary',
      null,
      h('strong', null, user.name ?? user.email),
      ` ${user.email} · #${user.id} `,
      badge(user.status),
      h('span', { class: 'muted' }, ` ${user.cases.length} case${user.cases.length === 1 ? '' : 's'}`),
    ),
    user.cases.length === 0 ? h('p', { class: 'empty' }, 'No cases.') : h('div', null, ...user.cases.map(caseView)),
  )
}

// ---------------------------------------------------------------- outbox

function verify(button: HTMLButtonElement, token: string): void {
  void act(button, 'Verified the user through POST /v1/users/verify-email.', () =>
    call('POST', '/v1/users/verify-email', { token }),
  )
}

function messageView(item: OutboxMessage, users: Map<number, UserView>): HTMLElement {
  const user = users.get(item.user_id)
  const canVerify = item.kind === 'verification' && item.token !== null
  const verified = user !== undefined && user.status !== 'pending_verification'
  return h(
    'details',
    // A verification email that still has work to do starts open, its button in view.
    { 'data-key': `message-${item.id}`, 'data-kind': item.kind, open: canVerify && !verified },
    h(
      'summary',
      null,
      badge(item.channel, ''),
      ` ${when(item.created_at)} → ${item.to} `,
      h('strong', null, item.subject ?? item.kind.replace('_', ' ')),
      ' ',
      badge(item.status),
      item.attempt > 1 ? h('span', { class: 'muted' }, ` attempt ${item.attempt}`) : null,
    ),
    h('pre', null, item.text),
    item.error ? h('p', { class: 'error' }, item.error) : null,
    canVerify
      ? h(
          'button',
          {
            type: 'button',
            class: 'primary',
            'data-key': `verify-${item.id}`,
            disabled: verified,
            onclick: (event: Event) => verify(event.currentTarget as HTMLButtonElement, item.token as string),
          },
          verified ? 'User verified' : `Verify ${item.to}`,
        )
      : null,
  )
}

// ---------------------------------------------------------------- webhooks

function redeliver(button: HTMLButtonElement, eventId: string): void {
  void act(button, `Redelivering ${eventId}.`, () =>
    call('POST', `/__mock/events/${encodeURIComponent(eventId)}/redeliver`),
  )
}

function deliveryView(item: DeliveryAttempt): HTMLElement {
  return h(
    'details',
    { 'data-key': `delivery-${item.id}`, 'data-event': item.event_id },
    h(
      'summary',
      null,
      `${when(item.attempted_at)} `,
      h('code', null, item.event_type),
      ` attempt ${item.attempt} → `,
      httpStatus(item.status),
      ' ',
      badge(item.outcome),
      item.redelivery ? h('span', null, ' ', badge('redelivery', 'warn')) : null,
      item.chaos ? h('span', null, ' ', badge(item.chaos, 'warn')) : null,
      h('span', { class: 'muted' }, ` ${item.duration_ms} ms`),
      item.next_attempt_at ? h('span', { class: 'muted' }, ` next retry ${when(item.next_attempt_at)}`) : null,
    ),
    h(
      'table',
      { 'aria-label': `Delivery attempt ${item.id}` },
      h(
        'tbody',
        null,
        ...(
          [
            ['URL', h('code', null, item.url)],
            ['Event', h('code', null, item.event_id)],
            ['webhook-id', h('code', null, item.message_id)],
            ['webhook-signature', h('code', null, item.signature)],
            ['webhook-timestamp', h('code', null, item.timestamp)],
            ['Chaos', item.chaos ?? '—'],
            ['Error', item.error ?? '—'],
            ['Next retry', when(item.next_attempt_at)],
            ['Response', item.response_excerpt ? h('pre', null, item.response_excerpt) : '(empty)'],
          ] as const
        ).map(([name, value]) => h('tr', null, h('th', { scope: 'row' }, name), h('td', null, value))),
      ),
    ),
  )
}

// ---------------------------------------------------------------- requests

const filterOperation = byId<HTMLSelectElement>('filter-operation')
const filterStatus = byId<HTMLSelectElement>('filter-status')
const filterText = byId<HTMLInputElement>('filter-text')

function bodyText(body: string | null | undefined): string {
  if (!body) return '(no body)'
  try {
    return JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    return body
  }
}

function requestView(item: RequestLogEntry): HTMLElement {
  const target = `${item.path}${item.query}`
  return h(
    'details',
    { 'data-key': `request-${item.request_id}` },
    h(
      'summary',
      null,
      `${when(item.received_at)} `,
      h('code', null, `${item.method} ${target}`),
      ' ',
      httpStatus(item.status),
      item.operation ? h('span', { class: 'muted' }, ` ${item.operation}`) : null,
      item.fault ? badge(`fault ${item.fault}`, 'bad') : null,
      item.idempotent_replay ? badge('replayed', 'warn') : null,
    ),
    h('p', { class: 'muted' }, `Request id ${item.request_id}`),
    h('h3', null, 'Request'),
    h('pre', null, bodyText(item.request_body)),
    h('h3', null, 'Response'),
    h('pre', null, bodyText(item.response_body)),
  )
}

function matches(item: RequestLogEntry): boolean {
  if (filterOperation.value && item.operation !== filterOperation.value) return false
  if (filterStatus.value && !String(item.status).startsWith(filterStatus.value)) return false
  const text = filterText.value.trim().toLowerCase()
  if (!text) return true
  const haystack = [
    item.method,
    item.path,
    item.query,
    item.request_id,
    item.operation ?? '',
    String(item.status),
    item.request_body ?? '',
    item.response_body ?? '',
  ]
  return haystack.some((part) => part.toLowerCase().includes(text))
}

function renderRequests(): void {
  if (!data) return
  const shown = data.requests.filter(matches)
  replace(
    byId('requests'),
    shown.length === 0
      ? h('p', { class: 'empty' }, data.requests.length === 0 ? 'No requests yet.' : 'No request matches the filters.')
      : h('div', null, ...newest(shown).map(requestView), shownOf(shown)),
  )
}

for (const filter of [filterOperation, filterStatus, filterText]) filter.addEventListener('input', renderRequests)
byId('request-filters').addEventListener('submit', (event) => event.preventDefault())

// ---------------------------------------------------------------- render

/**
 * How many entries of a list are drawn, newest first: a mock that served a load test holds tens
 * of thousands of requests, and drawing them all on every change would stall the page.
 */
const SHOWN = 200
const newest = <T>(list: readonly T[]): T[] => list.slice(-SHOWN).reverse()
const shownOf = (list: readonly unknown[]) =>
  list.length > SHOWN ? h('p', { class: 'muted' }, `Showing the newest ${SHOWN} of ${list.length}.`) : null

/** A share (0–1) as a percentage, to a tenth of a percent so that a small share does not read as 0%. */
const percent = (share: number) => `${Math.round(share * 1_000) / 10}%`

/** Milliseconds in the largest unit they reach: `5 s`, `1.5 min`. */
function duration(ms: number): string {
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['min', 60_000],
    ['s', 1_000],
  ] as const)
    if (ms >= size) return `${Math.round((ms / size) * 10) / 10} ${unit}`
  return `${ms} ms`
}

function render(next: ConsoleData): void {
  data = next
  const { state } = next
  byId('now').textContent = when(state.now)
  byId<HTMLTimeElement>('now').dateTime = state.now
  const users = new Map(state.users.map((user) => [user.id, user]))

  byId('count-users').textContent = String(state.users.length)
  replace(
    byId('users'),
    state.users.length === 0
      ? h('p', { class: 'empty' }, 'No users yet. Create one through the API.')
      : h('div', null, ...state.users.map(userView)),
  )

  byId('count-outbox').textContent = String(next.outbox.length)
  replace(
    byId('outbox'),
    next.outbox.length === 0
      ? h('p', { class: 'empty' }, 'No messages yet.')
      : h('div', null, ...newest(next.outbox).map((item) => messageView(item, users)), shownOf(next.outbox)),
  )

  byId('count-webhooks').textContent = String(next.deliveries.length)
  replace(
    byId('endpoints'),
    table(
      'Webhook endpoints',
      ['Id', 'URL', 'Events', 'State'],
      state.webhooks.map((hook) =>
        row(
          null,
          `#${hook.id}`,
          h('code', null, hook.url),
          Array.isArray(hook.events) ? hook.events.join(', ') : String(hook.events),
          hook.active ? badge('active') : h('span', null, badge('disabled'), ` ${hook.disabled_reason ?? ''}`),
        ),
      ),
      'No endpoints. Register one with POST /v1/webhooks.',
    ),
  )
  replace(
    byId('deliveries'),
    next.deliveries.length === 0
      ? h('p', { class: 'empty' }, 'No delivery attempts yet.')
      : h('div', null, ...newest(next.deliveries).map(deliveryView), shownOf(next.deliveries)),
  )
  const attemptsOf = new Map<string, number>()
  for (const item of next.deliveries) attemptsOf.set(item.event_id, (attemptsOf.get(item.event_id) ?? 0) + 1)
  replace(
    byId('events'),
    table(
      'Webhook events',
      ['Created', 'Id', 'Type', 'Attempts', ''],
      newest(next.events).map((event) => {
        const attempts = attemptsOf.get(event.id) ?? 0
        return row(
          { 'data-event': event.id },
          when(event.created_at),
          h('code', null, event.id),
          h('code', null, event.type),
          String(attempts),
          h(
            'button',
            {
              type: 'button',
              'data-key': `redeliver-${event.id}`,
              'aria-label': `Redeliver ${event.id}`,
              onclick: (click: Event) => redeliver(click.currentTarget as HTMLButtonElement, event.id),
            },
            'Redeliver',
          ),
        )
      }),
      'No events yet.',
    ),
  )

  byId('count-requests').textContent = String(next.requests.length)
  const operations = [...new Set(next.requests.map((item) => item.operation).filter((name) => name !== null))].sort()
  const chosen = filterOperation.value
  filterOperation.replaceChildren(
    h('option', { value: '' }, 'All'),
    ...operations.map((name) => h('option', { value: name }, name)),
  )
  filterOperation.value = operations.includes(chosen) ? chosen : ''
  renderRequests()

  const receipts = [...new Set(state.users.flatMap((user) => user.cases.map((item) => item.receipt_number)))]
  byId('receipts').replaceChildren(...receipts.map((receipt) => h('option', { value: receipt })))
  const outage = state.uscis_outage
  byId('outage-state').textContent = outage
    ? `USCIS answers ${outage.status} (Retry-After ${outage.retry_after} s)${outage.remaining === null ? ' until ended' : `, ${outage.remaining} more time(s)`}.`
    : 'USCIS answers normally.'
  const faults = state.faults
  const chaos = faults.webhooks
  const chaosParts = [
    chaos.duplicate > 0 && `${percent(chaos.duplicate)} duplicated`,
    chaos.reorder && 'reordered',
    chaos.delay_ms > 0 && `delayed ${duration(chaos.delay_ms)}`,
  ].filter(Boolean)
  byId('faults-state').textContent =
    [
      (faults.fail_rate > 0 || faults.latency_ms > 0) &&
        `Now: ${percent(faults.fail_rate)} of requests fail with ${faults.code}${faults.reset ? ' (dropped)' : ''}, +${faults.latency_ms} ms.`,
      chaosParts.length > 0 && `Webhooks: ${chaosParts.join(', ')}.`,
    ]
      .filter(Boolean)
      .join(' ') || 'No global faults.'
  showFaults(faults)
  byId('pending').textContent =
    state.pending_jobs > 0
      ? `${state.pending_jobs} job${state.pending_jobs === 1 ? '' : 's'} due, next at ${when(state.next_job_at)}`
      : 'Nothing scheduled'
  document.body.dataset.state = 'ready'
}

// ---------------------------------------------------------------- refresh and live updates

let loading: Promise<void> | undefined
let again = false
/** The least time between the end of one load and the start of the next. */
const MIN_GAP_MS = 250

async function load(): Promise<void> {
  const [state, outbox, deliveries, events, requests, sessions] = await Promise.all([
    call<{ data: ConsoleData['state'] }>('GET', '/__mock/state'),
    call<{ data: ConsoleData['outbox'] }>('GET', '/__mock/outbox'),
    call<{ data: ConsoleData['deliveries'] }>('GET', '/__mock/deliveries'),
    call<{ data: ConsoleData['events'] }>('GET', '/__mock/events'),
    call<{ data: ConsoleData['requests'] }>('GET', '/__mock/requests'),
    // A host without sessions answers 404: the select then holds this page's session alone.
    call<{ data: SessionInfo[] }>('GET', '/__mock/sessions').catch((error: unknown) => {
      if (error instanceof CallError && error.status === 404) return { data: [] }
      throw error
    }),
  ])
  renderSessions(sessions.data)
  render({
    state: state.data,
    outbox: outbox.data,
    deliveries: deliveries.data,
    events: events.data,
    requests: requests.data,
  })
}

/** Reloads everything; calls while a load runs collapse into one more load after it. */
function refresh(): Promise<void> {
  if (loading) {
    again = true
    return loading
  }
  loading = load()
    .catch((error: unknown) => {
      document.body.dataset.state = 'error'
      say(error instanceof Error ? error.message : String(error), 'error')
    })
    .finally(() => {
      // Under steady traffic the stream never pauses: leave a gap between loads so the page stays responsive.
      setTimeout(() => {
        loading = undefined
        if (again) {
          again = false
          void refresh()
        }
      }, MIN_GAP_MS)
    })
  return loading
}

const live = byId('live')
let stream: EventSource | undefined
let debounce: ReturnType<typeof setTimeout> | undefined
const DEBOUNCE_MS = 120

/** Opens /__mock/stream; every event it sends schedules one reload (a burst of changes makes one). */
function connect(): void {
  stream?.close()
  const key = storedKey()
  stream = new EventSource(withQuery('/__mock/stream', key))
  stream.onopen = () => {
    live.textContent = 'Live'
    live.classList.add('on')
    void refresh()
  }
  stream.onmessage = () => {
    clearTimeout(debounce)
    debounce = setTimeout(() => void refresh(), DEBOUNCE_MS)
  }
  stream.onerror = () => {
    live.textContent = 'Reconnecting…'
    live.classList.remove('on')
    // The browser retries a dropped stream by itself, but not one the mock refused (a restart with
    // another key, say): then check access again, which asks for the key if need be, and reopen.
    if (stream?.readyState === EventSource.CLOSED) setTimeout(() => void start(), 2_000)
  }
}

// ---------------------------------------------------------------- controls

/**
 * A number input's value, or undefined when it is empty: an empty field means "not given" (left
 * out of the request), never 0. A field that needs a value is `required` in the page, so the
 * browser refuses to submit its form empty and says why.
 */
const numberIn = (input: HTMLInputElement): number | undefined => (input.value === '' ? undefined : Number(input.value))
const numberOf = (id: string) => numberIn(byId<HTMLInputElement>(id))

function advance(ms: number, button: HTMLButtonElement | null): void {
  void act(button, `Advanced the clock by ${ms / 3_600_000} h.`, () =>
    call('POST', '/__mock/clock', { advance_ms: ms }),
  )
}
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-advance]'))
  button.addEventListener('click', () => advance(Number(button.dataset.advance), button))
byId('advance-form').addEventListener('submit', (event) => {
  event.preventDefault()
  const amount = numberOf('advance-amount')
  // The amount is `required`: the browser does not submit the form while it is empty.
  if (amount === undefined) return
  const ms = amount * Number(byId<HTMLSelectElement>('advance-unit').value)
  advance(ms, (event as SubmitEvent).submitter as HTMLButtonElement | null)
})

const receiptInput = byId<HTMLInputElement>('uscis-receipt')
const receiptPath = () => `/__mock/uscis/${encodeURIComponent(receiptInput.value.trim().toUpperCase())}`
byId('uscis-form').addEventListener('submit', (event) => {
  event.preventDefault()
  void act(byId<HTMLButtonElement>('uscis-advance'), 'Moved the receipt to its next USCIS step.', () =>
    call('POST', receiptPath(), { advance: true }),
  )
})
byId('uscis-set').addEventListener('click', () => {
  const title = byId<HTMLInputElement>('uscis-title').value.trim()
  if (!receiptInput.reportValidity()) return
  if (!title) {
    say('Enter the title to force.', 'error')
    byId('uscis-title').focus()
    return
  }
  void act(byId<HTMLButtonElement>('uscis-set'), `USCIS now reports “${title}”.`, () =>
    call('POST', receiptPath(), { status: title }),
  )
})

byId('outage-form').addEventListener('submit', (event) => {
  event.preventDefault()
  const retryAfter = numberOf('outage-retry')
  const times = numberOf('outage-times')
  const outage = {
    status: Number(byId<HTMLSelectElement>('outage-status').value),
    ...(retryAfter === undefined ? {} : { retry_after: retryAfter }),
    ...(times === undefined ? {} : { times }),
  }
  void act((event as SubmitEvent).submitter as HTMLButtonElement | null, 'USCIS outage started.', () =>
    call('POST', '/__mock/uscis', { outage }),
  )
})
byId('outage-off').addEventListener('click', (event) =>
  act(event.currentTarget as HTMLButtonElement, 'USCIS outage ended.', () =>
    call('POST', '/__mock/uscis', { outage: null }),
  ),
)

/** Each input of the Global faults form, with the field of `faults` it shows and sets (in `webhooks` for chaos). */
const faultInputs = (
  [
    ['faults-rate', 'fail_rate'],
    ['faults-code', 'code'],
    ['faults-latency', 'latency_ms'],
    ['faults-reset', 'reset'],
    ['faults-duplicate', 'duplicate', 'webhooks'],
    ['faults-reorder', 'reorder', 'webhooks'],
    ['faults-delay', 'delay_ms', 'webhooks'],
  ] as const
).map(([id, name, group]) => ({ input: byId<HTMLInputElement>(id), name, group }))
const faultsForm = byId<HTMLFormElement>('faults-form')
/**
 * The inputs the user changed and has not applied or cleared yet. Refreshes leave them as typed and Apply
 * sends only them, so settings made elsewhere (CLI flags, a test's POST /__mock/faults) are kept.
 */
const editedFaults = new Set<EventTarget | null>()
faultsForm.addEventListener('input', (event) => editedFaults.add(event.target))

/** Shows the mock's global faults in every input the user is not editing. */
function showFaults(faults: FaultsView): void {
  const { webhooks, ...request } = faults
  const settings: Record<string, number | boolean> = { ...request, ...webhooks }
  for (const { input, name } of faultInputs) {
    if (editedFaults.has(input)) continue
    const value = settings[name]
    if (input.type === 'checkbox') input.checked = value === true
    else input.value = String(value)
  }
}

faultsForm.addEventListener('submit', (event) => {
  event.preventDefault()
  const request: Record<string, number | boolean> = {}
  const webhooks: Record<string, number | boolean> = {}
  for (const { input, name, group } of faultInputs) {
    if (!editedFaults.has(input)) continue
    // An emptied field is left out, as an unchanged one: the mock keeps that setting.
    const value = input.type === 'checkbox' ? input.checked : numberIn(input)
    if (value !== undefined) (group ? webhooks : request)[name] = value
  }
  const body = Object.keys(webhooks).length > 0 ? { ...request, webhooks } : request
  const given = Object.keys(body).length > 0
  const done = given ? 'Global faults set.' : "Nothing to apply: an empty field keeps the mock's setting."
  void act((event as SubmitEvent).submitter as HTMLButtonElement | null, done, async () => {
    if (given) await call('POST', '/__mock/faults', body)
    editedFaults.clear()
  })
})
byId('faults-clear').addEventListener('click', (event) =>
  act(event.currentTarget as HTMLButtonElement, 'Global faults cleared.', async () => {
    await call('DELETE', '/__mock/faults')
    editedFaults.clear()
  }),
)

byId('reset').addEventListener('click', (event) => {
  const what = session ? `session ${session}` : 'the mock'
  if (!confirm(`Reset ${what}? Every user, case, message and delivery goes.`)) return
  void act(event.currentTarget as HTMLButtonElement, 'The mock was reset.', () => call('POST', '/__mock/reset'))
})

byId('snapshot').addEventListener('click', (event) =>
  act(event.currentTarget as HTMLButtonElement, 'Snapshot downloaded.', async () => {
    const blob = await download('/__mock/snapshot')
    const url = URL.createObjectURL(blob)
    const stamp = (data?.state.now ?? '').replace(/[:.]/g, '-')
    const name = `immigraflow-mock-${session ? `${session}-` : ''}${stamp || 'state'}.json`
    const link = h('a', { href: url, download: name })
    document.body.append(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 1_000)
  }),
)

const restoreInput = byId<HTMLInputElement>('restore')
restoreInput.addEventListener('change', () => {
  const file = restoreInput.files?.[0]
  if (!file) return
  void act(null, `Restored ${file.name}.`, async () => {
    await call('POST', '/__mock/restore', await file.text())
    restoreInput.value = ''
  })
})

// ---------------------------------------------------------------- start

/** Checks access (asking for the key when the mock wants one), then goes live. */
async function start(): Promise<void> {
  try {
    await call('GET', '/__mock/health')
    connect()
  } catch (error) {
    live.textContent = 'Offline'
    say(error instanceof CallError ? error.message : `The mock does not answer: ${String(error)}`, 'error')
    setTimeout(() => void start(), 2_000)
  }
}

keyDialog.addEventListener('cancel', (event) => event.preventDefault())
void start()
