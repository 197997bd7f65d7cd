/**
 * The published package as a consumer gets it: `npm pack`, install the tarball into a fresh
 * project, then import it as ESM, require it as CommonJS, run its bin, type-check against its
 * declarations (node16 and bundler resolution), and lint the package with publint and
 * arethetypeswrong.
 */
import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))
const bin = (name: string) => join(root, 'node_modules', '.bin', name)
let work: string
let tarball: string
let consumer: string

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'immigraflow-pack-'))
  await run('npm', ['run', 'build'], { cwd: root })
  await run('npm', ['pack', '--pack-destination', work], { cwd: root })
  tarball = join(work, readdirSync(work).find((name) => name.endsWith('.tgz')) as string)
  consumer = join(work, 'consumer')
  await run('mkdir', ['-p', consumer])
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }))
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: consumer })
}, 240_000)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

const node = (args: string[]) => run(process.execPath, args, { cwd: consumer })

describe('the packed package', () => {
  it('imports every entry as ESM', async () => {
    const script = `
      import { ImmigraFlow, NotFoundError, ImmigraFlowError } from 'immigraflow'
      import { sign, verify, generateSecret } from 'immigraflow/webhooks'
      import { createMockApi } from 'immigraflow/mock'
      import { setupMockServer, startMockServer } from 'immigraflow/mock/node'
      import { setupMockWorker } from 'immigraflow/mock/browser'
      const client = new ImmigraFlow({ apiKey: 'k' })
      const secret = generateSecret()
      const headers = await sign({ id: 'msg_1', timestamp: new Date(), payload: '{}', secret })
      await verify('{}', headers, secret)
      const server = await startMockServer({ port: 0 })
      const user = await new ImmigraFlow({ apiKey: 'k', baseUrl: server.url }).users.create({ email: 'esm@example.com', name: 'ESM' })
      await server.close()
      console.log(JSON.stringify([typeof client.users.list, new NotFoundError({ status: 404, code: 'not_found', message: 'x', requestId: undefined, details: [], headers: new Headers() }) instanceof ImmigraFlowError, typeof createMockApi, typeof setupMockServer, typeof setupMockWorker, user.status]))
    `
    const { stdout } = await node(['--input-type=module', '-e', script])
    expect(JSON.parse(stdout)).toEqual(['function', true, 'function', 'function', 'function', 'pending_verification'])
  })

  it('keeps the name of every exported class, in ESM and CJS, so errors print as what they are', async () => {
    const check = (load: string) => `
      ${load}
      const misnamed = []
      for (const entry of entries) {
        for (const [name, value] of Object.entries(entry)) {
          if (typeof value === 'function' && /^[A-Z]/.test(name) && value.name !== name) misnamed.push(name + ' is ' + value.name)
        }
      }
      let printed = ''
      try { new entries[0].ImmigraFlow({ apiKey: '' }) } catch (error) { printed = require('node:util').inspect(error).split('\\n')[0] }
      console.log(JSON.stringify({ misnamed, printed: printed.slice(0, 30) }))
    `
    const esm = check(
      "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); const entries = await Promise.all(['immigraflow', 'immigraflow/webhooks', 'immigraflow/mock', 'immigraflow/mock/node', 'immigraflow/mock/browser'].map((entry) => import(entry)))",
    )
    const cjs = check(
      "const entries = ['immigraflow', 'immigraflow/webhooks', 'immigraflow/mock', 'immigraflow/mock/node'].map((entry) => require(entry))",
    )
    const expected = { misnamed: [], printed: 'ImmigraFlowError: No API key: ' }
    expect(JSON.parse((await node(['--input-type=module', '-e', esm])).stdout)).toEqual(expected)
    expect(JSON.parse((await node(['-e', cjs])).stdout)).toEqual(expected)
  })

  it('requires every entry as CommonJS', async () => {
    const script = `
      const { ImmigraFlow } = require('immigraflow')
      const { sign } = require('immigraflow/webhooks')
      const { createMockApi } = require('immigraflow/mock')
      const { startMockServer } = require('immigraflow/mock/node')
      const { setupMockWorker } = require('immigraflow/mock/browser')
      ;(async () => {
        const server = await startMockServer({ port: 0 })
        const client = new ImmigraFlow({ apiKey: 'k', baseUrl: server.url })
        const page = await client.users.list()
        await server.close()
        console.log(JSON.stringify([typeof sign, typeof createMockApi, typeof setupMockWorker, page.total]))
      })()
    `
    const { stdout } = await node(['-e', script])
    expect(JSON.parse(stdout)).toEqual(['function', 'function', 'function', 0])
  })

  it('loads immigraflow/mock with msw unavailable (ESM and CJS), and the SDK runs on api.fetch', async () => {
    const blocked = '/^(msw|@mswjs|graphql)(\\/|$)/'
    const hooks = `export async function resolve(specifier, context, next) {
      if (${blocked}.test(specifier)) throw new Error('blocked: ' + specifier)
      return next(specifier, context)
    }`
    const flow = `
      const api = createMockApi()
      const client = new ImmigraFlow({ apiKey: 'k', baseUrl: api.baseUrl, fetch: api.fetch })
      const user = await client.users.create({ email: 'neutral@example.com', name: 'Neutral' })
      console.log(JSON.stringify([user.status, api.requests.length]))
    `
    const esm = `
      import { register } from 'node:module'
      register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hooks)}))
      const { createMockApi } = await import('immigraflow/mock')
      const { ImmigraFlow } = await import('immigraflow')
      ${flow}
    `
    const cjs = `
      const Module = require('node:module')
      const resolveFilename = Module._resolveFilename
      Module._resolveFilename = function (request, ...rest) {
        if (${blocked}.test(request)) throw new Error('blocked: ' + request)
        return resolveFilename.call(this, request, ...rest)
      }
      const { createMockApi } = require('immigraflow/mock')
      const { ImmigraFlow } = require('immigraflow')
      ;(async () => { ${flow} })()
    `
    const expected = ['pending_verification', 1]
    expect(JSON.parse((await node(['--input-type=module', '-e', esm])).stdout)).toEqual(expected)
    expect(JSON.parse((await node(['-e', cjs])).stdout)).toEqual(expected)
    // The hooks do block msw: the MSW host does not load under them.
    const mswHost = esm.replace("import('immigraflow/mock')", "import('immigraflow/mock/node')")
    await expect(node(['--input-type=module', '-e', mswHost])).rejects.toThrow(/blocked: msw/)
  })

  it('verifies webhooks with node:crypto in Node (ESM and CJS) and with Web Crypto in a browser bundle', async () => {
    // With Web Crypto's verify switched off, only an implementation that does not use it can verify.
    const flow = (load: string) => `
      ${load}
      const secret = generateSecret()
      const headers = await sign({ id: 'msg_1', timestamp: new Date(), payload: '{}', secret })
      const webVerify = globalThis.crypto.subtle.verify
      globalThis.crypto.subtle.verify = () => Promise.reject(new Error('Web Crypto used'))
      const withoutWebCrypto = await verify('{}', headers, secret).catch((error) => error.message)
      globalThis.crypto.subtle.verify = webVerify
      console.log(JSON.stringify([withoutWebCrypto, await verify('{}', headers, secret)]))
    `
    const esm = flow("const { generateSecret, sign, verify } = await import('immigraflow/webhooks')")
    const cjs = `;(async () => { ${flow("const { generateSecret, sign, verify } = require('immigraflow/webhooks')")} })()`
    expect(JSON.parse((await node(['--input-type=module', '-e', esm])).stdout)).toEqual([true, true])
    expect(JSON.parse((await node(['-e', cjs])).stdout)).toEqual([true, true])

    // A browser bundler resolves #crypto through the package's `imports` to Web Crypto: no node:crypto in the bundle.
    writeFileSync(
      join(consumer, 'browser-app.js'),
      `${flow("import { generateSecret, sign, verify } from 'immigraflow/webhooks'")}`,
    )
    await run(
      bin('esbuild'),
      ['browser-app.js', '--bundle', '--platform=browser', '--format=esm', '--outfile=browser-bundle.mjs'],
      {
        cwd: consumer,
      },
    )
    const bundle = readFileSync(join(consumer, 'browser-bundle.mjs'), 'utf8')
    expect(bundle).not.toMatch(/createHmac|["'](node:)?crypto["']/)
    expect(JSON.parse((await node(['browser-bundle.mjs'])).stdout)).toEqual(['Web Crypto used', true])
  })

  it('runs the immigraflow-mock bin, which prints its URL and stops on SIGTERM', async () => {
    const child = spawn(join(consumer, 'node_modules', '.bin', 'immigraflow-mock'), ['--port', '0'], { cwd: consumer })
    const url = await new Promise<string>((resolve, reject) => {
      let output = ''
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output)
        if (match) resolve(match[0])
      })
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)))
    })
    const health = await fetch(`${url}/__mock/health`)
    expect(health.status).toBe(200)
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    expect(await exit).toBe(0)
  })

  it.each(['node16', 'bundler'])('type-checks a consumer with moduleResolution %s', async (resolution) => {
    const dir = join(consumer, `ts-${resolution}`)
    await run('mkdir', ['-p', dir])
    const module = resolution === 'node16' ? 'node16' : 'esnext'
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module,
          moduleResolution: resolution,
          target: 'es2022',
          lib: ['es2022', 'dom'],
          skipLibCheck: false,
          types: [],
        },
        include: ['*.ts'],
      }),
    )
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }))
    writeFileSync(
      join(dir, 'usage.ts'),
      `import { ImmigraFlow, type User, NotFoundError } from 'immigraflow'
import { unwrap, type WebhookEvent } from 'immigraflow/webhooks'
import { createMockApi } from 'immigraflow/mock'
const client = new ImmigraFlow({ apiKey: 'k' })
export async function main(): Promise<string> {
  const user: User = await client.users.retrieve(1)
  const event: WebhookEvent = await unwrap('{}', {}, 'whsec_x')
  if (event.type === 'case.status_changed') return event.data.status_update.status_code
  const api = createMockApi()
  return user.email + String(api.baseUrl) + String(NotFoundError.name)
}
// @ts-expect-error: a wrong body field is a type error for consumers too
client.users.create({ mail: 'x@example.com', name: 'X' })
`,
    )
    await run(bin('tsc'), ['-p', dir])
  })

  it('passes publint', async () => {
    const { stdout } = await run(bin('publint'), ['--strict', root], { cwd: root })
    expect(stdout).not.toMatch(/error|warning|suggestion/i)
  })

  it('passes arethetypeswrong for every entry', async () => {
    // node16 profile: the package is ESM-first with an exports map, which node10 resolution ignores.
    // JSON output, because attw's default table changes layout with the terminal's width.
    const args = [tarball, '--profile', 'node16', '--format', 'json']
    args.push('--exclude-entrypoints', './openapi.yaml', './package.json')
    // attw exits non-zero on any problem the profile counts, which rejects here.
    const { stdout } = await run(bin('attw'), args, { cwd: root })
    const { analysis, problems } = JSON.parse(stdout) as AttwReport
    const counted = Object.values(problems ?? {})
      .flat()
      .filter((problem) => problem.resolutionKind !== 'node10')
    expect(counted).toEqual([])
    expect(Object.keys(analysis.entrypoints).sort()).toEqual(
      ['.', './mock', './mock/browser', './mock/node', './webhooks'].sort(),
    )
    for (const entry of Object.values(analysis.entrypoints)) {
      for (const kind of ['node16-cjs', 'node16-esm', 'bundler'] as const) {
        expect(entry.resolutions[kind]?.resolution?.isTypeScript, `${entry.subpath} (${kind})`).toBe(true)
      }
    }
  })
})

/** The part of `attw --format json` this test reads. */
interface AttwReport {
  analysis: {
    entrypoints: Record<
      string,
      { subpath: string; resolutions: Record<string, { resolution?: { isTypeScript: boolean } }> }
    >
  }
  problems?: Record<string, { resolutionKind?: string }[]>
}
