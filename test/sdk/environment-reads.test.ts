import { afterEach, describe, expect, it } from 'vitest'
import { ImmigraFlow } from '../../src'
import { readEnv } from '../../src/core/env'

/** Deno's error for a permission the process was not granted, as `Deno.env.get` throws it under `--allow-net` only. */
class NotCapable extends Error {
  override name = 'NotCapable'
}

const realEnv = process.env

/**
 * Replaces `process.env` with one that throws on every read of an `IMMIGRAFLOW_` variable and
 * records those names (Node itself keeps reading its own variables, which pass through).
 */
function refuseEnvironmentReads(): string[] {
  const attempted: string[] = []
  process.env = new Proxy(realEnv, {
    get(target, name) {
      if (typeof name !== 'string' || !name.startsWith('IMMIGRAFLOW_')) return Reflect.get(target, name)
      attempted.push(name)
      throw new NotCapable(`Requires env access to "${name}", run again with the --allow-env flag`)
    },
  })
  return attempted
}

afterEach(() => {
  process.env = realEnv
})

describe('environment reads', () => {
  it('reads a refused variable as unset instead of throwing', () => {
    const attempted = refuseEnvironmentReads()
    expect(readEnv('IMMIGRAFLOW_LOG')).toBeUndefined()
    expect(attempted).toEqual(['IMMIGRAFLOW_LOG'])
  })

  it('reads nothing from the environment when apiKey, baseUrl and logLevel are given', () => {
    const attempted = refuseEnvironmentReads()
    const client = new ImmigraFlow({ apiKey: 'sk_test', baseUrl: 'http://127.0.0.1:4010', logLevel: 'off' })
    expect(client.baseUrl).toBe('http://127.0.0.1:4010')
    expect(attempted).toEqual([])
  })

  it('builds a client from options alone when every environment read is refused', () => {
    const attempted = refuseEnvironmentReads()
    const client = new ImmigraFlow({ apiKey: 'sk_test' })
    expect(client.baseUrl).toBe('https://api.immigraflow.com')
    expect(attempted).toEqual(['IMMIGRAFLOW_BASE_URL', 'IMMIGRAFLOW_LOG'])
  })

  it('still reads a variable that is set, trimmed', () => {
    process.env = { ...realEnv, IMMIGRAFLOW_LOG: '  debug ' }
    expect(readEnv('IMMIGRAFLOW_LOG')).toBe('debug')
    process.env = { ...realEnv, IMMIGRAFLOW_LOG: '   ' }
    expect(readEnv('IMMIGRAFLOW_LOG')).toBeUndefined()
  })
})
