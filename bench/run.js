// The benchmark suite (`npm run bench`, which builds first). Whole-process timings of the real
// commands on two corpora (one shaped like real repositories, the headline; one of patch-heavy
// process code, the analysis stress test), several runs each, the compared commands alternating so that noise from other
// processes hits both; ratios are taken between medians of the same run. Prints the ratios
// and writes them into docs/performance.md (between the bench markers).
//
//   node bench/run.js [--quick] [--runs N] [--no-write]
//
// --quick: 3 runs, scaling at 1x and 3x only, luacheck on a 300-file slice.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '../dist/index.js';
import { buildSync } from 'esbuild';
import { generateCorpus, generateRealCorpus, generateSingle } from './generate.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = path.join(ROOT, 'bench/corpus');
const BASE = path.join(CORPUS, 'base');
const REAL = path.join(CORPUS, 'real');
const SEED = 20260101;
const REAL_SEED = 20260202;
const GENERATOR_STAMP = `seed ${SEED}; generator ${hashFile(path.join(ROOT, 'bench/generate.js'))}`;

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : quick ? 3 : 5;
const write = !args.includes('--no-write');

const PATCHLINT = [process.execPath, path.join(ROOT, 'bin/patchlint.js')];
const FLOOR = [process.execPath, path.join(ROOT, 'bench/parse-floor.js')];
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const RUSAGE_PRELOAD = path.join(ROOT, 'bench/rusage-preload.cjs');

function hashFile(file) {
  let h = 0;
  for (const c of readFileSync(file)) h = (Math.imul(h, 31) + c) | 0;
  return (h >>> 0).toString(16);
}

function log(line) {
  process.stdout.write(`${line}\n`);
}

// ------------------------------------------------------------------ corpus

/** Generates `dir` unless it holds a corpus from this generator and seed. */
function ensureCorpus(dir, seed, files, huge, shape = 'patch-heavy') {
  const stampFile = path.join(dir, '.stamp');
  const stamp = `${GENERATOR_STAMP}; seed ${seed}; files ${files}; huge ${huge}; ${shape}`;
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return JSON.parse(readFileSync(path.join(dir, '.stats'), 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  log(`generating ${path.relative(ROOT, dir)} ...`);
  const stats = shape === 'real' ? generateRealCorpus(dir, { seed, files }) : generateCorpus(dir, { seed, files, huge });
  writeFileSync(path.join(dir, '.stats'), JSON.stringify(stats));
  writeFileSync(stampFile, stamp);
  return stats;
}

function luaFiles(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) luaFiles(full, out);
    else if (entry.name.endsWith('.lua')) out.push(full);
  }
  return out.sort();
}

/** Every `step`-th file must be accepted by the reference parser, `luac5.3 -p`. */
function checkWithLuac(files, step) {
  if (spawnSync('luac5.3', ['-v']).error) {
    log('luac5.3 not found: skipping the syntax check of the corpus (apt-get install lua5.3)');
    return 'not checked (luac5.3 missing)';
  }
  const sample = files.filter((_, i) => i % step === 0);
  for (let i = 0; i < sample.length; i += 200) {
    const run = spawnSync('luac5.3', ['-p', ...sample.slice(i, i + 200)], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`generated file rejected by luac5.3 -p: ${run.stderr.trim()}`);
  }
  return `${sample.length} of ${files.length} files accepted by luac5.3 -p`;
}

// ------------------------------------------------------------------ measuring

/** Runs a command once: wall seconds, CPU seconds (user+sys), peak RSS in MB, exit status. */
function measure(command, { cwd = ROOT, env = {} } = {}) {
  const stats = path.join(os.tmpdir(), `patchlint-bench-${process.pid}.time`);
  let argv = command;
  const childEnv = { ...process.env, NO_COLOR: '1', ...env };
  if (TIME) argv = [TIME, '-o', stats, '-f', '%U %S %M', ...command];
  else if (command[0] === process.execPath) {
    argv = [process.execPath, '--require', RUSAGE_PRELOAD, ...command.slice(1)];
    childEnv.PATCHLINT_BENCH_RUSAGE = stats;
  } else throw new Error(`cannot measure ${command[0]} without /usr/bin/time`);
  const start = process.hrtime.bigint();
  const run = spawnSync(argv[0], argv.slice(1), { cwd, env: childEnv, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.error) throw run.error;
  const [user, sys, rssKb] = readFileSync(stats, 'utf8').trim().split('\n').pop().split(/\s+/).map(Number);
  return { wall, cpu: user + sys, rss: rssKb / 1024, status: run.status };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Runs the commands `runs` times each, alternating (A B C, B C A, ...), after `before` of
 * each. Returns per command: median and min-max of wall and CPU, the largest peak RSS.
 */
function compare(label, commands, runs) {
  log(`\n${label} (${runs} runs each, alternating)`);
  const samples = commands.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < commands.length; k++) {
      const i = (r + k) % commands.length;
      const c = commands[i];
      c.before?.();
      const m = measure(c.argv, { cwd: c.cwd, env: c.env });
      if (c.expectStatus !== undefined && !c.expectStatus.includes(m.status)) {
        throw new Error(`${c.name} exited with ${m.status}`);
      }
      samples[i].push(m);
    }
  }
  const out = commands.map((c, i) => {
    const s = samples[i];
    const wall = s.map((m) => m.wall);
    const cpu = s.map((m) => m.cpu);
    const row = {
      name: c.name, command: c.show,
      wall: median(wall), wallMin: Math.min(...wall), wallMax: Math.max(...wall),
      cpu: median(cpu), cpuMin: Math.min(...cpu), cpuMax: Math.max(...cpu),
      rss: Math.max(...s.map((m) => m.rss)),
    };
    log(`  ${c.name.padEnd(28)} wall ${fmt(row.wall)} s (${fmt(row.wallMin)}-${fmt(row.wallMax)})  cpu ${fmt(row.cpu)} s (${fmt(row.cpuMin)}-${fmt(row.cpuMax)})  rss ${row.rss.toFixed(0)} MB`);
    return row;
  });
  return out;
}

const fmt = (x) => (x < 1 ? x.toFixed(3) : x.toFixed(2));
const ratio = (a, b) => a / b;

// ------------------------------------------------------------------ the suite

function main() {
  const started = new Date();
  const base = ensureCorpus(BASE, SEED, 3000, true);
  const realStats = ensureCorpus(REAL, REAL_SEED, 3000, false, 'real');
  checkWithLuac(luaFiles(REAL), quick ? 10 : 1);
  const baseFiles = luaFiles(BASE);
  const syntaxCheck = checkWithLuac(baseFiles, quick ? 10 : 1);
  log(`corpus: ${base.files} files, ${base.lines} lines, ${(base.bytes / 1e6).toFixed(1)} MB (${syntaxCheck})`);

  const single = path.join(CORPUS, 'single/process-300.lua');
  const singleLines = generateSingle(single);
  const sizes = path.join(CORPUS, 'sizes');
  // Scaling: the corpus replicated with other seeds (same shape, different text).
  const scales = quick ? [1, 3] : [1, 3, 10];
  const replicas = [];
  for (let i = 1; i < Math.max(...scales); i++) replicas.push(path.join(CORPUS, `replicas/r${i}`));
  replicas.forEach((dir, i) => ensureCorpus(dir, SEED + i + 1, 3000, true));
  if (replicas.length) checkWithLuac(luaFiles(replicas[0]), 50);
  // File size: one file of 5,000 lines and one of 50,000 (no rule may be super-linear).
  mkdirSync(sizes, { recursive: true });
  const hugeText = readFileSync(path.join(BASE, 'big/huge-process.lua'), 'utf8');
  writeFileSync(path.join(sizes, 'large-50k.lua'), hugeText);
  writeFileSync(path.join(sizes, 'large-5k.lua'), `${cutAtBlock(hugeText.split('\n'), 5000)}\n`);
  checkWithLuac([path.join(sizes, 'large-5k.lua')], 1);

  const cacheFile = path.join(os.tmpdir(), `patchlint-bench-${process.pid}.cache`);
  // Every rule off: patchlint still reads, scans and parses each file, reads its directives and
  // reports, but builds no patch model (src/engine/lint-file.ts). What a run costs before any analysis:
  // the floor patchlint's own analysis is measured from, beside luaparse's.
  const rulesOff = path.join(CORPUS, 'rules-off.json');
  writeFileSync(rulesOff, `${JSON.stringify({ rules: Object.fromEntries(rules.map((r) => [r.meta.id, 'off'])) }, null, 2)}\n`);
  const lint = (paths, extra = []) => [...PATCHLINT, ...extra, ...paths];
  const show = (argv) => argv.map((a) => (a === process.execPath ? 'node' : path.relative(ROOT, a) || a)).join(' ');
  // The command as a user would type it, with the environment it runs under.
  const cmd = (name, argv, extra = {}) => ({ name, argv, show: `${Object.entries(extra.env ?? {}).map(([k, v]) => `${k}=${v} `).join('')}${show(argv)}`, expectStatus: [0, 1], ...extra });

  // Each corpus against the floor: as users run it, on one thread, and with every rule off.
  const vsFloor = (label, dir) => compare(label, [
    cmd('patchlint', lint([dir])),
    cmd('parse floor', [...FLOOR, dir], { expectStatus: [0] }),
    cmd('patchlint, one thread', lint([dir]), { env: { PATCHLINT_WORKERS: '0' } }),
    cmd('patchlint, every rule off', lint([dir], ['-c', rulesOff]), { expectStatus: [0] }),
    // One worker forced for every file: what 'auto' would get if it always started one.
    cmd('patchlint, one worker forced', lint([dir]), { env: { PATCHLINT_WORKERS: '1' } }),
  ], RUNS);
  // The headline: code shaped like real repositories (about 3% of files send patches); then the
  // analysis stress test, mostly patch-bearing process code.
  const real = vsFloor('real-shaped corpus: patchlint vs the parse floor', REAL);
  const corpus = vsFloor('patch-heavy corpus: patchlint vs the parse floor', BASE);
  // What one worker costs before it lints anything: 20 tiny files, one worker against none.
  const tiny = path.join(CORPUS, 'tiny');
  rmSync(tiny, { recursive: true, force: true });
  mkdirSync(tiny, { recursive: true });
  luaFiles(path.join(REAL, 'etc')).slice(0, 20).forEach((f, i) => writeFileSync(path.join(tiny, `t${i}.lua`), readFileSync(f)));
  const workerCost = compare('one worker thread on 20 tiny files (its start-up)', [
    cmd('patchlint, one worker', lint([tiny]), { env: { PATCHLINT_WORKERS: '1' } }),
    cmd('patchlint, no worker', lint([tiny]), { env: { PATCHLINT_WORKERS: '0' } }),
  ], RUNS * 2);
  const prefilter = { real: prefilterCounts(luaFiles(REAL)), base: prefilterCounts(baseFiles) };
  log(`prefilter: real-shaped ${prefilter.real.now} of ${prefilter.real.files} files pass (old device|method test: ${prefilter.real.before}), ${prefilter.real.treeless} checked without a tree; patch-heavy ${prefilter.base.now} of ${prefilter.base.files} (old: ${prefilter.base.before}), ${prefilter.base.treeless} without a tree`);

  const startup = compare('one 300-line process script vs node -e 0', [
    cmd('patchlint (one file)', lint([single])),
    cmd('node -e 0', [process.execPath, '-e', '0'], { expectStatus: [0] }),
    cmd('patchlint (one file), every rule off', lint([single], ['-c', rulesOff]), { expectStatus: [0] }),
  ], RUNS * 4);

  const cache = compare('--cache: warm vs cold', [
    cmd('patchlint --cache (cold)', lint([BASE], ['--cache', '--cache-location', cacheFile]), { before: () => rmSync(cacheFile, { force: true }) }),
    cmd('patchlint --cache (warm)', lint([BASE], ['--cache', '--cache-location', cacheFile]), { before: () => { if (!existsSync(cacheFile)) measure(lint([BASE], ['--cache', '--cache-location', cacheFile])); } }),
  ], RUNS);
  rmSync(cacheFile, { force: true });

  let luacheck = null;
  const luacheckVersion = spawnSync('luacheck', ['--version'], { encoding: 'utf8' });
  if (!luacheckVersion.error) {
    // luacheck takes one to two minutes per run on the whole corpus: one run; --quick: a slice.
    const target = quick ? path.join(REAL, 'lib/g00') : REAL;
    luacheck = {
      version: luacheckVersion.stdout.split('\n')[0],
      target,
      rows: compare(`luacheck vs patchlint on ${path.relative(ROOT, target)}`, [
        cmd('patchlint', lint([target])),
        cmd('luacheck', ['luacheck', '--no-config', '--codes', '--quiet', '--no-cache', target], { show: `luacheck --no-config --codes --quiet --no-cache ${path.relative(ROOT, target)}` }),
      ], 1),
    };
  } else log('\nluacheck not found: skipped (apt-get install lua-check)');

  const scaling = compare(`scaling: ${scales.map((s) => `${s}x`).join(', ')} the corpus`, scales.map((s) =>
    cmd(`patchlint ${s}x`, lint([BASE, ...replicas.slice(0, s - 1)]))), quick ? 1 : 2);
  const fileSize = compare('file size: 5,000 vs 50,000 lines in one file', [
    cmd('patchlint 5k-line file', lint([path.join(sizes, 'large-5k.lua')])),
    cmd('patchlint 50k-line file', lint([path.join(sizes, 'large-50k.lua')])),
  ], RUNS);

  // --verify of the one-file case with three messages, when the aos module can be had.
  let verify = null;
  const scenario = path.join(CORPUS, 'single/scenario.json');
  const actions = [...readFileSync(single, 'utf8').matchAll(/Handlers\.add\('([^']+)'/g)].slice(0, 3).map((m) => m[1]);
  writeFileSync(scenario, `${JSON.stringify(actions.map((action) => ({ action, tags: { Quantity: '5', Recipient: 'R'.repeat(43) } })), null, 2)}\n`);
  const probe = spawnSync(PATCHLINT[0], [PATCHLINT[1], '--verify', single, '--messages', scenario], { encoding: 'utf8' });
  if (probe.status === 2) log(`\n--verify skipped: ${probe.stderr.trim()}`);
  else verify = compare('--verify: the 300-line process, load, re-load and three messages', [cmd('patchlint --verify', lint(['--verify', single, '--messages', scenario]))], RUNS);

  const [rl, realFloor, rlOne, rlOff, rlForced] = real;
  const [pl, floor, plOne, plOff, plForced] = corpus;
  const figures = [
    { what: 'real-shaped corpus wall / parse floor wall', value: ratio(rl.wall, realFloor.wall), target: 1.0 },
    { what: 'real-shaped corpus CPU / parse floor CPU', value: ratio(rl.cpu, realFloor.cpu), target: 1.3 },
    { what: 'real-shaped corpus, one thread: wall / parse floor', value: ratio(rlOne.wall, realFloor.wall), bound: true, note: 'workers off' },
    // When auto starts no worker both commands do the same work: 5% allows for the noise between two medians.
    { what: 'real-shaped corpus: auto / one thread (wall)', value: ratio(rl.wall, rlOne.wall), target: 1.05 },
    { what: 'real-shaped corpus: one worker forced / one thread (wall)', value: ratio(rlForced.wall, rlOne.wall), bound: true, note: 'what auto declines' },
    { what: 'real-shaped corpus peak RSS (MB)', value: rl.rss, target: 300, unit: 'MB' },
    { what: 'patch-heavy corpus wall / parse floor wall', value: ratio(pl.wall, floor.wall), target: 1.3 },
    { what: 'patch-heavy corpus CPU / parse floor CPU', value: ratio(pl.cpu, floor.cpu), bound: true, note: 'analysis stress test' },
    { what: 'patch-heavy corpus, one thread: wall / parse floor', value: ratio(plOne.wall, floor.wall), bound: true, note: 'workers off' },
    { what: 'patch-heavy corpus: auto / one thread (wall)', value: ratio(pl.wall, plOne.wall), target: 1.05 },
    { what: 'patch-heavy corpus: one worker forced / one thread (wall)', value: ratio(plForced.wall, plOne.wall), bound: true, note: 'every file to the worker' },
    { what: 'patch-heavy corpus peak RSS (MB)', value: pl.rss, target: 300, unit: 'MB' },
    { what: 'one worker\'s start-up: 20 tiny files, wall with / without (s)', value: workerCost[0].wall - workerCost[1].wall, bound: true, unit: 's', note: 'worker start-up' },
    { what: 'one 300-line file / node -e 0 (wall)', value: ratio(startup[0].wall, startup[1].wall), target: 1.4 },
    { what: 'warm cache / cold (wall)', value: ratio(cache[1].wall, cache[0].wall), target: 0.25 },
    // No targets: what the CLI costs with every rule off (no analysis), against the same bases.
    { what: 'real-shaped corpus, every rule off: wall / parse floor', value: ratio(rlOff.wall, realFloor.wall), bound: true },
    { what: 'real-shaped corpus, every rule off: CPU / parse floor', value: ratio(rlOff.cpu, realFloor.cpu), bound: true },
    { what: 'patch-heavy corpus, every rule off: wall / parse floor', value: ratio(plOff.wall, floor.wall), bound: true },
    { what: 'one file, every rule off / node -e 0 (wall)', value: ratio(startup[2].wall, startup[1].wall), bound: true },
  ];
  if (luacheck) figures.push({ what: 'luacheck wall / patchlint wall (real-shaped)', value: ratio(luacheck.rows[1].wall, luacheck.rows[0].wall), target: 20, atLeast: true });
  if (verify) figures.push({ what: '--verify, 300-line process + 3 messages (wall s)', value: verify[0].wall, target: 1.5, unit: 's' });
  for (let i = 1; i < scaling.length; i++) {
    figures.push({ what: `${scales[i]}x corpus / 1x (wall)`, value: ratio(scaling[i].wall, scaling[0].wall), target: Number((scales[i] * 1.1).toFixed(1)) });
    figures.push({ what: `${scales[i]}x corpus / 1x (CPU)`, value: ratio(scaling[i].cpu, scaling[0].cpu), target: Number((scales[i] * 1.1).toFixed(1)) });
  }
  figures.push({ what: '50k-line file / 5k-line file (wall)', value: ratio(fileSize[1].wall, fileSize[0].wall), target: 11 });
  log('\nratios');
  for (const f of figures) log(`  ${f.what.padEnd(58)} ${f.value.toFixed(2).padStart(7)}  ${f.bound ? `(${f.note ?? 'no analysis'}: no target)` : `target ${f.atLeast ? '>=' : '<='} ${f.target}  ${pass(f) ? 'ok' : 'MISSED'}`}`);

  if (write) {
    const report = renderReport({ started, base, realStats, prefilter, syntaxCheck, singleLines, figures, tables: { real, corpus, workerCost, startup, cache, luacheck: luacheck?.rows, scaling, fileSize, verify }, luacheck, scales });
    const doc = path.join(ROOT, 'docs/performance.md');
    const current = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Performance\n\n<!-- bench:start -->\n<!-- bench:end -->\n';
    const next = current.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, () => `<!-- bench:start -->\n${report}<!-- bench:end -->`);
    writeFileSync(doc, next);
    log(`\nwrote the figures to ${path.relative(ROOT, doc)}`);
  }
}

/** A module of src/ (not exported by the package), compiled for this run. */
const source = async (file) => import(`data:text/javascript;base64,${Buffer.from(buildSync({ entryPoints: [path.join(ROOT, file)], bundle: true, format: 'esm', platform: 'node', write: false }).outputFiles[0].text).toString('base64')}`);
const { mayHavePatchMessage } = await source('src/model/prefilter.ts');
const { parsesCleanly } = await source('src/lua/syntax-only.ts');

/** Files the patch prefilter lets through, against the old `device|method` test. */
function prefilterCounts(files) {
  let now = 0;
  let before = 0;
  let treeless = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    if (mayHavePatchMessage(text)) now++;
    else if (parsesCleanly(text)) treeless++;
    if (/device|method|\\[0-9xuz]/i.test(text)) before++;
  }
  return { files: files.length, now, before, treeless };
}

const pass = (f) => (f.atLeast ? f.value >= f.target : f.value <= f.target);

/** The first `lines` lines, cut at a top-level block boundary so the text still parses. */
function cutAtBlock(lines, count) {
  let end = count;
  while (end < lines.length && !/^end\)?$/.test(lines[end - 1])) end++;
  return lines.slice(0, end).join('\n');
}

function renderReport({ started, base, realStats, prefilter, syntaxCheck, singleLines, figures, tables, luacheck, scales }) {
  const cpus = os.cpus();
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const lines = [];
  const table = (rows) => {
    lines.push('| command | wall median (min-max) s | CPU median (min-max) s | peak RSS MB |', '|---|---|---|---|');
    for (const r of rows) lines.push(`| \`${r.command}\` | ${fmt(r.wall)} (${fmt(r.wallMin)}-${fmt(r.wallMax)}) | ${fmt(r.cpu)} (${fmt(r.cpuMin)}-${fmt(r.cpuMax)}) | ${r.rss.toFixed(0)} |`);
    lines.push('');
  };
  lines.push(
    `Measured by \`npm run bench${quick ? ' -- --quick' : ''}\` on ${started.toISOString().replace(/\.\d+Z$/, 'Z')}.`,
    '',
    `- Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}; load average at start ${os.loadavg()[0].toFixed(2)}.`,
    `- Node ${process.version}, patchlint ${pkg.version}${luacheck ? `, ${luacheck.version}` : ''}.`,
    `- Real-shaped corpus (\`generateRealCorpus\`, seed ${REAL_SEED}): ${realStats.files} files, ${realStats.lines.toLocaleString('en-US')} lines, ${(realStats.bytes / 1e6).toFixed(1)} MB; the prefilter lets ${prefilter.real.now} files through (the old \`device|method\` test: ${prefilter.real.before}); of the others, ${prefilter.real.treeless} are checked without a syntax tree (src/lua/syntax-only.ts).`,
    `- Patch-heavy corpus (\`generateCorpus\`, seed ${SEED}): ${base.files} files, ${base.lines.toLocaleString('en-US')} lines, ${(base.bytes / 1e6).toFixed(1)} MB; ${syntaxCheck}; the prefilter lets ${prefilter.base.now} through (old: ${prefilter.base.before}), ${prefilter.base.treeless} of the others are checked without a tree. One-file case: a ${singleLines}-line process script.`,
    `- Runs: ${RUNS} per command (${RUNS * 4} for start-up, 1 for luacheck, ${quick ? 1 : 2} for scaling), alternating; CPU = user + sys of the whole process (all threads); RSS = peak resident set (${TIME ? '`/usr/bin/time`' : '`process.resourceUsage()`'}).`,
    '',
    '| ratio | measured | target | |',
    '|---|---|---|---|',
    ...figures.map((f) => `| ${f.what} | ${f.unit === 'MB' ? f.value.toFixed(0) : f.value.toFixed(2)} | ${f.bound ? '—' : `${f.atLeast ? '≥' : '≤'} ${f.target}`} | ${f.bound ? f.note ?? 'no analysis (every rule off)' : pass(f) ? 'met' : '**missed**'} |`),
    '',
    '### Real-shaped corpus vs the parse floor',
    '',
  );
  table(tables.real);
  lines.push('### Patch-heavy corpus vs the parse floor', '');
  table(tables.corpus);
  lines.push('### One worker thread on 20 tiny files (its start-up)', '');
  table(tables.workerCost);
  lines.push('### One 300-line file (the pre-commit case)', '');
  table(tables.startup);
  lines.push('### Cache', '');
  table(tables.cache);
  if (tables.luacheck) {
    lines.push(`### luacheck on the same files (${path.relative(ROOT, luacheck.target)})`, '');
    table(tables.luacheck);
  }
  lines.push(`### Scaling (${scales.map((s) => `${s}×`).join(', ')}: the corpus plus replicas generated with other seeds)`, '');
  table(tables.scaling);
  lines.push('### One file: 5,000 vs 50,000 lines', '');
  table(tables.fileSize);
  if (tables.verify) {
    lines.push('### --verify (the aos module, offline)', '');
    table(tables.verify);
  }
  return `${lines.join('\n')}\n`;
}

main();
