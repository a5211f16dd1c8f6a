// The analysis against the parse, on one thread and in one process, for profiling: reads every
// `*.lua` file below a folder one at a time and either parses it with luaparse (the options of
// src/lua/parse.ts, as bench/parse-floor.js) or lints it with the built Node API (`lintText`, so run
// `node scripts/build.js` after each change). Prints wall time, CPU time (user + sys), peak RSS
// and, for `lint`, the number of messages (a check that two builds did the same work).
//
//   node bench/profile-single.js parse bench/corpus/base
//   node bench/profile-single.js lint bench/corpus/base
//   node --cpu-prof bench/profile-single.js lint bench/corpus/base   # then open the .cpuprofile
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [mode, root] = process.argv.slice(2);
if ((mode !== 'parse' && mode !== 'lint') || !root) {
  process.stderr.write('usage: node bench/profile-single.js parse|lint <folder>\n');
  process.exit(2);
}

const files = [];
(function collect(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) collect(full);
    else if (name.endsWith('.lua')) files.push(full);
  }
})(root);

const { lintText } = await import(new URL('../dist/index.js', import.meta.url).href);
const luaparse = createRequire(import.meta.url)('luaparse');
const options = parseOptions();

const started = performance.now();
let messages = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  if (mode === 'parse') luaparse.parse(text, options);
  else messages += lintText(text, { filePath: file }).messages.length;
}
const usage = process.resourceUsage();
const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1000;
console.log(
  mode, files.length, 'files', (performance.now() - started).toFixed(0), 'ms wall', cpu.toFixed(0), 'ms cpu',
  (usage.maxRSS / 1024).toFixed(0), 'MB rss', messages,
);

/** The OPTIONS object of src/lua/parse.ts (as bench/parse-floor.js reads it, so the two cannot drift). */
function parseOptions() {
  const source = readFileSync(new URL('../src/lua/parse.ts', import.meta.url), 'utf8');
  const match = /const OPTIONS = (\{[\s\S]*?\}) as const;/.exec(source);
  if (!match) throw new Error('cannot find the luaparse OPTIONS in src/lua/parse.ts');
  return new Function(`return (${match[1]});`)();
}
