/** The ImmigraFlow mock for browsers: MSW's setupWorker. */
export {}
