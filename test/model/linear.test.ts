// Linting stays linear in the input: 10× more code costs about 10× the work. Asserted on work
// counts (expressions evaluated, field writes read, wrapper instances, entries visited), never
// on timings.
// Each generator stresses one place that was (or could become) super-linear.
import { describe, expect, it } from 'vitest';
import { buildModel, type ModelStats } from '../../src/model/index.js';
import { parseLua } from '../../src/lua/parse.js';

const generators: Record<string, (n: number) => string> = {
  /** A process repeated n times: handlers, wrappers, tables built later, guarded syncs. */
  process: (n) => {
    let s = "local json = require('json')\nInitialSync = InitialSync or 'INCOMPLETE'\n";
    for (let i = 0; i < n; i++) {
      s += [
        `Balances${i} = Balances${i} or {}`,
        `local KEY${i} = 'status${i}'`,
        `local function sendPatch${i}(key, value) Send({ device = 'patch@1.0', cache = { [key] = value } }) end`,
        `local function sync${i}(k) sendPatch${i}(k, json.encode(Balances${i})) end`,
        `Handlers.add('a${i}', 'A${i}', function(msg)`,
        `  local m = { device = 'patch@1.0', cache = { [KEY${i}] = 1 } }`,
        `  m.cache.total = 2`,
        `  m.cache['x${i}'] = { a = 1, b = { c = 2 } }`,
        `  for k, v in pairs(Balances${i}) do m.cache[k] = v end`,
        `  sendPatch${i}('key${i}', msg.Tags.Value)`,
        `  sync${i}('other${i}')`,
        '  Send(m)',
        'end)',
        `if InitialSync == 'INCOMPLETE' then sync${i}('init') InitialSync = 'COMPLETE' end`,
        '',
      ].join('\n');
    }
    return s;
  },
  /** One wrapper called from n functions, each called twice: every call is an instance. */
  wrapperFanOut: (n) => {
    let s = "local function W(k, v) Send({ device = 'patch@1.0', cache = { [k] = v } }) end\n";
    for (let i = 0; i < n; i++) s += `local function f${i}(k) W(k, ${i}) W('k${i}', k) end\n`;
    for (let i = 0; i < n; i++) s += `Handlers.add('h${i}', 'H', function() f${i}('a${i}') f${i}('b${i}') end)\n`;
    return s;
  },
  /** A chain of n wrappers, each calling the previous three times with its parameters. */
  wrapperChain: (n) => {
    let s = "local function w0(k, v) Send({ device = 'patch@1.0', cache = { [k] = v } }) end\n";
    for (let i = 1; i < n; i++) s += `local function w${i}(k, v) w${i - 1}(k, v) w${i - 1}(v, k) w${i - 1}(k, k) end\n`;
    for (let i = 0; i < n; i++) s += `Handlers.add('h', 'H', function() w${i}('a', 'b') end)\n`;
    return s;
  },
  /** One state table with n fields written later, each a table filled later, sent once. */
  stateWrites: (n) => {
    let s = 'State = {}\n';
    for (let i = 0; i < n; i++) s += `State.f${i} = {}\nState.f${i}.value = ${i}\n`;
    return `${s}Handlers.add('h', 'H', function() Send({ device = 'patch@1.0', cache = { state = State } }) end)\n`;
  },
  /** A table of n entries sent by n/10 handlers (its entries are visited once, not per message). */
  sharedTable: (n) => {
    let s = 'Config = {\n';
    for (let i = 0; i < n; i++) s += `  k${i} = ${i},\n`;
    s += '}\n';
    for (let i = 0; i < n / 10; i++) s += `Handlers.add('h${i}', 'H', function() Send({ device = 'patch@1.0', cache = { config${i} = Config } }) end)\n`;
    return s;
  },
  /** A message filled through a holder with n writes below one shared variable. */
  holderWrites: (n) => {
    let s = "Config = { a = 1 }\nlocal m = { device = 'patch@1.0', cache = { config = Config } }\n";
    for (let i = 0; i < n; i++) s += `m.cache.config.k${i} = ${i}\n`;
    return `${s}Handlers.add('h', 'H', function() Send(m) end)\n`;
  },
  /** n top-level sends in an if/elseif chain, and n guarded sends testing one flag set n times. */
  guards: (n) => {
    let s = "Flag = Flag or 'no'\nif Flag == 'x' then Send({ device = 'patch@1.0', cache = { a = 1 } })\n";
    for (let i = 0; i < n; i++) s += `elseif Flag == '${i}' then Send({ device = 'patch@1.0', cache = { a${i} = 1 } })\n`;
    s += "else Send({ device = 'patch@1.0', cache = { z = 1 } }) end\n";
    for (let i = 0; i < n; i++) s += `if Flag == 'no' then Send({ device = 'patch@1.0', cache = { b${i} = 1 } }) Flag = 'yes' end\n`;
    return s;
  },
};

/** The work of building the model in both key styles (the exposed entries differ between them). */
function work(code: string): ModelStats & { visits: number; patches: number } {
  const parsed = parseLua(code);
  if (!parsed.ok) throw new Error(`test code does not parse: ${parsed.message}`);
  const stats: ModelStats = { evaluations: 0, writesRead: 0, instances: 0 };
  const cache = buildModel(parsed.ast, code, { keyStyle: 'cache', stats });
  const direct = buildModel(parsed.ast, code, { keyStyle: 'direct' });
  return { ...stats, visits: cache.entries.length + direct.entries.length, patches: cache.patches.length };
}

describe('the model does linear work', () => {
  for (const [name, generate] of Object.entries(generators)) {
    it(`${name}: 10× the input costs at most about 10× the work`, () => {
      const small = work(generate(20));
      const large = work(generate(200));
      // A little slack for the fixed part of each file (a header, one shared table).
      expect(large.evaluations).toBeLessThanOrEqual(small.evaluations * 10.5 + 50);
      expect(large.instances).toBeLessThanOrEqual(small.instances * 10.5 + 50);
      expect(large.writesRead).toBeLessThanOrEqual(small.writesRead * 10.5 + 50);
      expect(large.visits).toBeLessThanOrEqual(small.visits * 10.5 + 50);
      expect(large.evaluations).toBeGreaterThan(0);
    });
  }

  it('checks every wrapper call: instances grow with the calls, none are dropped', () => {
    expect(work(generators.wrapperFanOut!(20)).instances).toBe(4 * 20);
    expect(work(generators.wrapperFanOut!(200)).instances).toBe(4 * 200);
  });
});
