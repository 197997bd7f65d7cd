/** The console page's control paths (what follows `/__mock/`, without the query): ``, `console`, `console/`. */
export const CONSOLE_PATH = /^(?:console\/?)?$/

/** Whether a control path (what follows `/__mock/`, without the query) is the console page. */
export function isConsolePath(path: string): boolean {
  return CONSOLE_PATH.test(path)
}
