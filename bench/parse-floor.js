// The parse floor: what any luaparse-based linter must at least pay. Finds the same files
// patchlint would (`*.lua` below the given folders, or the files named), reads them and
// parses them with luaparse using exactly the options of src/lua/parse.ts — single-threaded,
// no analysis. Prints the file count so a wrong path cannot pass for a fast run.
//
//   node bench/parse-floor.js <paths...>
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const luaparse = require('luaparse');

/** The OPTIONS object of src/lua/parse.ts, read from the source so the two can never drift. */
export function parseOptions() {
  const source = readFileSync(new URL('../src/lua/parse.ts', import.meta.url), 'utf8');
  const match = /const OPTIONS = (\{[\s\S]*?\}) as const;/.exec(source);
  if (!match) throw new Error('cannot find the luaparse OPTIONS in src/lua/parse.ts');
  return new Function(`return (${match[1]});`)();
}

function collect(target, out) {
  const stat = statSync(target);
  if (stat.isFile()) {
    out.push(target);
    return;
  }
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(target, entry.name);
    if (entry.isDirectory() || (entry.isSymbolicLink() && statSync(full).isDirectory())) collect(full, out);
    else if (entry.name.endsWith('.lua')) out.push(full);
  }
}

const files = [];
for (const target of process.argv.slice(2)) collect(path.resolve(target), files);
const options = parseOptions();
let failed = 0;
for (const file of files) {
  try {
    luaparse.parse(readFileSync(file, 'utf8'), options);
  } catch {
    failed++;
  }
}
process.stdout.write(`parsed ${files.length - failed} of ${files.length} files\n`);
