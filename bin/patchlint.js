#!/usr/bin/env node
// Thin launcher: the real CLI is the bundled dist/cli.js (built by `npm install` via `prepare`).
import('../dist/cli.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    process.stderr.write('patchlint: dist/cli.js is missing; run `npm run build` (npm install does it for you).\n');
  } else {
    process.stderr.write(`patchlint: internal error: ${error && error.message ? error.message : String(error)}\n`);
  }
  process.exitCode = 2;
});
