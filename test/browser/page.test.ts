/**
 * examples/browser in a real browser: Vite builds the page, Debian's Chromium opens it, and the
 * SDK talks to the mock through MSW's service worker.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { type Browser, chromium, type Page } from 'playwright-core'
import { build, type PreviewServer, preview } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_ARGS, chromiumHere } from './chromium'

const chromiumDecision = chromiumHere()
// Without a browser (and without IMMIGRAFLOW_REQUIRE_BROWSER=1) the file is skipped with one line.
if (!chromiumDecision.run && !chromiumDecision.fail) process.stderr.write(`${chromiumDecision.message}\n`)
const describeInBrowser = chromiumDecision.run || chromiumDecision.fail ? describe : describe.skip
const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const pageDir = join(repoRoot, 'examples/browser')
const screenshotPath = fileURLToPath(new URL('./.artifacts/cases.png', import.meta.url))
const API_ORIGIN = 'https://api.immigraflow.com'
/** The page's one intended failure: USCIS knows no receipt ending in 9. */
const UNKNOWN_RECEIPT = 'WAC2490123419'

type Problem = { kind: string; text: string; url: string }

let workDir: string
let server: PreviewServer | undefined
let browser: Browser | undefined
let page: Page
const problems: Problem[] = []
const apiCalls: { method: string; url: string; status: number; fromServiceWorker: boolean }[] = []

/** Copies msw's worker script with its own CLI, so it always matches the installed msw. */
async function initWorkerScript(publicDir: string): Promise<void> {
  const mswCli = join(dirname(createRequire(import.meta.url).resolve('msw/package.json')), 'cli/index.js')
  await promisify(execFile)(process.execPath, [mswCli, 'init', publicDir, '--save=false'], { cwd: repoRoot })
}

beforeAll(async () => {
  if (!chromiumDecision.run) {
    if (chromiumDecision.fail) throw new Error(chromiumDecision.message)
    return
  }
  workDir = await mkdtemp(join(tmpdir(), 'immigraflow-browser-'))
  const publicDir = join(workDir, 'public')
  const outDir = join(workDir, 'dist')
  await mkdir(publicDir)
  await initWorkerScript(publicDir)

  const config = {
    configFile: join(pageDir, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'warn' as const,
    publicDir,
    build: { outDir, emptyOutDir: true },
  }
  await build(config)
  server = await preview({ ...config, preview: { host: '127.0.0.1', port: 0, strictPort: true } })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('vite preview did not report its URL')

  browser = await chromium.launch({
    executablePath: chromiumDecision.executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
  })
  page = await browser.newPage({ viewport: { width: 1180, height: 640 }, locale: 'en-US' })
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push({ kind: `console.${message.type()}`, text: message.text(), url: message.location().url })
    }
  })
  page.on('pageerror', (error) => problems.push({ kind: 'pageerror', text: String(error), url: page.url() }))
  page.on('requestfailed', (request) =>
    problems.push({ kind: 'requestfailed', text: request.failure()?.errorText ?? '', url: request.url() }),
  )
  page.on('response', (response) => {
    const request = response.request()
    if (request.url().startsWith(API_ORIGIN)) {
      apiCalls.push({
        method: request.method(),
        url: request.url(),
        status: response.status(),
        fromServiceWorker: response.fromServiceWorker(),
      })
    } else if (response.status() >= 400) {
      problems.push({ kind: 'response', text: String(response.status()), url: request.url() })
    }
  })

  await page.goto(url)
  await page.locator('body[data-state="ready"], body[data-state="error"]').waitFor({ timeout: 15_000 })
  await mkdir(dirname(screenshotPath), { recursive: true })
  await page.screenshot({ path: screenshotPath, fullPage: true })
  console.log(`Screenshot of examples/browser: ${screenshotPath}`)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

describeInBrowser('examples/browser in Chromium, with the mock in a service worker', () => {
  it('loads the cases without showing an error', async () => {
    const error = page.locator('#error')
    expect(await error.isVisible(), `the page shows: ${await error.textContent()}`).toBe(false)
    expect(await page.locator('body').getAttribute('data-state')).toBe('ready')
  })

  it("renders the user's name and every case with its status in English and Spanish", async () => {
    expect(await page.locator('h1').textContent()).toBe('Cases for María López')
    expect(await page.locator('#subtitle').textContent()).toBe('maria.lopez@example.com · 4 cases tracked')
    const rows = await page
      .locator('#cases tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.innerText.replace(/\s+/g, ' ').trim())),
      )
    expect(rows).toEqual([
      ['IOE0915220200', 'Green card I-485', 'Case Was Approved', 'Caso Fue Aprobado', 'Jan 5, 2026, 9:00 AM UTC'],
      [
        'MSC2490187123',
        'Work permit I-765',
        'Case Was Updated To Show Fingerprints Were Taken',
        'Caso Fue Actualizado Para Mostrar Que Se Tomaron Las Huellas Digitales',
        'Jan 5, 2026, 9:00 AM UTC',
      ],
      ['EAC2290145031', 'Travel document I-131', 'Case Was Received', 'Caso Fue Recibido', 'Jan 5, 2026, 9:00 AM UTC'],
      [UNKNOWN_RECEIPT, "Parents' petition", 'Not found at USCIS', 'No encontrado en USCIS', '—'],
    ])
  })

  it('sends every API request through the service worker', async () => {
    const controller = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)
    expect(controller).toMatch(/\/mockServiceWorker\.js$/)
    // users.list, cases.list, four checks, cases.list again.
    expect(apiCalls).toHaveLength(7)
    expect(apiCalls.filter((call) => !call.fromServiceWorker)).toEqual([])
  })

  it('fails only the check of the receipt USCIS does not know, and logs nothing else', () => {
    expect(apiCalls.filter((call) => call.status >= 400)).toEqual([
      { method: 'POST', url: `${API_ORIGIN}/v1/check`, status: 404, fromServiceWorker: true },
    ])
    // Chromium reports the 404 as a failed resource; the SDK, at its default level, logs nothing:
    // the page catches the error itself.
    expect(problems).toEqual([
      {
        kind: 'console.error',
        text: 'Failed to load resource: the server responded with a status of 404 (Not Found)',
        url: `${API_ORIGIN}/v1/check`,
      },
    ])
  })
})
