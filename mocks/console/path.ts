/** The console page's control paths (what follows `/__mock/`, without the query): ``, `console`, `console/`. */
export const CONSOLE_PATH = /^(?:console\/?)?$/
