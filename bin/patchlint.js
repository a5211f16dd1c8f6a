#!/usr/bin/env node
// Launcher (CommonJS: bin/package.json, so that Node's ESM loader is not even started on the
// fast path). The CLI is bundled twice by scripts/build.js (run by `npm install` via `prepare`):
// dist/cli.js (ESM, split into lazy chunks) and dist/chunks/cli.cjs (one script) with a V8 code
// cache made at build time by a warm-up lint, on this machine's Node (docs/dev/startup.md). With a cache for this V8, the
// CLI starts from its cached bytecode (no parsing or compiling of the hot path, luaparse and the
// rules included); otherwise, or if V8 rejects the cache (other V8 flags), it runs as before.
// Nothing is ever written here at run time (read-only installs, concurrent pre-commit runs).
'use strict';
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { setV8Flags } = require('./v8-flags.js');

const CHUNKS = path.join(__dirname, '..', 'dist', 'chunks');
const CJS_BUILD = path.join(CHUNKS, 'cli.cjs');

// The code cache of dist/chunks/cli.cjs for this V8 (a cache only fits the V8 that made it): the
// 16 characters of the hash on the script's first line when the cache was made, then V8's data.
const CACHE_FILE = path.join(CHUNKS, `cli.cjs-${process.arch}-v8-${process.versions.v8}.cache`);

/** dist/chunks/cli.cjs's source and the hash on its first line (`// <hash of the rest>`); null if missing. */
function readCjsBuild() {
  let bytes;
  try {
    bytes = readFileSync(CJS_BUILD);
  } catch {
    return null;
  }
  // The build makes it ASCII-only; decoding ASCII as latin1 is a copy (UTF-8 decoding of 1 MB
  // took several ms here).
  const source = require('node:buffer').isAscii(bytes) ? bytes.latin1Slice() : bytes.utf8Slice();
  const hash = /^\/\/ ([0-9a-f]{16})\n/.exec(source.slice(0, 20));
  return hash ? { source, hash: hash[1] } : null;
}

/**
 * V8's data in `cache` if it was made from this very build, else null. V8 checks only the source
 * length, so a cache must never be paired with another build's source (a rebuild in progress).
 */
function cachedDataFor(build, cache) {
  const header = Buffer.from(build.hash, 'latin1');
  return cache.subarray(0, header.length).equals(header) ? cache.subarray(header.length) : null;
}

/**
 * Compiles dist/chunks/cli.cjs, with its code cache when given (`script.cachedDataRejected` says
 * whether V8 took it; if not, V8 has compiled it normally).
 */
function compileCjsBuild(source, cachedData) {
  // The CLI's V8 flags must be set when the script is compiled: V8 rejects a cache made under
  // other flags (scripts/code-cache.cjs compiles through here too).
  setV8Flags();
  const { Script } = require('node:vm');
  return new Script(source, { filename: CJS_BUILD, cachedData });
}

/** Runs the compiled dist/chunks/cli.cjs: the CLI starts. */
function runCjsBuild(script) {
  const { pathToFileURL } = require('node:url');
  // This file's own require: the script bundles everything but Node's built-ins (and loading
  // node:module for createRequire cost about 1.5 ms). Its import.meta.url, __filename and
  // __dirname are its own.
  script.runInThisContext()(require, pathToFileURL(CJS_BUILD).href, CJS_BUILD, CHUNKS);
}

function start() {
  // The worker pool starts the CLI's workers through this launcher (src/node/workers/pool.ts):
  // they then compile from the same code cache. Only the CLI sets it, never the Node API.
  globalThis.__patchlintLauncher = __filename;
  let cache;
  try {
    cache = readFileSync(CACHE_FILE);
  } catch {
    // No cache for this V8 (Node changed since the install): the ESM build loads faster than
    // the uncached one-file build.
  }
  const build = cache && readCjsBuild();
  const cachedData = build && cachedDataFor(build, cache);
  if (cachedData) {
    try {
      // A rejected cache (V8 flags given to node, a damaged file) costs one full compile, no more.
      runCjsBuild(compileCjsBuild(build.source, cachedData));
    } catch (error) {
      failed(error);
    }
    return;
  }
  setV8Flags();
  import('../dist/cli.js').catch((error) => {
    if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
      process.stderr.write('patchlint: dist/cli.js is missing; run `npm run build` (npm install does it for you).\n');
      process.exitCode = 2;
    } else {
      failed(error);
    }
  });
}

/** The CLI could not even start (its own errors are reported by dist/cli.*). */
function failed(error) {
  process.stderr.write(`patchlint: internal error: ${error && error.message ? error.message : String(error)}\n`);
  process.exitCode = 2;
}

if (require.main === module) start();
else module.exports = { CACHE_FILE, readCjsBuild, cachedDataFor, compileCjsBuild, runCjsBuild };
