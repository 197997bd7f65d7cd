/** The ImmigraFlow mock for Node: MSW's setupServer and a standalone HTTP server. */
export {}
