/**
 * Which MSW handlers are the mock's own catch-all (`mockHandlers`), without importing msw: the
 * standalone server asks it to decide whether a handler list holds handlers of the user's own,
 * which only MSW can answer.
 */
const own = new WeakSet<object>()

export function markOwnHandler(handler: object): void {
  own.add(handler)
}

export function isOwnHandler(handler: unknown): boolean {
  return typeof handler === 'object' && handler !== null && own.has(handler)
}
