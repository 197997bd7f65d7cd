/**
 * A mock snapshot as JSON: the file `GET /__mock/snapshot` downloads, `POST /__mock/restore`
 * reads and the standalone server's `--state` file holds. The state's Maps are written as
 * `{ "$map": [[key, value], …] }`. Reading checks the format, the version and the shape of the
 * state (every field a snapshot of this version has, of the right kind), so a file from another
 * version or a damaged one is refused with a message saying why instead of breaking the mock
 * later. Platform-neutral.
 */
import type { MockSnapshot } from './api'
import { NO_FAULTS } from './faults'
import { createState, type MockState, upgradeState } from './store'

/** The `format` field of a snapshot file. */
export const SNAPSHOT_FORMAT = 'immigraflow-mock-snapshot'
/** The snapshot version this mock writes and reads. */
export const SNAPSHOT_VERSION = 1

/** A snapshot file as written. */
export interface SnapshotFile {
  format: typeof SNAPSHOT_FORMAT
  version: typeof SNAPSHOT_VERSION
  /** Mock time when the snapshot was taken. */
  saved_at: string
  /** The mock's state, Maps as `{ "$map": [[key, value], …] }`. */
  state: unknown
}

/** A snapshot that cannot be read: not JSON, not a snapshot, another version, or damaged. */
export class SnapshotError extends Error {
  override name = 'SnapshotError'
}

function replacer(_key: string, value: unknown): unknown {
  return value instanceof Map ? { $map: [...value] } : value
}

function reviver(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>
    if (Array.isArray(record.$map) && Object.keys(record).length === 1)
      return new Map(record.$map as [unknown, unknown][])
  }
  return value
}

/** The snapshot as the text of a snapshot file. */
export function snapshotToJson(snapshot: MockSnapshot, savedAt: string): string {
  const file: SnapshotFile = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    saved_at: savedAt,
    state: snapshot.state,
  }
  return JSON.stringify(file, replacer)
}

const kindOf = (value: unknown): string =>
  value instanceof Map ? 'map' : Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value

const article = (kind: string) => (/^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`)

/** Fields that hold an object or null. */
const NULLABLE = new Set(['uscis.outage'])
/** Fields added since version 1 was first written: `upgradeState` gives them their defaults. */
const ADDED = new Set(['heldDeliveries', 'faults.global.webhooks'])

/** Checks `value` has the fields of `template`, each of the same kind; returns the first mismatch. */
function mismatch(value: Record<string, unknown>, template: Record<string, unknown>, path: string): string | null {
  for (const name of Object.keys(template)) {
    const field = path ? `${path}.${name}` : name
    if (!(name in value)) {
      if (ADDED.has(field)) continue
      return `it has no "${field}"`
    }
    const want = kindOf(template[name])
    const got = kindOf(value[name])
    if (NULLABLE.has(field) && (got === 'null' || got === 'object')) continue
    if (want !== got) return `"${field}" is ${article(got)}, not ${article(want)}`
    if (want === 'object') {
      const inner = mismatch(value[name] as Record<string, unknown>, template[name] as Record<string, unknown>, field)
      if (inner) return inner
    }
  }
  for (const name of Object.keys(value)) {
    if (!(name in template)) return `it has a field "${path ? `${path}.${name}` : name}" this version does not know`
  }
  return null
}

/** Reads a snapshot file's text. Throws `SnapshotError` saying what is wrong. */
export function snapshotFromJson(text: string): MockSnapshot {
  let parsed: unknown
  try {
    parsed = JSON.parse(text, reviver)
  } catch (error) {
    throw new SnapshotError(`The snapshot is not valid JSON: ${(error as Error).message}`)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new SnapshotError('The snapshot must be a JSON object, as GET /__mock/snapshot gives it.')
  const file = parsed as Record<string, unknown>
  if (file.format !== SNAPSHOT_FORMAT)
    throw new SnapshotError(`This is not an ImmigraFlow mock snapshot (its "format" is not "${SNAPSHOT_FORMAT}").`)
  if (file.version !== SNAPSHOT_VERSION)
    throw new SnapshotError(
      `The snapshot has version ${JSON.stringify(file.version)}; this mock reads version ${SNAPSHOT_VERSION} only. Take a new snapshot with this version of immigraflow.`,
    )
  const problem = stateProblem(file.state)
  if (problem) throw new SnapshotError(problem)
  // Fields added since version 1 was first written (webhook chaos) get their defaults.
  upgradeState(file.state as MockState)
  return { version: SNAPSHOT_VERSION, state: file.state as MockState }
}

/** What is wrong with a snapshot's state (every field of this version, of the right kind), or null. Reads only. */
function stateProblem(state: unknown): string | null {
  if (kindOf(state) !== 'object') return 'The snapshot has no "state" object.'
  const template = createState(1, 0, NO_FAULTS) as unknown as Record<string, unknown>
  const problem = mismatch(state as Record<string, unknown>, template, '')
  if (problem) return `The snapshot's state is damaged or from another version: ${problem}.`
  if (!Number.isFinite((state as MockState).now)) return 'The snapshot\'s "now" is not a time.'
  return null
}

/**
 * What is wrong with a snapshot object as `restore` takes it (`{ version: 1, state }`, the
 * state's Maps as Maps), or null when it can be restored. Reads only: the caller's snapshot is
 * not changed. A snapshot that went through `JSON.stringify` lost its Maps and is refused here;
 * `snapshotToJson`/`snapshotFromJson` keep them.
 */
export function snapshotProblem(snapshot: unknown): string | null {
  if (kindOf(snapshot) !== 'object') return 'restore() needs a snapshot taken by snapshot(), an object.'
  const { version, state } = snapshot as { version?: unknown; state?: unknown }
  if (version !== SNAPSHOT_VERSION)
    return `The snapshot has version ${JSON.stringify(version) ?? 'undefined'}; this mock reads version ${SNAPSHOT_VERSION} only. Take a new snapshot with this version of immigraflow.`
  return stateProblem(state)
}
