/**
 * Reads an environment variable where there is one (Node, Bun, Deno); undefined in browsers and
 * edge workers. Never throws: a read the runtime refuses (Deno without `--allow-env` throws
 * `NotCapable`) counts as unset, so least-privilege deployments that pass every option still work.
 */
export function readEnv(name: string): string | undefined {
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
    const value = env?.[name]
    return typeof value === 'string' && value.trim() ? value.trim() : undefined
  } catch {
    return undefined
  }
}
