/** The platform-neutral ImmigraFlow mock: MSW handlers over a stateful store. */
export {}
