import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { call } from '../helpers/mock'
import { killAll, runCli as run } from '../helpers/mock-cli'

afterEach(killAll)

describe('immigraflow-mock CLI', () => {
  test('prints its URL, serves requests and exits 0 on SIGTERM', async () => {
    const cli = run(['--port', '0'])
    const url = await cli.url
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect((await call({ url }, 'listUsers')).status).toBe(200)
    cli.child.kill('SIGTERM')
    expect(await cli.exited).toBe(0)
  })

  test('--seed FILE preloads users, cases (with their metadata) and webhooks; --api-key restricts the key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'immigraflow-mock-'))
    const file = join(dir, 'seed.json')
    writeFileSync(
      file,
      JSON.stringify({
        users: [
          {
            email: 'maria@example.com',
            name: 'María',
            metadata: { crm_id: 'CRM-1' },
            cases: [{ receipt_number: 'EAC2190012340', user_case_id: 'GC', metadata: { opp: 'OPP-1' } }],
          },
        ],
        webhooks: [{ url: 'https://hooks.example.com/x', events: ['*'] }],
      }),
    )
    const cli = run(['--port', '0', '--seed', file, '--api-key', 'sk_cli'])
    const url = await cli.url
    expect((await call({ url }, 'listUsers', { key: 'other' })).status).toBe(401)
    const cases = await call({ url }, 'listUserCases', { params: { user_id: 1 }, key: 'sk_cli' })
    expect(cases.body.data.map((item) => [item.user_case_id, item.metadata])).toEqual([['GC', { opp: 'OPP-1' }]])
    const byMetadata = await call({ url }, 'listUsers', { query: { 'metadata[crm_id]': 'CRM-1' }, key: 'sk_cli' })
    expect(byMetadata.body.data.map((user) => user.email)).toEqual(['maria@example.com'])
    expect((await call({ url }, 'listWebhooks', { key: 'sk_cli' })).body.total).toBe(1)
    // The seed gave no secret: the one generated is printed, since the API never shows it again.
    expect(cli.output().stdout).toMatch(
      /^Preloaded webhook 1 → https:\/\/hooks\.example\.com\/x, signing secret whsec_[A-Za-z0-9+/=]{20,}\n/,
    )
    cli.child.kill('SIGINT')
    expect(await cli.exited).toBe(0)
  })

  test('--fail-rate 1 makes every API request fail with 503', async () => {
    const cli = run(['--port', '0', '--fail-rate', '1'])
    const url = await cli.url
    const res = await call({ url }, 'listUsers')
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('1')
    cli.child.kill('SIGTERM')
    expect(await cli.exited).toBe(0)
  })

  test('an invalid seed file is refused with the field and exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'immigraflow-mock-'))
    const file = join(dir, 'seed.json')
    writeFileSync(file, JSON.stringify({ users: [{ email: 'nope', name: 'A' }] }))
    const cli = run(['--port', '0', '--seed', file])
    expect(await cli.exited).toBe(2)
    expect(cli.output().stderr).toContain('users.0.email: must be a valid email address')
  })

  test('a bad flag prints a clear message and exits 2', async () => {
    const unknown = run(['--prot', '4010'])
    expect(await unknown.exited).toBe(2)
    expect(unknown.output().stderr).toMatch(/Unknown option '--prot'/)
    const badRate = run(['--fail-rate', '3'])
    expect(await badRate.exited).toBe(2)
    expect(badRate.output().stderr).toContain('--fail-rate must be a number between 0 and 1')
  })

  test.each([
    [['--port', '0x10'], '--port must be a port number (0–65535) in decimal digits, got "0x10"'],
    [['--port', '1e3'], '--port must be a port number (0–65535) in decimal digits, got "1e3"'],
    [['--port', '0', '--max-sessions', '0x10'], '--max-sessions must be a positive integer, got "0x10"'],
    [
      ['--port', '0', '--base-url', 'notaurl'],
      '--base-url must be an http or https URL such as https://api.immigraflow.com, got "notaurl"',
    ],
    [
      ['--port', '0', '--base-url', 'ftp://x'],
      '--base-url must be an http or https URL such as https://api.immigraflow.com, got "ftp://x"',
    ],
  ])('%j is refused before listening with its own message and exit code 2', async (args, message) => {
    const cli = run(args)
    expect(await cli.exited).toBe(2)
    expect(cli.output().stderr).toContain(message)
    expect(cli.output().stderr).not.toContain('cannot listen')
    expect(cli.output().stdout).not.toContain('listening')
  })

  test('--help prints usage and exits 0', async () => {
    const cli = run(['--help'])
    expect(await cli.exited).toBe(0)
    expect(cli.output().stdout).toContain('Usage: immigraflow-mock')
  })
})
