import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { type RunningMockServer, startMockServer } from '../../mocks/server'
import { removeStaleTemporaryFiles, StateFileError } from '../../mocks/state-file'
import { call } from '../helpers/mock'
import { killAll, runCli as run } from '../helpers/mock-cli'

afterEach(killAll)

const tempDir = () => mkdtempSync(join(tmpdir(), 'immigraflow-state-'))

describe('--state FILE', () => {
  test('a user acknowledged with 201 survives kill -9 right after; the restarted mock has it', async () => {
    const file = join(tempDir(), 'mock-state.json')
    const first = run(['--port', '0', '--state', file])
    const url = await first.url
    const created = await call({ url }, 'createUser', { body: { email: 'maria@example.com', name: 'María' } })
    expect(created.status).toBe(201)
    first.child.kill('SIGKILL')
    await first.exited

    const second = run(['--port', '0', '--state', file])
    const again = await second.url
    const user = await call({ url: again }, 'getUser', { params: { user_id: created.body.id } })
    expect(user.status).toBe(200)
    expect(user.body).toEqual(created.body)
    // The next id continues where the first run stopped.
    const next = await call({ url: again }, 'createUser', { body: { email: 'li@example.com', name: 'Li' } })
    expect(next.body.id).toBe(created.body.id + 1)
    second.child.kill('SIGTERM')
    expect(await second.exited).toBe(0)
    // No temporary file is left beside the state file.
    expect(readdirSync(join(file, '..'))).toEqual(['mock-state.json'])
  })

  test('a corrupt file stops the mock with a clear error and exit 1, and is left untouched', async () => {
    const file = join(tempDir(), 'mock-state.json')
    writeFileSync(file, '{"format":"immigraflow-mock-snapshot","version":1,"state":{"now":')
    const cli = run(['--port', '0', '--state', file])
    expect(await cli.exited).toBe(1)
    expect(cli.output().stderr).toContain(`the state file ${file} cannot be used: The snapshot is not valid JSON`)
    expect(cli.output().stderr).toContain('left as it is')
    expect(readFileSync(file, 'utf8')).toBe('{"format":"immigraflow-mock-snapshot","version":1,"state":{"now":')
  })

  test('a file from another snapshot version stops the mock with exit 1 naming the versions, and is left untouched', async () => {
    const file = join(tempDir(), 'mock-state.json')
    const text = JSON.stringify({ format: 'immigraflow-mock-snapshot', version: 99, saved_at: 'x', state: {} })
    writeFileSync(file, text)
    const cli = run(['--port', '0', '--state', file])
    expect(await cli.exited).toBe(1)
    expect(cli.output().stderr).toContain('version 99; this mock reads version 1 only')
    expect(readFileSync(file, 'utf8')).toBe(text)
  })
})

describe('temporary files of a killed writer', () => {
  test("are removed at start when their process is gone; a running writer's and other files stay", () => {
    const dir = tempDir()
    const file = join(dir, 'mock-state.json')
    const gone = spawnSync(process.execPath, ['-e', '']).pid
    const running = process.ppid
    for (const name of [
      'mock-state.json',
      `.mock-state.json.${gone}.tmp`,
      `.mock-state.json.${running}.tmp`,
      `.other.json.${gone}.tmp`,
      '.mock-state.json.x.tmp',
    ])
      writeFileSync(join(dir, name), '{}')
    expect(removeStaleTemporaryFiles(file)).toEqual([`.mock-state.json.${gone}.tmp`])
    expect(readdirSync(dir).sort()).toEqual(
      [
        `.mock-state.json.${running}.tmp`,
        '.mock-state.json.x.tmp',
        `.other.json.${gone}.tmp`,
        'mock-state.json',
      ].sort(),
    )
  })
})

describe('startMockServer({ stateFile })', () => {
  let server: RunningMockServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  test('writes the file at start, keeps every change, and a new server on the file continues from it', async () => {
    const file = join(tempDir(), 'state.json')
    server = await startMockServer({ stateFile: file })
    expect(existsSync(file)).toBe(true)
    const created = await call({ url: server.url }, 'createUser', { body: { email: 'a@example.com', name: 'A' } })
    // Written before the 201 was sent: the file already holds the user.
    expect(readFileSync(file, 'utf8')).toContain('"email":"a@example.com"')
    // In process, with no I/O between the answer and the read: nothing was left for later.
    const response = await server.api.fetch(`${server.api.baseUrl}/v1/users`, {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'b@example.com', name: 'B' }),
    })
    expect(response.status).toBe(201)
    expect(readFileSync(file, 'utf8')).toContain('"email":"b@example.com"')
    await fetch(`${server.url}/__mock/clock`, { method: 'POST', body: JSON.stringify({ advance_ms: 86_400_000 }) })
    await server.close()

    server = await startMockServer({ stateFile: file })
    expect(server.api.clock.iso()).toBe('2026-01-06T09:00:00.000Z')
    expect(server.api.store.getUser(created.body.id)?.email).toBe('a@example.com')
    expect(server.api.store.findUserByEmail('A@example.com')?.id).toBe(created.body.id)
  })

  test('fault settings given at start replace the saved ones they name; the others stay as saved', async () => {
    const file = join(tempDir(), 'state.json')
    server = await startMockServer({ stateFile: file })
    server.api.faults.set({ failRate: 0.5, code: 500, latencyMs: 100, webhooks: { duplicate: 0.3, reorder: true } })
    await server.close()

    // As `immigraflow-mock --state FILE --fail-rate 0 --webhook-delay 1000` passes them.
    server = await startMockServer({ stateFile: file, failRate: 0, webhookChaos: { delayMs: 1000 } })
    expect(server.api.faults.get()).toEqual({
      failRate: 0,
      code: 500,
      latencyMs: 100,
      reset: false,
      webhooks: { duplicate: 0.3, reorder: true, delayMs: 1000 },
    })
    await server.close()

    // The file now holds what the last start used; a start without fault flags keeps it all.
    server = await startMockServer({ stateFile: file })
    expect(server.api.faults.get()).toMatchObject({ failRate: 0, latencyMs: 100, webhooks: { delayMs: 1000 } })
  })

  test('a bad file throws StateFileError before listening', async () => {
    const file = join(tempDir(), 'state.json')
    writeFileSync(file, '[]')
    await expect(startMockServer({ stateFile: file })).rejects.toThrow(StateFileError)
    expect(readFileSync(file, 'utf8')).toBe('[]')
  })
})
