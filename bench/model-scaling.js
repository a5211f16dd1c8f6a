// Does linting stay linear? Lints generated process code at n and 10·n copies of each shape
// and prints the time ratio (about 10 = linear). The shapes stress the places that could grow
// faster than the input: wrappers called from many places, chains of wrappers, big state
// tables sent by many handlers, many writes below one table, long if/elseif chains.
// test/model/linear.test.ts checks the same shapes on deterministic work counts.
//
//   node scripts/build.js && node bench/model-scaling.js [n]      (default n = 300)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { lintText } from '../dist/index.js';

// The parse alone (luaparse, the options of src/lua/parse.ts) as a reference: its algorithm is
// linear, so its ratio shows how much of a ratio above 10 is the machine (GC, caches, load).
const luaparse = createRequire(import.meta.url)('luaparse');
const OPTIONS = (() => {
  // The OPTIONS object of src/lua/parse.ts, read from the source (as bench/parse-floor.js does).
  const source = readFileSync(new URL('../src/lua/parse.ts', import.meta.url), 'utf8');
  const match = /const OPTIONS = (\{[\s\S]*?\}) as const;/.exec(source);
  if (!match) throw new Error('cannot find the luaparse OPTIONS in src/lua/parse.ts');
  return new Function(`return (${match[1]});`)();
})();

const shapes = {
  process: (n) => {
    let s = "local json = require('json')\nInitialSync = InitialSync or 'INCOMPLETE'\n";
    for (let i = 0; i < n; i++) {
      s += `Balances${i} = Balances${i} or {}
local KEY${i} = 'Status${i}'
local function sendPatch${i}(key, value) Send({ device = 'patch@1.0', cache = { [key] = value } }) end
local function sync${i}(k) sendPatch${i}(k, json.encode(Balances${i})) end
Handlers.add('a${i}', 'A${i}', function(msg)
  local m = { device = 'patch@1.0', cache = { [KEY${i}] = 1 } }
  m.cache.Total = 2
  m.cache['x${i}'] = { a = 1, b = {} }
  for k, v in pairs(Balances${i}) do m.cache[k] = v end
  sendPatch${i}('Key${i}', msg.Tags.Value)
  sync${i}('Other${i}')
  Send(m)
end)
if InitialSync == 'INCOMPLETE' then sync${i}('init') InitialSync = 'COMPLETE' end
`;
    }
    return s;
  },
  wrapperFanOut: (n) => {
    let s = "local function W(k, v) Send({ device = 'patch@1.0', cache = { [k] = v } }) end\n";
    for (let i = 0; i < n; i++) s += `local function f${i}(k) W(k, ${i}) W('K${i}', k) end\n`;
    for (let i = 0; i < n; i++) s += `Handlers.add('h', 'h', function() f${i}('A${i}') f${i}('B${i}') end)\n`;
    return s;
  },
  wrapperChain: (n) => {
    let s = "local function w0(k, v) Send({ device = 'patch@1.0', cache = { [k] = v } }) end\n";
    for (let i = 1; i < n; i++) s += `local function w${i}(k, v) w${i - 1}(k, v) w${i - 1}(v, k) w${i - 1}(k, k) end\n`;
    for (let i = 0; i < n; i++) s += `Handlers.add('h', 'h', function() w${i}('A', 'B') end)\n`;
    return s;
  },
  sharedTable: (n) => {
    let s = 'Big = {\n';
    for (let i = 0; i < n; i++) s += `  k${i} = ${i},\n`;
    s += '}\n';
    for (let i = 0; i < n / 10; i++) s += `Handlers.add('h', 'h', function() Send({ device = 'patch@1.0', cache = { big${i} = Big } }) end)\n`;
    return s;
  },
  stateWrites: (n) => {
    let s = 'State = {}\n';
    for (let i = 0; i < n; i++) s += `State.a${i} = {}\nState.a${i}.b = ${i}\n`;
    return `${s}Handlers.add('h', 'h', function() Send({ device = 'patch@1.0', cache = { state = State } }) end)\n`;
  },
  elseifChain: (n) => {
    let s = "local x = 1\nif x == 0 then Send({ device = 'patch@1.0', cache = { a = 1 } })\n";
    for (let i = 0; i < n; i++) s += `elseif x == ${i + 1} then Send({ device = 'patch@1.0', cache = { a${i} = 1 } })\n`;
    return `${s}else Send({ device = 'patch@1.0', cache = { z = 1 } }) end\n`;
  },
};

function best(run, text, runs) {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    run(text);
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}
const lint = (text) => lintText(text);
const parse = (text) => luaparse.parse(text, OPTIONS);

const n = Number(process.argv[2] ?? 300);
console.log('shape           bytes(n)  lint ms(n)  lint ms(10n)  lint ratio  parse ratio');
for (const [name, generate] of Object.entries(shapes)) {
  const small = generate(n);
  const large = generate(10 * n);
  best(lint, small, 3); // warm up the JIT on this shape
  const a = best(lint, small, 7);
  const b = best(lint, large, 5);
  const pa = best(parse, small, 7);
  const pb = best(parse, large, 5);
  console.log(
    `${name.padEnd(14)} ${String(small.length).padStart(9)} ${a.toFixed(1).padStart(11)} ${b.toFixed(1).padStart(13)} ${(b / a).toFixed(1).padStart(11)} ${(pb / pa).toFixed(1).padStart(12)}`,
  );
}
