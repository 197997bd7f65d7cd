/**
 * A request's query string as the operation schemas read it: one value per name (the first),
 * and the `deepObject` parameters of openapi.yaml (`metadata[crm_id]=CRM-10442`) gathered into
 * an object under their name.
 */

/** The query parameters openapi.yaml declares with `style: deepObject` (test/spec checks the list). */
export const DEEP_OBJECT_PARAMS: ReadonlySet<string> = new Set(['metadata'])

const DEEP_KEY = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/s

export function readQuery(url: URL): Record<string, unknown> {
  // No prototype, so `?constructor=x` or `?__proto__=x` is a parameter like any other (and
  // refused as unknown) rather than found on, or written to, Object.prototype.
  const query: Record<string, unknown> = Object.create(null)
  // Most requests have no query: reading `searchParams` would build a URLSearchParams for nothing.
  if (url.search === '') return query
  for (const [name, value] of url.searchParams) {
    const deep = DEEP_KEY.exec(name)
    const parent = deep?.[1]
    if (deep && parent !== undefined && DEEP_OBJECT_PARAMS.has(parent)) {
      const existing = Object.hasOwn(query, parent) ? query[parent] : undefined
      if (existing !== undefined && typeof existing !== 'object') continue
      // No prototype, so a `__proto__` key is kept as data and reaches validation, which refuses it.
      const object = (existing ?? Object.create(null)) as Record<string, string>
      query[parent] = object
      const key = deep[2] as string
      if (!Object.hasOwn(object, key)) object[key] = value
      continue
    }
    if (!Object.hasOwn(query, name)) query[name] = value
  }
  return query
}
