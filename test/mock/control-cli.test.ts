import { afterEach, describe, expect, test } from 'vitest'
import { killAll, runCli } from '../helpers/mock-cli'

afterEach(killAll)

describe('immigraflow-mock access to the control routes', () => {
  test('with --api-key the control routes need the key; the stream also takes ?key=', async () => {
    const cli = runCli(['--port', '0', '--api-key', 'sk_live_key'])
    const url = await cli.url
    expect((await fetch(`${url}/__mock/state`)).status).toBe(401)
    const state = await fetch(`${url}/__mock/state`, { headers: { authorization: 'Bearer sk_live_key' } })
    expect(state.status).toBe(200)
    const stream = await fetch(`${url}/__mock/stream?key=sk_live_key`)
    expect(stream.status).toBe(200)
    await stream.body?.cancel()
    expect(cli.output().stderr).not.toContain('Warning')
    cli.child.kill('SIGTERM')
    expect(await cli.exited).toBe(0)
  })

  test('listening beyond loopback without --api-key warns that anyone can read and reset the data', async () => {
    const open = runCli(['--port', '0', '--host', '0.0.0.0'])
    await open.url
    const keyed = runCli(['--port', '0', '--host', '0.0.0.0', '--api-key', 'k'])
    await keyed.url
    const local = runCli(['--port', '0'])
    await local.url
    for (const cli of [open, keyed, local]) cli.child.kill('SIGTERM')
    await Promise.all([open.exited, keyed.exited, local.exited])
    expect(open.output().stderr).toContain('without --api-key: anyone who can reach it can read and reset its data')
    expect(keyed.output().stderr).not.toContain('Warning')
    expect(local.output().stderr).not.toContain('Warning')
  })
})
