#!/usr/bin/env node
// Launcher (CommonJS: bin/package.json, so that Node's ESM loader is not even started on the
// fast path). The CLI is bundled twice by scripts/build.js (run by `npm install` via `prepare`):
// dist/cli.js (ESM, split into lazy chunks) and dist/cli.cjs (one script) with a V8 code cache
// made at build time by a warm-up lint, on this machine's Node. With a cache for this V8, the
// CLI starts from its cached bytecode (no parsing or compiling of the hot path, luaparse and the
// rules included); otherwise, or if V8 rejects the cache (other V8 flags), it runs as before.
// Nothing is ever written here at run time (read-only installs, concurrent pre-commit runs).
'use strict';
const { readFileSync } = require('node:fs');
const path = require('node:path');

const DIST = path.join(__dirname, '..', 'dist');
const CJS_BUILD = path.join(DIST, 'cli.cjs');
// What dist/cli.cjs sees as import.meta.url, __filename and __dirname: dist/cli.js's, so files
// found beside the bundle (dist/lint-worker.js) are found as from the ESM build.
const ESM_BUILD = path.join(DIST, 'cli.js');

/**
 * The CommonJS build's source and its code cache's path. The first line of dist/cli.cjs is
 * `// <hash of the rest>`: V8 checks only a cache's source length, so a cache must never be
 * paired with another build's source. Null when there is no CommonJS build.
 */
function readCjsBuild() {
  let bytes;
  try {
    bytes = readFileSync(CJS_BUILD);
  } catch {
    return null;
  }
  const { isAscii } = require('node:buffer');
  // esbuild escapes non-ASCII text; decoding ASCII as latin1 is a copy (UTF-8 decoding of 1 MB
  // took several ms here).
  const source = isAscii(bytes) ? bytes.latin1Slice() : bytes.utf8Slice();
  const hash = /^\/\/ ([0-9a-f]+)\n/.exec(source.slice(0, 100));
  if (!hash) return null;
  return { source, cacheFile: path.join(DIST, `cli.cjs-${hash[1]}-${process.arch}-v8-${process.versions.v8}.cache`) };
}

/**
 * Compiles dist/cli.cjs, with its code cache when given (`script.cachedDataRejected` says
 * whether V8 took it; if not, V8 has compiled it normally).
 */
function compileCjsBuild(source, cachedData) {
  // The V8 flag the CLI sets (src/gc-tuning.ts) must already be set when the script is compiled:
  // V8 rejects a cache made under other flags, and the cache is made after the CLI has run.
  require('node:v8').setFlagsFromString('--no-allocation-site-pretenuring');
  const { Script } = require('node:vm');
  return new Script(source, { filename: CJS_BUILD, cachedData });
}

/** Runs the compiled dist/cli.cjs: the CLI starts. */
function runCjsBuild(script) {
  const { pathToFileURL } = require('node:url');
  // This file's own require: dist/cli.cjs bundles everything but Node's built-ins (and loading
  // node:module for createRequire cost about 1.5 ms).
  script.runInThisContext()(require, pathToFileURL(ESM_BUILD).href, ESM_BUILD, DIST);
}

function start() {
  const build = readCjsBuild();
  let cachedData;
  if (build) {
    try {
      cachedData = readFileSync(build.cacheFile);
    } catch {
      // No cache for this V8 (Node changed since the install): the ESM build loads faster than
      // the uncached one-file build.
    }
  }
  if (build && cachedData) {
    // A rejected cache (V8 flags given to node, a damaged file) costs one full compile, no more.
    runCjsBuild(compileCjsBuild(build.source, cachedData));
    return;
  }
  import('../dist/cli.js').catch((error) => {
    if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
      process.stderr.write('patchlint: dist/cli.js is missing; run `npm run build` (npm install does it for you).\n');
    } else {
      process.stderr.write(`patchlint: internal error: ${error && error.message ? error.message : String(error)}\n`);
    }
    process.exitCode = 2;
  });
}

if (require.main === module) start();
else module.exports = { readCjsBuild, compileCjsBuild, runCjsBuild };
