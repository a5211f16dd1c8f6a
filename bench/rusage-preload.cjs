// Used by bench/run.js when /usr/bin/time is missing: writes "user sys maxRSS(KB)" of this
// Node process (all threads) to $PATCHLINT_BENCH_RUSAGE at exit, in /usr/bin/time's format.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  const u = process.resourceUsage();
  writeFileSync(process.env.PATCHLINT_BENCH_RUSAGE, `${u.userCPUTime / 1e6} ${u.systemCPUTime / 1e6} ${u.maxRSS}\n`);
});
