#!/usr/bin/env node
/** `immigraflow-mock`: the standalone mock server. */
console.error('immigraflow-mock: the standalone server is not available in this release.')
process.exitCode = 1
