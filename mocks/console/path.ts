/** Whether a control path (what follows `/__mock/`, without the query) is the console page. */
export function isConsolePath(path: string): boolean {
  return path === '' || path === 'console' || path === 'console/'
}
