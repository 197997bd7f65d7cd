/**
 * Whether the browser tests can run here: they drive a system Chromium, which a fresh machine may
 * not have. Without one they are skipped with a one-line note; CI sets IMMIGRAFLOW_REQUIRE_BROWSER=1
 * so that a missing browser fails instead of passing quietly.
 */
import { existsSync } from 'node:fs'

/** Where Debian's `chromium` package installs the browser. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium'
/** How to get it on Debian and Ubuntu. */
export const INSTALL_CHROMIUM = 'apt-get install -y chromium'
/** Flags for headless Chromium in a container, without background network chatter. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export type ChromiumDecision =
  | { readonly run: true; readonly executablePath: string }
  | { readonly run: false; readonly fail: boolean; readonly message: string }

/**
 * Run with the browser at `IMMIGRAFLOW_CHROMIUM` (default /usr/bin/chromium) when it exists;
 * otherwise skip, or fail when `IMMIGRAFLOW_REQUIRE_BROWSER=1`.
 */
export function decideChromium(
  env: Readonly<Record<string, string | undefined>>,
  exists: (path: string) => boolean,
): ChromiumDecision {
  const executablePath = env.IMMIGRAFLOW_CHROMIUM?.trim() || DEFAULT_CHROMIUM
  if (exists(executablePath)) return { run: true, executablePath }
  const required = env.IMMIGRAFLOW_REQUIRE_BROWSER === '1'
  const what = `Chromium not found at ${executablePath}`
  return required
    ? {
        run: false,
        fail: true,
        message: `${what}, and IMMIGRAFLOW_REQUIRE_BROWSER=1 requires it. Install it with: ${INSTALL_CHROMIUM} (or set IMMIGRAFLOW_CHROMIUM to its path).`,
      }
    : {
        run: false,
        fail: false,
        message: `Browser tests skipped: ${what}. Install it with: ${INSTALL_CHROMIUM} (or set IMMIGRAFLOW_CHROMIUM to its path).`,
      }
}

/** The decision for this process. */
export function chromiumHere(): ChromiumDecision {
  return decideChromium(process.env, existsSync)
}
