// Makes the V8 code cache of dist/chunks/cli.cjs (run by scripts/build.js; see bin/patchlint.js): runs
// the CLI once, through the same launcher code, on the files given, then saves the bytecode V8
// compiled, which then includes every lazily compiled function the lint ran (luaparse, the
// model, the rules, the stylish formatter), not only the top level. Prints the cache's path.
'use strict';
const { renameSync, writeFileSync } = require('node:fs');
const { CACHE_FILE, readCjsBuild, compileCjsBuild, runCjsBuild } = require('../bin/patchlint.js');

const build = readCjsBuild();
if (!build) throw new Error('dist/chunks/cli.cjs is missing or lacks its hash line');
const script = compileCjsBuild(build.source, undefined);
runCjsBuild(script);
process.once('beforeExit', () => {
  // Headed by the build's hash (bin/patchlint.js uses it only with that build); written
  // through a rename, so a CLI started meanwhile reads the old cache or the new one, whole.
  const tmp = `${CACHE_FILE}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat([Buffer.from(build.hash, 'latin1'), script.createCachedData()]));
  renameSync(tmp, CACHE_FILE);
  process.stderr.write(`${CACHE_FILE}\n`);
  // The warm-up lint finds problems (exit code 1); the cache is what counts here.
  process.exitCode = 0;
});
