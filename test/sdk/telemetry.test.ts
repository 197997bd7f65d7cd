import { describe, expect, it } from 'vitest'
import packageJson from '../../package.json'
import { ImmigraFlow } from '../../src'
import { runtimeAndOs, SDK_VERSION } from '../../src/core/telemetry'
import { json, stubFetch, USER } from '../helpers/stub-fetch'

describe('client identification', () => {
  it('sends X-ImmigraFlow-Client: immigraflow-js/<version> (<runtime> <version>; <os>) on every request', async () => {
    const { fetch, requests } = stubFetch(json(USER), json(USER, 201))
    const sdk = new ImmigraFlow({ apiKey: 'k', fetch, logLevel: 'off' })
    await sdk.users.retrieve(7)
    await sdk.http.POST('/v1/users', { body: { email: 'a@example.com', name: 'A' } })
    const expected = `immigraflow-js/${packageJson.version} (node ${process.versions.node}; ${process.platform})`
    expect(requests.map(({ request }) => request.headers.get('x-immigraflow-client'))).toEqual([expected, expected])
    expect(SDK_VERSION).toBe(packageJson.version)
  })

  it('is not sent with telemetry: false', async () => {
    const { fetch, requests } = stubFetch(json(USER))
    await new ImmigraFlow({ apiKey: 'k', fetch, logLevel: 'off', telemetry: false }).users.retrieve(7)
    expect(requests[0]?.request.headers.has('x-immigraflow-client')).toBe(false)
  })

  it('never sets a User-Agent', async () => {
    const { fetch, requests } = stubFetch(json(USER))
    await new ImmigraFlow({ apiKey: 'k', fetch, logLevel: 'off' }).users.retrieve(7)
    expect(requests[0]?.request.headers.has('user-agent')).toBe(false)
  })

  it.each([
    [{ Deno: { version: { deno: '2.9.6' }, build: { os: 'linux' } } }, 'deno 2.9.6; linux'],
    [
      { Bun: { version: '1.4.5' }, process: { versions: { node: '24.3.0', bun: '1.4.5' }, platform: 'darwin' } },
      'bun 1.4.5; darwin',
    ],
    [{ EdgeRuntime: 'edge-runtime', navigator: { userAgent: 'Edge' } }, 'edge-runtime unknown; unknown'],
    [{ navigator: { userAgent: 'Cloudflare-Workers' } }, 'workerd unknown; unknown'],
    [{ process: { versions: { node: '22.23.5' }, platform: 'win32' } }, 'node 22.23.5; win32'],
    [
      {
        navigator: {
          userAgent:
            'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
        },
      },
      'chrome 142.0.0.0; linux',
    ],
    [
      { navigator: { userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Gecko/20100101 Firefox/140.0' } },
      'firefox 140.0; macos',
    ],
    [{}, 'unknown unknown; unknown'],
  ])('names the runtime and OS of %j as "%s"', (globals, expected) => {
    expect(runtimeAndOs(globals)).toBe(expected)
  })
})
