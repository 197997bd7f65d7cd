/**
 * The standalone server's state file (`immigraflow-mock --state FILE`, `startMockServer({
 * stateFile })`): read once at start, written after every change so a restart, even after
 * `kill -9`, loses nothing that was acknowledged.
 *
 * Writes are atomic: the snapshot goes to a temporary file in the same directory, is fsynced,
 * renamed over the state file, and the directory is fsynced, so the file is always either the
 * old state or the new one, never half of each. A change acknowledged by a response (a request
 * that changed data, a control route) is written synchronously before the response leaves, from
 * the mock's change feed; reads (GET requests only add to the request log) and background work
 * (deliveries, notifications) are written together a moment later. Written by hand rather than
 * with write-file-atomic: that package writes asynchronously and does not fsync the directory,
 * and this write must finish before the response that acknowledges the change is sent.
 */
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { changesOf, type MockApi } from './api'
import type { MockChange } from './changes'
import { SNAPSHOT_VERSION, SnapshotError, snapshotFromJson, snapshotToJson } from './snapshot-json'

/** A state file that cannot be used: unreadable, corrupt, or from another version. Nothing was written to it. */
export class StateFileError extends Error {
  override name = 'StateFileError'
}

/** The snapshot in `file`, or undefined when there is no such file. */
export function readStateFile(file: string): ReturnType<typeof snapshotFromJson> | undefined {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new StateFileError(`cannot read the state file ${file}: ${(error as Error).message}`)
  }
  try {
    return snapshotFromJson(text)
  } catch (error) {
    if (error instanceof SnapshotError)
      throw new StateFileError(
        `the state file ${file} cannot be used: ${error.message} It was left as it is; move it away, or pass another file, to start afresh.`,
      )
    throw error
  }
}

/** Whether a process with this id is running (signal 0 only checks). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes temporary files that writers of `file` left when they were killed between writing
 * and renaming (`kill -9`, a power cut). They never held acknowledged state: the rename is what
 * makes a write count. Files of a process still running are left alone.
 */
export function removeStaleTemporaryFiles(file: string): string[] {
  const dir = dirname(file)
  const prefix = `.${basename(file)}.`
  const removed: string[] = []
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    // An unreadable folder fails the write that follows, with an error that names it.
    return removed
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue
    const pid = name.slice(prefix.length, -'.tmp'.length)
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid || isRunning(Number(pid))) continue
    unlinkSync(join(dir, name))
    removed.push(name)
  }
  return removed
}

/** Replaces `file` with `text` atomically and durably (temporary file, fsync, rename, fsync of the directory). */
export function writeFileAtomic(file: string, text: string): void {
  const dir = dirname(file)
  const temp = join(dir, `.${basename(file)}.${process.pid}.tmp`)
  const fd = openSync(temp, 'w', 0o600)
  try {
    writeSync(fd, text)
    fsyncSync(fd)
  } catch (error) {
    closeSync(fd)
    unlinkSync(temp)
    throw error
  }
  closeSync(fd)
  renameSync(temp, file)
  let dirFd: number | undefined
  try {
    dirFd = openSync(dir, 'r')
    fsyncSync(dirFd)
  } catch (error) {
    // Windows cannot open or fsync a directory; there the rename is as durable as it gets.
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EACCES') throw error
  } finally {
    if (dirFd !== undefined) closeSync(dirFd)
  }
}

/** Changes written a moment later, together: reads and background work, which no response acknowledges. */
function deferrable(change: MockChange): boolean {
  if (change.kind === 'request') return change.method === 'GET' || change.method === 'HEAD'
  return change.kind === 'delivery' || change.kind === 'notification' || change.kind === 'outbox'
}

/**
 * How many of the newest request log entries the state file keeps. The log is a diagnostic view
 * of up to 10 000 entries; written whole after every change it made each write ~11 MB and
 * ~100 ms to serialise (measured with 10 000 `POST /v1/check` entries), against well under 1 ms
 * for the rest of a small state.
 */
export const PERSISTED_REQUESTS = 200

export interface PersistedState {
  /** Writes now if a write is pending. */
  flush(): void
  /** Writes what is pending and stops listening. */
  stop(): void
}

/** Writes `api`'s state to `file` now and after every change. */
export function persistState(api: MockApi, file: string): PersistedState {
  const feed = changesOf(api)
  if (!feed) throw new TypeError('persistState needs a mock made by createMockApi')
  let pending: ReturnType<typeof setImmediate> | undefined
  const write = () => {
    if (pending !== undefined) clearImmediate(pending)
    pending = undefined
    // The live state, not a copy: it is serialised synchronously, so nothing changes it meanwhile.
    const live = api.store.state
    const state =
      live.requests.length > PERSISTED_REQUESTS ? { ...live, requests: live.requests.slice(-PERSISTED_REQUESTS) } : live
    writeFileAtomic(file, snapshotToJson({ version: SNAPSHOT_VERSION, state }, api.clock.iso()))
  }
  removeStaleTemporaryFiles(file)
  write()
  const unsubscribe = feed.subscribe((change) => {
    if (!deferrable(change)) {
      write()
      return
    }
    pending ??= setImmediate(() => {
      pending = undefined
      try {
        write()
      } catch (error) {
        console.error(`[immigraflow-mock] cannot write the state file ${file}:`, error)
      }
    })
  })
  return {
    flush: () => {
      if (pending !== undefined) write()
    },
    stop: () => {
      unsubscribe()
      if (pending !== undefined) write()
    },
  }
}
