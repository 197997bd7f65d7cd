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

/**
 * The params with their `receipt_number` normalised; anything else (null, a non-object from
 * untyped code) passes through untouched so that input checking reports it.
 */
export function withNormalizedReceipt<T>(params: T): T {
  if (typeof params !== 'object' || params === null || !('receipt_number' in params)) return params
  return { ...params, receipt_number: normalizeReceiptNumber(params.receipt_number) }
}
