/**
 * Metadata on users and cases: merging an update into what a record has, and the
 * `metadata[KEY]=VALUE` list filters. Stored metadata objects are replaced, never changed in
 * place, so a served record or a queued event that shares one never sees a later change.
 */
import type { Metadata, MetadataUpdate } from '../src/types'
import { validationFailed } from './handlers/errors'

/** At most this many keys on one record (openapi.yaml's `Metadata.maxProperties`). */
export const MAX_METADATA_KEYS = 50

/**
 * `current` with `changes` merged in: a string sets a key, `""` removes it, keys not named are
 * kept. Throws a 422 when the result would hold too many keys, before anything is stored.
 */
export function mergeMetadata(current: Metadata, changes: MetadataUpdate): Metadata {
  const merged: Metadata = { ...current }
  for (const [key, value] of Object.entries(changes)) {
    if (value === '') delete merged[key]
    else merged[key] = value
  }
  const count = Object.keys(merged).length
  if (count > MAX_METADATA_KEYS) {
    throw validationFailed([
      {
        field: 'metadata',
        message: `would hold ${count} keys after this update; at most ${MAX_METADATA_KEYS} are allowed (remove keys by setting them to "")`,
      },
    ])
  }
  return merged
}

/** Whether `metadata` has every key of `filter` with exactly its value (no filter matches everything). */
export function matchesMetadata(metadata: Metadata, filter: Metadata | undefined): boolean {
  if (filter === undefined) return true
  for (const [key, value] of Object.entries(filter)) {
    if (!Object.hasOwn(metadata, key) || metadata[key] !== value) return false
  }
  return true
}

/** Whether a list filter names any key (an empty `metadata` filter filters nothing). */
export const hasMetadataFilter = (filter: Metadata | undefined): filter is Metadata =>
  filter !== undefined && Object.keys(filter).length > 0
