/**
 * Normalises a USCIS receipt number the way the API does: trimmed, upper-cased, spaces and
 * hyphens removed (`eac-21-900-12345` → `EAC2190012345`). Non-strings pass through unchanged
 * so that input checking reports them.
 */
export function normalizeReceiptNumber<T>(value: T): T | string {
  return typeof value === 'string'
    ? value
        .trim()
        .toUpperCase()
        .replace(/[\s-]+/g, '')
    : value
}
