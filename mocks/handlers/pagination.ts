/**
 * Cursor pages over ascending id lists. The cursor is the last id of the page (base64url
 * JSON, opaque to callers), so items inserted while a caller pages are never skipped or
 * repeated; finding the page start is a binary search, never a scan from the top.
 */
import { firstIndexAfter } from '../store'
import { ApiError } from './errors'

export interface Page<T> {
  data: T[]
  has_more: boolean
  next_cursor: string | null
  total: number
}

export function encodeCursor(id: number): string {
  return btoa(JSON.stringify({ id })).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** The id a cursor points after; a 422 for anything this API did not issue. */
export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0
  try {
    const parsed: unknown = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')))
    if (typeof parsed === 'object' && parsed !== null && 'id' in parsed) {
      const id = parsed.id
      if (typeof id === 'number' && Number.isInteger(id) && id >= 0) return id
    }
  } catch {
    // fall through to the 422 below
  }
  throw new ApiError(422, 'validation_failed', 'The request has 1 invalid field: cursor.', [
    { field: 'cursor', message: 'is not a cursor from this API; pass the next_cursor of the previous page' },
  ])
}

/** One page of `ids` after `cursor`, keeping those `matches` accepts; `total` is counted by the caller from its indexes. */
export function paginate<T>(
  ids: readonly number[],
  options: { cursor?: string | undefined; limit: number; total: number },
  load: (id: number) => T | undefined,
  matches: (item: T) => boolean = () => true,
): Page<T> {
  const data: T[] = []
  let lastId = 0
  let hasMore = false
  for (let index = firstIndexAfter(ids, decodeCursor(options.cursor)); index < ids.length; index++) {
    const id = ids[index] as number
    const item = load(id)
    if (item === undefined || !matches(item)) continue
    if (data.length === options.limit) {
      hasMore = true
      break
    }
    data.push(item)
    lastId = id
  }
  return { data, has_more: hasMore, next_cursor: hasMore ? encodeCursor(lastId) : null, total: options.total }
}
