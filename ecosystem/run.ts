/**
 * `npm run test:ecosystem`: packs the package, installs the tarball into throwaway consumer
 * projects, and runs ecosystem/checks.ts on every target of ecosystem/targets.ts. Prints a table
 * of target × check and exits non-zero on any ✗.
 *
 *   npm run test:ecosystem                        every target
 *   npm run test:ecosystem -- --only deno,bun     some targets
 *   npm run test:ecosystem -- --readme            rewrite the README's matrix from targets.ts
 *   IMMIGRAFLOW_PACKAGE_TARBALL=x.tgz             test that tarball instead of packing this tree
 *
 * Runtimes come from their npm platform packages, installed with --ignore-scripts into
 * ecosystem/.cache (git-ignored, reused across runs). Consumers live in the OS temp folder.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { build } from 'esbuild'
import { parse as parseYaml } from 'yaml'
import { CHROMIUM_ARGS, chromiumHere } from '../test/browser/chromium'
import { CHECKS, type CheckConfig, type CheckId, type CheckReport } from './checks'
import { RUNTIMES, type Runtime, type RuntimeId, TARGETS, type Target, withMatrix } from './targets'

const root = fileURLToPath(new URL('..', import.meta.url))
const cacheDir = join(root, 'ecosystem', '.cache')
const checksSource = join(root, 'ecosystem', 'checks.ts')
const RESULT_MARK = 'ECOSYSTEM_RESULT '
const TARGET_TIMEOUT_MS = 240_000
/** workerd refuses compatibility dates past its own; any date of 2025 or later gives today's web APIs. */
const WORKERD_COMPATIBILITY_DATE = '2025-09-01'

type Cell = { state: 'pass' | 'fail' | 'skip'; detail: string }
type Row = { target: Target; cells: Record<CheckId, Cell>; seconds: number }
type Running = { url: string; close(): Promise<void> }
type MockNodeEntry = { startMockServer(options: { port: number; host: string }): Promise<Running> }

const CHECK_IDS = Object.keys(CHECKS) as CheckId[]

// ---------------------------------------------------------------------------------------------
// Processes

type Outcome = { code: number | null; stdout: string; stderr: string; timedOut: boolean }

/** Runs a command to completion (killing it after the timeout) and collects its output. */
function exec(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? childEnv(), stdio: 'pipe' })
    let stdout = ''
    let stderr = ''
    let timedOut = false
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk
    })
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, options.timeoutMs ?? TARGET_TIMEOUT_MS)
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.once('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr, timedOut })
    })
  })
}

/** Runs a setup command that must succeed. */
async function must(command: string, args: readonly string[], cwd: string, timeoutMs = 600_000): Promise<string> {
  const outcome = await exec(command, args, { cwd, timeoutMs })
  if (outcome.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${outcome.code}):\n${outcome.stderr || outcome.stdout}`)
  }
  return outcome.stdout
}

/** The environment targets run in: this one without the package's own variables or loader hooks. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra }
  for (const name of Object.keys(env)) {
    if (name.startsWith('IMMIGRAFLOW_') || name === 'NODE_OPTIONS') delete env[name]
  }
  return env
}

// ---------------------------------------------------------------------------------------------
// Runtimes and the consumer project

/** Installs the pinned runtime packages into ecosystem/.cache unless they are already there. */
async function ensureRuntimes(needed: readonly Runtime[]): Promise<void> {
  const dependencies: Record<string, string> = {}
  for (const runtime of Object.values(RUNTIMES) as Runtime[]) {
    if (runtime.package) dependencies[runtime.id] = `npm:${runtime.package.name}@${runtime.package.version}`
    for (const companion of runtime.companions ?? []) dependencies[companion.name] = companion.version
  }
  const installed = (name: string) => {
    const manifest = join(cacheDir, 'node_modules', name, 'package.json')
    return existsSync(manifest)
      ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
      : undefined
  }
  const missing = needed.flatMap((runtime) => [
    ...(runtime.package && installed(runtime.id) !== runtime.package.version ? [runtime.id] : []),
    ...(runtime.companions ?? []).filter((c) => installed(c.name) !== c.version).map((c) => c.name),
  ])
  if (missing.length === 0) return
  console.log(`Installing runtimes into ecosystem/.cache: ${missing.join(', ')}`)
  mkdirSync(cacheDir, { recursive: true })
  writeFileSync(
    join(cacheDir, 'package.json'),
    `${JSON.stringify({ name: 'immigraflow-ecosystem-runtimes', private: true, dependencies }, null, 2)}\n`,
  )
  await must('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], cacheDir)
}

function runtimeBin(id: RuntimeId): string {
  const runtime: Runtime = RUNTIMES[id]
  if (!runtime.package) throw new Error(`${id} is not a downloaded runtime`)
  return join(cacheDir, 'node_modules', runtime.id, runtime.package.bin)
}

/** The tarball to test: IMMIGRAFLOW_PACKAGE_TARBALL, or this tree built and packed. */
async function tarballFor(work: string): Promise<string> {
  const given = process.env.IMMIGRAFLOW_PACKAGE_TARBALL
  if (given) {
    if (!existsSync(given)) throw new Error(`IMMIGRAFLOW_PACKAGE_TARBALL=${given} does not exist`)
    return given
  }
  await must('npm', ['run', 'build'], root)
  const packs = join(work, 'pack')
  mkdirSync(packs)
  await must('npm', ['pack', '--pack-destination', packs], root)
  const file = readdirSync(packs).find((name) => name.endsWith('.tgz'))
  if (!file) throw new Error('npm pack wrote no tarball')
  return join(packs, file)
}

/** One consumer project with the tarball installed; each target gets a folder inside it. */
async function installConsumer(work: string, tarball: string): Promise<string> {
  const consumer = join(work, 'consumer')
  mkdirSync(consumer)
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'ecosystem-consumer', private: true, dependencies: { immigraflow: `file:${tarball}` } }),
  )
  await must('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], consumer)
  return consumer
}

/** The spec's `user.created` example, from the packed package's openapi.yaml. */
function exampleEventBody(consumer: string): string {
  type Spec = {
    webhooks: Record<string, { post: { requestBody: { content: Record<string, { example: unknown }> } } }>
  }
  const spec = parseYaml(readFileSync(join(consumer, 'node_modules/immigraflow/openapi.yaml'), 'utf8')) as Spec
  const example = spec.webhooks['user.created']?.post.requestBody.content['application/json']?.example
  if (!example) throw new Error('the packed openapi.yaml has no user.created example')
  return JSON.stringify(example)
}

// ---------------------------------------------------------------------------------------------
// Targets

const SOURCE_EXTERNALS = ['immigraflow', 'immigraflow/*']

/** checks.ts compiled to a module that imports the installed package (ESM or CommonJS). */
async function compileChecks(dir: string, format: 'esm' | 'cjs'): Promise<string> {
  const file = format === 'esm' ? 'checks.mjs' : 'checks.cjs'
  await build({
    entryPoints: [checksSource],
    outfile: join(dir, file),
    bundle: true,
    format,
    platform: 'neutral',
    target: 'es2022',
    external: SOURCE_EXTERNALS,
    // CommonJS consumers load every entry with require(), including the lazily imported mock.
    supported: format === 'cjs' ? { 'dynamic-import': false } : {},
    logLevel: 'error',
  })
  return file
}

/** checks.ts and an entry bundled with the installed package, for runtimes without module resolution. */
async function bundleChecks(
  dir: string,
  options: { format: 'esm' | 'iife'; conditions: string[]; entry: string },
): Promise<string> {
  writeFileSync(join(dir, 'entry.ts'), options.entry)
  writeFileSync(join(dir, 'checks.ts'), readFileSync(checksSource, 'utf8'))
  const outfile = join(dir, options.format === 'esm' ? 'bundle.mjs' : 'bundle.js')
  await build({
    entryPoints: [join(dir, 'entry.ts')],
    outfile,
    bundle: true,
    format: options.format,
    platform: 'browser',
    conditions: options.conditions,
    target: 'es2022',
    absWorkingDir: dir,
    logLevel: 'error',
  })
  return readFileSync(outfile, 'utf8')
}

const esmEntry = (config: CheckConfig, from: string) =>
  `import { runChecks } from '${from}'\nconst report = await runChecks(${JSON.stringify(config)})\nconsole.log(${JSON.stringify(RESULT_MARK)} + JSON.stringify(report))\n`

function packageJson(dir: string, type: 'module' | 'commonjs'): void {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, type }))
}

/** Runs one target: prepares its folder, then runs the checks inside the runtime. */
async function runTarget(target: Target, consumer: string, config: CheckConfig): Promise<Outcome> {
  const dir = join(consumer, target.id)
  const node = (id: RuntimeId) => (id === 'node20' ? process.execPath : runtimeBin(id))
  switch (target.kind) {
    case 'node-esm': {
      packageJson(dir, 'module')
      const checks = await compileChecks(dir, 'esm')
      writeFileSync(join(dir, 'entry.mjs'), esmEntry(config, `./${checks}`))
      return exec(node(target.runtime), ['entry.mjs'], { cwd: dir })
    }
    case 'node-cjs': {
      packageJson(dir, 'commonjs')
      const checks = await compileChecks(dir, 'cjs')
      writeFileSync(
        join(dir, 'entry.cjs'),
        `const { runChecks } = require('./${checks}')\nrunChecks(${JSON.stringify(config)}).then((report) => console.log(${JSON.stringify(RESULT_MARK)} + JSON.stringify(report)))\n`,
      )
      return exec(node(target.runtime), ['entry.cjs'], { cwd: dir })
    }
    case 'ts-node16':
    case 'ts-bundler': {
      packageJson(dir, 'module')
      const resolution = target.kind === 'ts-node16' ? 'node16' : 'bundler'
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            module: resolution === 'node16' ? 'node16' : 'esnext',
            moduleResolution: resolution,
            target: 'es2022',
            lib: ['es2022', 'dom'],
            skipLibCheck: false,
            types: [],
            outDir: 'out',
          },
          include: ['*.ts'],
        }),
      )
      writeFileSync(join(dir, 'checks.ts'), readFileSync(checksSource, 'utf8'))
      writeFileSync(join(dir, 'entry.ts'), esmEntry(config, './checks.js'))
      const tsc = await exec(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], { cwd: dir })
      if (tsc.code !== 0) return { ...tsc, stderr: `tsc: ${tsc.stdout}${tsc.stderr}` }
      return exec(process.execPath, ['out/entry.js'], { cwd: dir })
    }
    case 'bun': {
      packageJson(dir, 'module')
      const checks = await compileChecks(dir, 'esm')
      writeFileSync(join(dir, 'entry.mjs'), esmEntry(config, `./${checks}`))
      return exec(runtimeBin('bun'), ['run', 'entry.mjs'], {
        cwd: dir,
        env: childEnv({ BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0' }),
      })
    }
    case 'deno': {
      packageJson(dir, 'module')
      const checks = await compileChecks(dir, 'esm')
      writeFileSync(join(dir, 'entry.mjs'), esmEntry(config, `./${checks}`))
      const host = new URL(config.mockUrl).hostname
      return exec(runtimeBin('deno'), ['run', '--no-prompt', `--allow-net=${host}`, '--allow-read', 'entry.mjs'], {
        cwd: dir,
        env: childEnv({ DENO_DIR: join(consumer, '.deno'), DENO_NO_UPDATE_CHECK: '1' }),
      })
    }
    case 'workerd': {
      packageJson(dir, 'module')
      await bundleChecks(dir, {
        format: 'esm',
        conditions: ['workerd', 'worker'],
        entry: `import { runChecks } from './checks'\nexport default {\n  async test() {\n    const report = await runChecks(${JSON.stringify(config)})\n    console.log(${JSON.stringify(RESULT_MARK)} + JSON.stringify(report))\n  },\n}\n`,
      })
      // No compatibility flags: in particular no nodejs_compat. The outbound network allows
      // loopback so the worker reaches the runner's mock.
      writeFileSync(
        join(dir, 'config.capnp'),
        `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "checks", worker = .checksWorker),
    (name = "loopback", network = (allow = ["public", "private", "local"])),
  ],
);
const checksWorker :Workerd.Worker = (
  modules = [(name = "bundle.mjs", esModule = embed "bundle.mjs")],
  compatibilityDate = "${WORKERD_COMPATIBILITY_DATE}",
  globalOutbound = "loopback",
);
`,
      )
      return exec(runtimeBin('workerd'), ['test', 'config.capnp'], { cwd: dir })
    }
    case 'edge': {
      packageJson(dir, 'module')
      await bundleChecks(dir, {
        format: 'iife',
        conditions: ['edge-light', 'worker'],
        entry: `import { runChecks } from './checks'\n;(globalThis as { runEcosystemChecks?: unknown }).runEcosystemChecks = runChecks\n`,
      })
      const edgeRuntime = pathToFileURL(join(cacheDir, 'node_modules/edge-runtime/dist/index.js')).href
      writeFileSync(
        join(dir, 'host.mjs'),
        `import { readFileSync } from 'node:fs'
import { EdgeRuntime } from ${JSON.stringify(edgeRuntime)}
const runtime = new EdgeRuntime({ initialCode: readFileSync('bundle.js', 'utf8') })
const report = await runtime.evaluate(\`runEcosystemChecks(\${JSON.stringify(${JSON.stringify(config)})}).then((report) => JSON.stringify(report))\`)
console.log(${JSON.stringify(RESULT_MARK)} + report)
`,
      )
      return exec(process.execPath, ['host.mjs'], { cwd: dir })
    }
    case 'chromium': {
      packageJson(dir, 'module')
      const decision = chromiumHere()
      if (!decision.run) return { code: decision.fail ? 1 : 0, stdout: '', stderr: decision.message, timedOut: false }
      await bundleChecks(dir, {
        format: 'iife',
        conditions: ['browser'],
        entry: `import { runChecks } from './checks'\n;(globalThis as { runEcosystemChecks?: unknown }).runEcosystemChecks = runChecks\n`,
      })
      const playwright = pathToFileURL(join(root, 'node_modules/playwright-core/index.mjs')).href
      // The page is served at the mock's own origin (answered by Playwright, never by the mock),
      // so the SDK's requests to the mock are same-origin.
      writeFileSync(
        join(dir, 'host.mjs'),
        `import { readFileSync } from 'node:fs'
import { chromium } from ${JSON.stringify(playwright)}
const config = ${JSON.stringify(config)}
const browser = await chromium.launch({ executablePath: ${JSON.stringify(decision.executablePath)}, headless: true, args: ${JSON.stringify(CHROMIUM_ARGS)} })
try {
  const page = await browser.newPage()
  const pageUrl = config.mockUrl + '/__ecosystem/index.html'
  await page.route(pageUrl, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>ecosystem</title>' }))
  await page.goto(pageUrl)
  await page.addScriptTag({ content: readFileSync('bundle.js', 'utf8') })
  const report = await page.evaluate((config) => globalThis.runEcosystemChecks(config), config)
  console.log(${JSON.stringify(RESULT_MARK)} + JSON.stringify(report))
} finally {
  await browser.close()
}
`,
      )
      return exec(process.execPath, ['host.mjs'], { cwd: dir })
    }
  }
}

/** The row of one target: its report, or the reason it produced none. */
function rowFrom(target: Target, outcome: Outcome, seconds: number): Row {
  const line = outcome.stdout.split('\n').find((text) => text.startsWith(RESULT_MARK))
  if (line) {
    const report = JSON.parse(line.slice(RESULT_MARK.length)) as CheckReport
    const cells = Object.fromEntries(
      CHECK_IDS.map((id) => [id, { state: report[id].ok ? 'pass' : 'fail', detail: report[id].detail }]),
    ) as Record<CheckId, Cell>
    return { target, cells, seconds }
  }
  const skipped = target.kind === 'chromium' && outcome.code === 0
  const output = `${outcome.stderr}\n${outcome.stdout}`
  const reason = outcome.timedOut
    ? `timed out after ${TARGET_TIMEOUT_MS / 1000} s`
    : (output
        .split('\n')
        .map((text) => text.trim())
        .find((text) => /error|not found|cannot|failed|skipped|denied|notcapable/i.test(text)) ??
      `exit ${outcome.code}: ${output.trim().split('\n').slice(-1)[0] ?? ''}`)
  const cell: Cell = { state: skipped ? 'skip' : 'fail', detail: reason.slice(0, 300) }
  return { target, cells: { sdk: cell, webhooks: cell, mock: cell }, seconds }
}

// ---------------------------------------------------------------------------------------------
// Report

const MARK: Record<Cell['state'], string> = { pass: '✓', fail: '✗', skip: '–' }
const SHORT = 48

/** The version that actually ran, for the table. */
async function versionRan(id: RuntimeId): Promise<string> {
  const runtime: Runtime = RUNTIMES[id]
  if (runtime.package) return runtime.package.version
  if (id === 'node20') return process.version.slice(1)
  if (id === 'typescript') {
    const manifest = join(root, 'node_modules/typescript/package.json')
    return `tsc ${(JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version}`
  }
  if (id === 'edge')
    return (runtime.companions ?? []).map((c) => `${c.name.replace(/.*\//, '')} ${c.version}`).join(', ')
  const decision = chromiumHere()
  if (!decision.run) return 'not installed'
  const outcome = await exec(decision.executablePath, ['--version'], { cwd: root, timeoutMs: 30_000 })
  return (
    outcome.stdout
      .trim()
      .replace(/^Chromium\s+/, '')
      .split(' ')[0] ?? 'unknown'
  )
}

async function printTable(rows: readonly Row[]): Promise<void> {
  const headers = ['target', 'runtime', ...CHECK_IDS.map((id, n) => `(${'abc'[n]}) ${id}`), 'time']
  const versions = new Map<RuntimeId, string>()
  for (const row of rows) {
    if (!versions.has(row.target.runtime)) versions.set(row.target.runtime, await versionRan(row.target.runtime))
  }
  const body = rows.map((row) => {
    return [
      row.target.id,
      versions.get(row.target.runtime) ?? '',
      ...CHECK_IDS.map((id) => {
        const cell = row.cells[id]
        if (cell.state === 'pass') return MARK.pass
        if (cell.state === 'skip') return `${MARK.skip} skipped`
        return `${MARK.fail} ${cell.detail.length > SHORT ? `${cell.detail.slice(0, SHORT - 1)}…` : cell.detail}`
      }),
      `${row.seconds.toFixed(1)} s`,
    ]
  })
  const widths = headers.map((header, n) => Math.max(header.length, ...body.map((cells) => (cells[n] ?? '').length)))
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, n) => cell.padEnd(widths[n] ?? 0))
      .join('  ')
      .trimEnd()
  console.log(`\n${line(headers)}\n${line(widths.map((width) => '-'.repeat(width)))}`)
  for (const cells of body) console.log(line(cells))
  const notes = rows.flatMap((row) => {
    const cells = CHECK_IDS.map((id) => row.cells[id])
    // A target that never produced a report has one reason for all its cells: say it once.
    if (cells.every((cell) => cell.state !== 'pass' && cell === cells[0])) {
      return [`  ${row.target.id}: ${MARK[cells[0]?.state ?? 'fail']} ${cells[0]?.detail}`]
    }
    return CHECK_IDS.filter((id) => row.cells[id].state !== 'pass').map(
      (id) => `  ${row.target.id} (${id}): ${MARK[row.cells[id].state]} ${row.cells[id].detail}`,
    )
  })
  if (notes.length > 0) console.log(`\n${notes.join('\n')}`)
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { only: { type: 'string', multiple: true }, readme: { type: 'boolean' }, keep: { type: 'boolean' } },
  })
  if (values.readme) {
    const path = join(root, 'README.md')
    writeFileSync(path, withMatrix(readFileSync(path, 'utf8')))
    console.log('README compatibility matrix rendered from ecosystem/targets.ts.')
    return 0
  }
  const only = (values.only ?? []).flatMap((value) => value.split(',')).filter(Boolean)
  const unknown = only.filter((id) => !TARGETS.some((target) => target.id === id))
  if (unknown.length > 0) {
    console.error(`Unknown target ${unknown.join(', ')}; targets: ${TARGETS.map((t) => t.id).join(', ')}`)
    return 2
  }
  const targets = only.length > 0 ? TARGETS.filter((target) => only.includes(target.id)) : TARGETS
  const started = performance.now()
  const work = mkdtempSync(join(tmpdir(), 'immigraflow-ecosystem-'))
  try {
    const [tarball] = await Promise.all([
      tarballFor(work),
      ensureRuntimes([...new Set(targets.map((target) => RUNTIMES[target.runtime] as Runtime))]),
    ])
    const consumer = await installConsumer(work, tarball)
    const eventBody = exampleEventBody(consumer)
    const mockNode = (await import(
      pathToFileURL(join(consumer, 'node_modules/immigraflow/dist/mock/node.js')).href
    )) as MockNodeEntry
    console.log(`Testing ${tarball} on ${targets.length} targets`)
    const rows: Row[] = []
    for (const target of targets) {
      const targetStarted = performance.now()
      // A fresh standalone mock per target, on a free port, closed when the target is done.
      const mock = await mockNode.startMockServer({ port: 0, host: '127.0.0.1' })
      let outcome: Outcome
      try {
        outcome = await runTarget(target, consumer, { mockUrl: mock.url, eventBody })
      } catch (error) {
        outcome = { code: 1, stdout: '', stderr: `error preparing the target: ${String(error)}`, timedOut: false }
      } finally {
        await mock.close()
      }
      const row = rowFrom(target, outcome, (performance.now() - targetStarted) / 1000)
      rows.push(row)
      const marks = CHECK_IDS.map((id) => MARK[row.cells[id].state]).join(' ')
      console.log(`  ${target.id.padEnd(12)} ${marks}  (${row.seconds.toFixed(1)} s)`)
    }
    await printTable(rows)
    const failed = rows.some((row) => CHECK_IDS.some((id) => row.cells[id].state === 'fail'))
    console.log(
      `\n${failed ? 'FAILED' : 'PASSED'}: ${targets.length} targets × ${CHECK_IDS.length} checks in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    )
    return failed ? 1 : 0
  } finally {
    if (values.keep) console.log(`Kept ${work}`)
    else rmSync(work, { recursive: true, force: true })
  }
}

process.exitCode = await main()
