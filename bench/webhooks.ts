import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { Webhook } from 'standardwebhooks'
import { importBuilt, interleaved, type Row, ratioRow, row } from './lib'

type WebhooksModule = typeof import('../src/webhooks')

/** A realistic `case.status_changed` event, padded to 2 kB as sent: the body both libraries verify. */
function payloadOf(bytes: number): string {
  const event = {
    id: 'evt_01HZX3K9Q4T8V6N2M5P7R1S3W0',
    type: 'case.status_changed',
    created_at: '2026-03-01T09:41:12.345Z',
    data: {
      case: { id: 42, user_id: 7, receipt_number: 'EAC2190012345', user_case_id: 'Green card', active: true },
      status_update: { id: 314, status_code: 'Case Was Approved', status_code_es: 'Caso Fue Aprobado' },
      description: '',
    },
  }
  const base = JSON.stringify(event).length
  event.data.description = 'x'.repeat(Math.max(0, bytes - base))
  return JSON.stringify(event)
}

/**
 * The built `immigraflow/webhooks` as a browser bundler resolves it (esbuild, `browser` platform: `#crypto` is
 * Web Crypto), loaded into this Node process, so both implementations run side by side.
 */
async function importWebCryptoBuild(): Promise<WebhooksModule> {
  const dir = mkdtempSync(join(tmpdir(), 'immigraflow-webcrypto-'))
  try {
    const outfile = join(dir, 'webhooks.mjs')
    await build({
      entryPoints: [fileURLToPath(new URL('../dist/webhooks.js', import.meta.url))],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      outfile,
      logLevel: 'silent',
      // Resolve as a consumer would: this repo's tsconfig maps `#crypto` to the node:crypto sources.
      tsconfigRaw: {},
    })
    return (await import(pathToFileURL(outfile).href)) as WebhooksModule
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Operations per second of `count` sequential calls of `verify` (awaited one by one when it is async). */
async function opsPerSecond(count: number, verify: () => unknown): Promise<number> {
  const start = process.hrtime.bigint()
  for (let i = 0; i < count; i++) await verify()
  return count / (Number(process.hrtime.bigint() - start) / 1e9)
}

/** Operations per second of `count` calls issued in batches of `batch` concurrent calls. */
async function batchedOpsPerSecond(count: number, batch: number, verify: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint()
  for (let done = 0; done < count; done += batch) await Promise.all(Array.from({ length: batch }, verify))
  return count / (Number(process.hrtime.bigint() - start) / 1e9)
}

/** Counts `crypto.subtle.importKey` calls while `body` runs: the CryptoKey cache should make it 0. */
async function countImportKey(body: () => Promise<unknown>): Promise<number> {
  const subtle = globalThis.crypto.subtle
  const original = subtle.importKey
  let calls = 0
  subtle.importKey = function (this: SubtleCrypto, ...args: Parameters<SubtleCrypto['importKey']>) {
    calls++
    return Reflect.apply(original, this, args)
  } as SubtleCrypto['importKey']
  try {
    await body()
  } finally {
    // Drop the instance property: the prototype's method shows through again.
    delete (subtle as Partial<SubtleCrypto>).importKey
  }
  return calls
}

/**
 * Webhook verification of a 2 kB payload: `immigraflow/webhooks` `verify` as Node gets it (node:crypto through
 * `#crypto`) and as every other platform gets it (Web Crypto), vs the `standardwebhooks` package (synchronous,
 * pure-JS SHA-256), all verifying only (the package's JSON parsing is switched off), with a fresh timestamp and the
 * same secret.
 */
export async function webhookVerify({
  count = 5_000,
  batch = 64,
  runs = 7,
  payloadBytes = 2_048,
} = {}): Promise<Row[]> {
  const { generateSecret, sign, verify } = await importBuilt<WebhooksModule>('webhooks.js')
  const web = await importWebCryptoBuild()
  const secret = generateSecret()
  const payload = payloadOf(payloadBytes)
  const headers = await sign({ id: 'msg_bench', timestamp: new Date(), payload, secret })
  const standard = new Webhook(secret)
  // All must accept the same signed message, or the comparison means nothing.
  standard.verify(payload, headers, { jsonParse: false })
  await verify(payload, headers, secret)
  await web.verify(payload, headers, secret)
  // The Node build must not go through Web Crypto: with it switched off, it still verifies.
  const subtleVerify = globalThis.crypto.subtle.verify
  globalThis.crypto.subtle.verify = () => Promise.reject(new Error('Web Crypto used'))
  try {
    await verify(payload, headers, secret)
  } finally {
    delete (globalThis.crypto.subtle as Partial<SubtleCrypto>).verify
  }
  if (globalThis.crypto.subtle.verify !== subtleVerify) throw new Error('crypto.subtle.verify not restored')

  // The floor of any Web Crypto verify: one awaited `crypto.subtle.verify` of the same message, key imported once.
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    Buffer.from(secret.slice('whsec_'.length), 'base64'),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  )
  const signature = Buffer.from(headers['webhook-signature'].slice('v1,'.length), 'base64')
  const content = new TextEncoder().encode(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${payload}`)
  if (!(await globalThis.crypto.subtle.verify('HMAC', key, signature, content))) throw new Error('floor: no match')

  const subjects = {
    standard: () => opsPerSecond(count, () => standard.verify(payload, headers, { jsonParse: false })),
    sequential: () => opsPerSecond(count, () => verify(payload, headers, secret)),
    concurrent: () => batchedOpsPerSecond(count, batch, () => verify(payload, headers, secret)),
    webSequential: () => opsPerSecond(count, () => web.verify(payload, headers, secret)),
    subtle: () => opsPerSecond(count, () => globalThis.crypto.subtle.verify('HMAC', key, signature, content)),
  }
  await interleaved(subjects, 1)
  const results = await interleaved(subjects, runs)
  const importKeyCalls = await countImportKey(() => opsPerSecond(count, () => web.verify(payload, headers, secret)))
  const bench = `webhook verify (${payloadBytes / 1024} kB)`
  const against = { name: 'standardwebhooks', runs: results.standard }
  const cache: Row = row(
    bench,
    `Web Crypto build: importKey calls in ${count} verifies (key cache)`,
    [importKeyCalls],
    'calls',
  )
  cache.goal = { target: '= 0', met: importKeyCalls === 0 }
  return [
    row(bench, 'standardwebhooks verify (sync, pure JS)', results.standard, 'ops/s'),
    ratioRow(bench, 'immigraflow verify on Node (node:crypto), sequential', results.sequential, 'ops/s', against, {
      min: 1.5,
    }),
    ratioRow(
      bench,
      `immigraflow verify on Node (node:crypto), ${batch} concurrent`,
      results.concurrent,
      'ops/s',
      against,
      {
        min: 1,
      },
    ),
    ratioRow(bench, 'immigraflow verify, Web Crypto build, sequential', results.webSequential, 'ops/s', against),
    ratioRow(bench, 'crypto.subtle.verify alone, sequential (Web Crypto floor)', results.subtle, 'ops/s', against),
    cache,
  ]
}
