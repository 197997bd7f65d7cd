/** A few DOM helpers: every text goes in through textContent, never as markup. */

type Child = Node | string | number | null | undefined | false
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>

/** Creates an element; `on…` attributes become listeners, `true` a bare attribute, null/false none. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue
      if (typeof value === 'function') element.addEventListener(name.slice(2), value)
      else element.setAttribute(name, value === true ? '' : String(value))
    }
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    element.append(typeof child === 'object' ? child : String(child))
  }
  return element
}

/** The element with this id; the page's template has them all. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id)
  if (!element) throw new Error(`The console page has no #${id}.`)
  return element as T
}

/** A table with a header row; `empty` shows instead when there are no rows. */
export function table(label: string, headers: string[], rows: HTMLTableRowElement[], empty: string): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'empty' }, empty)
  return h(
    'table',
    { 'aria-label': label },
    h('thead', null, h('tr', null, ...headers.map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', null, ...rows),
  )
}

/** A row of cells. */
export function row(attrs: Attrs | null, ...cells: Child[]): HTMLTableRowElement {
  return h('tr', attrs, ...cells.map((cell) => h('td', null, cell)))
}

const TONES: Record<string, string> = {
  sent: 'ok',
  delivered: 'ok',
  active: 'ok',
  pending: 'warn',
  pending_verification: 'warn',
  retry_scheduled: 'warn',
  skipped: '',
  failed: 'bad',
  endpoint_disabled: 'bad',
  disabled: 'bad',
}

/** A small coloured label for a status word. */
export function badge(text: string | null | undefined, tone?: string): HTMLElement {
  const word = text ?? '—'
  return h('span', { class: `badge ${tone ?? TONES[word] ?? ''}` }, word.replaceAll('_', ' '))
}

/** A status code coloured by its class. */
export function httpStatus(status: number | null | undefined): HTMLElement {
  if (status === null || status === undefined) return badge('no answer', 'bad')
  return badge(String(status), status < 300 ? 'ok' : status < 500 ? 'warn' : 'bad')
}

/** Mock times as the UTC instant they are, shorter. */
export function when(iso: string | null | undefined): string {
  if (!iso) return '—'
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')
}

/** Replaces a container's content, keeping which <details> (by data-key) were open and which control had focus. */
export function replace(container: HTMLElement, ...content: Node[]): void {
  const open = new Set<string>()
  for (const details of container.querySelectorAll<HTMLDetailsElement>('details[data-key]'))
    if (details.open) open.add(details.dataset.key as string)
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.key : undefined
  const hadFocus = focused !== undefined && container.contains(document.activeElement)
  container.replaceChildren(...content)
  for (const details of container.querySelectorAll<HTMLDetailsElement>('details[data-key]'))
    if (open.has(details.dataset.key as string)) details.open = true
  if (hadFocus) {
    for (const element of container.querySelectorAll<HTMLElement>('[data-key]'))
      if (element.dataset.key === focused) {
        element.focus()
        break
      }
  }
}
