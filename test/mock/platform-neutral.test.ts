import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** Every module `entry` reaches through relative imports, with the bare specifiers each one imports. */
function importGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  const visit = (file: string) => {
    if (graph.has(file)) return
    const source = readFileSync(file, 'utf8')
    const specifiers = [...source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)].map(
      (match) => match[1] as string,
    )
    graph.set(
      file,
      specifiers.filter((specifier) => !specifier.startsWith('.')),
    )
    for (const specifier of specifiers.filter((item) => item.startsWith('.'))) {
      const base = resolve(dirname(file), specifier)
      const next = [`${base}.ts`, resolve(base, 'index.ts')].find((candidate) => existsSync(candidate))
      if (next) visit(next)
    }
  }
  visit(resolve(root, entry))
  return graph
}

test('immigraflow/mock (mocks/index.ts) reaches no node: module, so it runs in browsers and workers', () => {
  const graph = importGraph('mocks/index.ts')
  expect(graph.size).toBeGreaterThan(10)
  const nodeImports = [...graph].flatMap(([file, specifiers]) =>
    specifiers.filter((specifier) => specifier.startsWith('node:')).map((specifier) => `${file}: ${specifier}`),
  )
  expect(nodeImports).toEqual([])
})

test('immigraflow/mock (mocks/index.ts) imports no msw, so it loads where msw cannot (workers, edge runtimes, Deno)', () => {
  const graph = importGraph('mocks/index.ts')
  const mswImports = [...graph].flatMap(([file, specifiers]) =>
    specifiers
      .filter((specifier) => /^(msw|@mswjs|graphql)(\/|$)/.test(specifier))
      .map((specifier) => `${file}: ${specifier}`),
  )
  expect(mswImports).toEqual([])
  // The MSW hosts do load it.
  expect([...importGraph('mocks/node.ts').values()].flat()).toContain('msw/node')
})

test('immigraflow/mock/browser reaches no node: module either', () => {
  const specifiers = [...importGraph('mocks/browser.ts').values()].flat()
  expect(specifiers.filter((specifier) => specifier.startsWith('node:') || specifier === 'msw/node')).toEqual([])
})

test('the session registry (mocks/sessions.ts) reaches neither node: nor msw, so any host can serve sessions with it', () => {
  const specifiers = [...importGraph('mocks/sessions.ts').values()].flat()
  expect(
    specifiers.filter((specifier) => specifier.startsWith('node:') || /^(msw|@mswjs)(\/|$)/.test(specifier)),
  ).toEqual([])
  expect(importGraph('mocks/sessions.ts').size).toBeGreaterThan(1)
})

test('immigraflow/mock exports the session registry: a host without Node or msw can serve sessions', async () => {
  const neutral = await import('../../mocks/index')
  const sessions = neutral.createMockSessions({
    defaultApi: neutral.createMockApi(),
    create: () => neutral.createMockApi(),
  })
  const coverage = neutral.coverageOfEverySession(sessions)
  const alice = sessions.resolve('alice')
  expect(alice).not.toBe(sessions.defaultApi)
  expect(neutral.SESSION_HEADER).toBe('X-Mock-Session')
  expect(() => sessions.resolve('no spaces')).toThrow(neutral.SessionError)
  await sessions.drop('alice')
  expect(coverage.report().documented).toBeGreaterThan(0)
})
