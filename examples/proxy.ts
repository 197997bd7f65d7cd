/**
 * Sending through an HTTP proxy, per runtime: each runtime's fetch takes its proxy in its own
 * `RequestInit` field, which `fetchOptions` hands over. The client reads IMMIGRAFLOW_API_KEY.
 */
// #region imports
import { ImmigraFlow } from 'immigraflow'
import { ProxyAgent } from 'undici'

// #endregion

/** Deno's global, declared so that this file type-checks under Node. */
declare const Deno: { createHttpClient(options: { proxy: { url: string } }): unknown }

/** Node: undici's ProxyAgent as the fetch dispatcher (`npm install undici`). */
export function nodeClient(proxyUrl: string): ImmigraFlow {
  // #region node
  const client = new ImmigraFlow({ fetchOptions: { dispatcher: new ProxyAgent(proxyUrl) } })
  // #endregion
  return client
}

/** Bun: its fetch takes a proxy URL. */
export function bunClient(proxyUrl: string): ImmigraFlow {
  // #region bun
  const client = new ImmigraFlow({ fetchOptions: { proxy: proxyUrl } })
  // #endregion
  return client
}

/** Deno: an HttpClient with a proxy. */
export function denoClient(proxyUrl: string): ImmigraFlow {
  // #region deno
  const client = new ImmigraFlow({
    fetchOptions: { client: Deno.createHttpClient({ proxy: { url: proxyUrl } }) },
  })
  // #endregion
  return client
}
