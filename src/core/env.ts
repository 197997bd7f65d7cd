/** Reads an environment variable where there is one (Node, Bun, Deno with env access); undefined in browsers. */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
  const value = env?.[name]?.trim()
  return value ? value : undefined
}
