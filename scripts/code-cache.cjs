// Makes the V8 code cache of dist/cli.cjs (run by scripts/build.js; see bin/patchlint.js): runs
// the CLI once, through the same launcher code, on the files given, then saves the bytecode V8
// compiled, which then includes every lazily compiled function the lint ran (luaparse, the
// model, the rules, the stylish formatter), not only the top level. Prints the cache's path.
'use strict';
const { renameSync, writeFileSync } = require('node:fs');
const { readCjsBuild, compileCjsBuild, runCjsBuild } = require('../bin/patchlint.js');

const build = readCjsBuild();
if (!build) throw new Error('dist/cli.cjs is missing or lacks its hash line');
const script = compileCjsBuild(build.source, undefined);
runCjsBuild(script);
process.once('beforeExit', () => {
  const tmp = `${build.cacheFile}.${process.pid}.tmp`;
  writeFileSync(tmp, script.createCachedData());
  renameSync(tmp, build.cacheFile);
  process.stderr.write(`${build.cacheFile}\n`);
  // The warm-up lint finds problems (exit code 1); the cache is what counts here.
  process.exitCode = 0;
});
