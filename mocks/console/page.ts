/**
 * The mock console: one HTML page, styles and script inlined, that the mock serves at
 * `GET /__mock/` and `GET /__mock/console`. It talks only to the mock that served it (its
 * control routes and, to verify a user, its API), so it needs no other server and loads
 * nothing from anywhere else; its Content-Security-Policy forbids it to.
 */
import { CONSOLE_HTML, CONSOLE_SCRIPT_HASH, CONSOLE_STYLE_HASH } from './page.generated'

/** The console page, complete. */
export function consolePage(): string {
  return CONSOLE_HTML
}

/**
 * Headers to serve the page with: HTML, never cached, and a policy that lets it run only its own
 * inline script and style and connect only to the mock's origin.
 */
export function consoleHeaders(): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': [
      "default-src 'none'",
      `script-src '${CONSOLE_SCRIPT_HASH}'`,
      `style-src '${CONSOLE_STYLE_HASH}'`,
      "connect-src 'self'",
      'img-src data:',
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
  }
}
