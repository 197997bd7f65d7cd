import { ImmigraFlowError } from './base-error'
import { readEnv } from './env'

/** How much the SDK logs; `off` logs nothing. */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug'

/** Anything with console's four methods, e.g. `console`, pino or winston. */
export type Logger = {
  error(message: string, ...args: unknown[]): void
  warn(message: string, ...args: unknown[]): void
  info(message: string, ...args: unknown[]): void
  debug(message: string, ...args: unknown[]): void
}

const LEVELS: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 }

function parseLevel(value: string, source: string): LogLevel {
  if (value in LEVELS) return value as LogLevel
  throw new ImmigraFlowError(`${source} must be one of ${Object.keys(LEVELS).join(', ')}; got "${value}".`)
}

/** A logger that drops messages below its level and never prints the API key. */
export type SdkLogger = Logger & { readonly level: LogLevel }

/**
 * Wraps the user's logger with a level filter and key redaction. The level comes from the
 * `logLevel` option, else `IMMIGRAFLOW_LOG`, else `warn`.
 */
export function createLogger(options: {
  logLevel?: LogLevel
  logger?: Logger
  /** The API keys in use (a key function's answers included): never printed. */
  secrets: () => readonly string[]
}): SdkLogger {
  // The environment is read only when the option is absent: runtimes may refuse the read.
  const envLevel = options.logLevel ? undefined : readEnv('IMMIGRAFLOW_LOG')
  const level = options.logLevel
    ? parseLevel(options.logLevel, 'The logLevel option')
    : envLevel
      ? parseLevel(envLevel, 'IMMIGRAFLOW_LOG')
      : 'warn'
  const target = options.logger ?? console
  const redact = (value: unknown): unknown =>
    options.secrets().reduce((redacted, secret) => redactSecret(redacted, secret), redactSecret(value, ''))
  const at =
    (name: Exclude<LogLevel, 'off'>) =>
    (message: string, ...args: unknown[]): void => {
      if (LEVELS[level] < LEVELS[name]) return
      target[name](redact(`[immigraflow] ${message}`) as string, ...args.map(redact))
    }
  return { level, error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') }
}

/**
 * Replaces the secret in strings, nested plain objects and arrays: every `Bearer <token>`,
 * and the key itself wherever it appears (only keys of 8+ characters, so a short test key
 * such as "k" does not garble ordinary words).
 */
export function redactSecret(value: unknown, secret: string): unknown {
  if (typeof value === 'string') {
    const bearerless = value.replace(/Bearer\s+\S+/gi, 'Bearer ***')
    return secret.length >= 8 ? bearerless.split(secret).join('***') : bearerless
  }
  if (Array.isArray(value)) return value.map((item) => redactSecret(item, secret))
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactSecret(item, secret)]))
  }
  return value
}
