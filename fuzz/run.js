#!/usr/bin/env node
// The long fuzz run: the property and differential tests of test/fuzz, and those that hold the
// tree-less syntax check to the full parse, with many more runs and a fresh seed each time
// (printed, so a failure can be replayed).
//   npm run fuzz                      # 3000 runs per property, random seed
//   npm run fuzz -- 20000 12345       # runs per property, seed
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = process.argv[2] ?? process.env.PATCHLINT_FUZZ_RUNS ?? '3000';
const seed = process.argv[3] ?? process.env.PATCHLINT_FUZZ_SEED ?? String(1 + Math.floor(Math.random() * 2 ** 31));
if (!/^\d+$/.test(runs) || !/^\d+$/.test(seed)) {
  process.stderr.write('usage: npm run fuzz -- [runs per property] [seed]\n');
  process.exit(2);
}
process.stdout.write(`patchlint fuzz: ${runs} runs per property, seed ${seed} (replay: npm run fuzz -- ${runs} ${seed})\n`);
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const run = spawnSync(process.execPath, [vitest, 'run', 'test/fuzz', 'test/lua/syntax-only.test.ts', 'test/engine/tree-skip.test.ts', '--testTimeout=0'], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: 'inherit',
  env: { ...process.env, PATCHLINT_FUZZ_RUNS: runs, PATCHLINT_FUZZ_SEED: seed },
});
process.exitCode = run.status ?? 1;
