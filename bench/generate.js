// Deterministic generator of the benchmark corpus: AO process scripts (handlers, token state,
// wrappers, guarded and unguarded initial syncs, correct and wrong patches) and plain Lua
// library code (modules, loops, goto, bitwise operators, long strings, comments), plus one
// 50,000-line file. Same seed, same bytes: figures from different machines compare.
//
//   node bench/generate.js [outDir] [--seed N] [--files N]
//
// Every file is valid Lua 5.3 (bench/run.js checks a sample with `luac5.3 -p`).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** mulberry32: small, fast, good enough for picking templates. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const NOUNS = ['balance', 'supply', 'stake', 'reward', 'order', 'vault', 'pool', 'price', 'ticket', 'vote', 'proposal', 'member', 'score', 'round', 'auction', 'bid', 'listing', 'claim', 'epoch', 'fee', 'quota', 'credit', 'debt', 'market', 'asset', 'position', 'oracle', 'feed', 'player', 'match'];
const VERBS = ['update', 'compute', 'apply', 'collect', 'settle', 'record', 'refresh', 'sync', 'publish', 'resolve', 'merge', 'prune', 'rebuild', 'check', 'load'];
const ACTIONS = ['Transfer', 'Mint', 'Burn', 'Stake', 'Unstake', 'Claim', 'Vote', 'Propose', 'Bid', 'List', 'Cancel', 'Settle', 'Deposit', 'Withdraw', 'Register', 'Join', 'Leave', 'Report', 'Info', 'Balance'];
const WRONG_DEVICES = ['Patch@1.0', 'patch@1', '~patch@1.0', 'patch@1.1', 'patch @1.0', 'PATCH@1.0'];
const RESERVED = ['now', 'compute', 'state', 'info', 'test'];

const cap = (s) => s[0].toUpperCase() + s.slice(1);

class Writer {
  constructor() {
    this.lines = [];
    this.depth = 0;
  }
  line(text = '') {
    this.lines.push(text === '' ? '' : '  '.repeat(this.depth) + text);
  }
  open(text) {
    this.line(text);
    this.depth++;
  }
  close(text = 'end') {
    this.depth--;
    this.line(text);
  }
  get count() {
    return this.lines.length;
  }
  toString() {
    return `${this.lines.join('\n')}\n`;
  }
}

/** A fresh identifier factory per file: no name clashes, no 200-locals limit surprises. */
function names(r) {
  let n = 0;
  return (base) => `${base}${cap(r.pick(NOUNS))}${n++}`;
}

// ---------------------------------------------------------------- process scripts

function processHeader(w, r) {
  w.line(`-- ${cap(r.pick(NOUNS))} process: handlers, state and the public view it exposes over HTTP.`);
  w.line(`-- Generated for the patchlint benchmark (deterministic).`);
  w.line("local json = require('json')");
  if (r.chance(0.5)) w.line("local bint = require('.bint')(256)");
  w.line('');
  w.line(`Name = Name or '${cap(r.pick(NOUNS))} ${cap(r.pick(NOUNS))}'`);
  w.line(`Ticker = Ticker or '${r.pick(NOUNS).slice(0, 3).toUpperCase()}'`);
  w.line('Helpers = Helpers or {}');
  w.line(`Denomination = Denomination or ${r.int(0, 18)}`);
  w.line('Balances = Balances or { [ao.id] = \'' + r.int(1, 9) + '0000000000000\' }');
  w.line(`TotalSupply = TotalSupply or '${r.int(1, 9)}0000000000000'`);
  const table = `${cap(r.pick(NOUNS))}s`;
  w.line(`${table} = ${table} or {}`);
  w.line('');
}

function wrapperFunctions(w, r, state) {
  // The wrappers real processes write; their call sites are what patchlint checks.
  state.wrapper = `sync${cap(r.pick(NOUNS))}`;
  w.line(`-- Patches one key of the public view; ${r.pick(VERBS)}s callers in one place.`);
  w.open(`local function ${state.wrapper}(key, value)`);
  w.line("Send({ device = 'patch@1.0', cache = { [key] = value } })");
  w.close();
  w.line('');
  if (r.chance(0.6)) {
    state.syncAll = `publish${cap(r.pick(NOUNS))}State`;
    w.open(`local function ${state.syncAll}()`);
    w.open('Send({');
    w.line("device = 'patch@1.0',");
    w.open('cache = {');
    w.line('balances = json.encode(Balances),');
    w.line('totalsupply = TotalSupply,');
    w.line('name = Name,');
    w.line(`${r.pick(NOUNS)}count = ${r.int(0, 500)},`);
    w.close('},');
    w.close('})');
    w.close();
    w.line('');
  }
}

function initialSync(w, r, state) {
  const roll = r.next();
  if (roll < 0.6) {
    w.line('-- Initial sync: once per process, not on every reload.');
    w.line('InitialSync = InitialSync or \'INCOMPLETE\'');
    w.open("if InitialSync == 'INCOMPLETE' then");
    if (state.syncAll) w.line(`${state.syncAll}()`);
    else w.line("Send({ device = 'patch@1.0', cache = { balances = json.encode(Balances), totalsupply = TotalSupply } })");
    w.line("InitialSync = 'COMPLETE'");
    w.line("print('Initial state sync complete.')");
    w.close();
  } else if (roll < 0.8) {
    w.line('-- Sent on every reload (guard-top-level-sync reports it).');
    w.line("Send({ device = 'patch@1.0', cache = { totalsupply = TotalSupply } })");
  } else {
    w.line('-- A local flag is reset on every load, so it guards nothing.');
    w.line("local synced = 'INCOMPLETE'");
    w.open("if synced == 'INCOMPLETE' then");
    w.line(`ao.send({ device = 'patch@1.0', cache = { ${r.pick(NOUNS)} = TotalSupply } })`);
    w.line("synced = 'COMPLETE'");
    w.close();
  }
  w.line('');
}

function handler(w, r, state, uniq) {
  const action = `${r.pick(ACTIONS)}${cap(r.pick(NOUNS))}`;
  const noun = r.pick(NOUNS);
  w.open(`Handlers.add('${action}', Handlers.utils.hasMatchingTag('Action', '${action}'), function(msg)`);
  w.line(`local qty = tonumber(msg.Tags.Quantity or '0')`);
  w.line(`assert(type(msg.Tags.Recipient) == 'string', 'Recipient is required')`);
  w.open('if qty <= 0 then');
  w.line(`msg.reply({ Action = '${action}-Error', Error = 'Quantity must be positive' })`);
  w.line('return');
  w.close();
  w.line(`local from = Balances[msg.From] or '0'`);
  w.line(`Balances[msg.From] = tostring(tonumber(from) - qty)`);
  w.line(`Balances[msg.Tags.Recipient] = tostring(tonumber(Balances[msg.Tags.Recipient] or '0') + qty)`);
  const kind = r.next();
  if (kind < 0.35) {
    w.line(`ao.send({ device = 'patch@1.0', cache = { ${noun} = tostring(qty), lastsender = msg.From } })`);
  } else if (kind < 0.5) {
    w.line(`${state.wrapper}('${noun}${r.int(0, 9)}', tostring(qty))`);
  } else if (kind < 0.62) {
    const m = uniq('patch');
    w.line(`local ${m} = { device = 'patch@1.0' }`);
    w.line(`${m}.cache = {}`);
    w.line(`${m}.cache.${noun} = json.encode(Balances)`);
    w.line(`${m}.cache.updated = msg.Timestamp`);
    w.line(`Send(${m})`);
  } else if (kind < 0.7) {
    w.line(`table.insert(ao.outbox.Messages, { device = 'patch@1.0', cache = { ${noun}s = #Balances } })`);
  } else if (kind < 0.95) {
    wrongPatch(w, r, noun);
  } else {
    w.line(`msg.reply({ Action = '${action}-Notice', Quantity = tostring(qty) })`);
  }
  if (r.chance(0.5)) w.line(`msg.reply({ Action = 'Debit-Notice', Quantity = tostring(qty), Recipient = msg.Tags.Recipient })`);
  w.close('end)');
  w.line('');
}

function wrongPatch(w, r, noun) {
  switch (r.int(0, 8)) {
    case 0:
      w.line(`Send({ device = 'patch@1.0', cache = { ${cap(noun)}Total = qty } })`);
      break;
    case 1:
      w.line(`Send({ device = 'patch@1.0', cache = { ${r.pick(RESERVED)} = json.encode(Balances) } })`);
      break;
    case 2:
      w.line(`Send({ device = '${r.pick(WRONG_DEVICES)}', cache = { ${noun} = qty } })`);
      break;
    case 3:
      w.line(`Send({ device = 'patch@1.0', ${noun} = qty })`);
      break;
    case 4:
      w.line(`Send({ device = 'patch@1.0', cache = { ${noun}s = Balances } })`);
      break;
    case 5:
      w.line(`Send({ device = 'patch@1.0', cache = { ${noun} = nil, history = {} } })`);
      break;
    case 6:
      w.line(`Send({ device = 'patch@1.0', cache = { private_${noun} = msg.From, ['${noun}/${r.pick(NOUNS)}'] = qty } })`);
      break;
    case 7:
      w.line(`Send({ device = 'patch@1.0', cache = { ${noun} = ${r.int(1, 9)}${'0'.repeat(r.int(14, 18))}, ratio = qty / 3 } })`);
      break;
    default:
      w.line(`Send({ device = 'patch@1.0', cache = { ${noun} = qty, ${cap(noun)} = qty } })`);
  }
}

function processUtility(w, r, uniq) {
  const fn = uniq(r.pick(VERBS));
  w.line(`-- ${cap(r.pick(VERBS))}s the ${r.pick(NOUNS)} table; called from handlers only.`);
  w.open(`local function ${fn}(list, limit)`);
  w.line('local total, seen = 0, {}');
  w.open('for i, item in ipairs(list) do');
  w.line('if seen[item.id] then goto continue end');
  w.line('seen[item.id] = true');
  w.line(`total = total + (item.amount or 0) // ${r.int(1, 10)}`);
  w.line('if limit and total > limit then break end');
  w.line('::continue::');
  w.close();
  w.line(`return total, #list`);
  w.close();
  w.line('');
}

function processScript(r, targetLines) {
  const w = new Writer();
  const uniq = names(r);
  const state = {};
  processHeader(w, r);
  wrapperFunctions(w, r, state);
  initialSync(w, r, state);
  while (w.count < targetLines) {
    const roll = r.next();
    if (roll < 0.55) handler(w, r, state, uniq);
    else if (roll < 0.8) processUtility(w, r, uniq);
    else libraryChunk(w, r, uniq, 'Helpers');
  }
  return w.toString();
}

// ---------------------------------------------------------------- library code

function libraryChunk(w, r, uniq, mod) {
  const fn = uniq(r.pick(VERBS));
  switch (r.int(0, 7)) {
    case 0: {
      w.line(`--- ${cap(r.pick(VERBS))}s a ${r.pick(NOUNS)} checksum with bitwise operators.`);
      w.open(`function ${mod}.${fn}(s, seed)`);
      w.line(`local h = seed or 0x${r.int(0x1000, 0xffff).toString(16)}`);
      w.open('for i = 1, #s do');
      w.line('h = ((h << 5) ~ (h >> 2) ~ s:byte(i)) & 0xffffffff');
      w.close();
      w.line('return h | 0, ~h & 0xff');
      w.close();
      break;
    }
    case 1: {
      w.line('--[[');
      for (let i = r.int(2, 6); i > 0; i--) w.line(`  ${cap(r.pick(VERBS))} the ${r.pick(NOUNS)} before the ${r.pick(NOUNS)} is stored.`);
      w.line(']]');
      w.open(`function ${mod}.${fn}(t)`);
      w.line('local out = {}');
      w.line('local keys = {}');
      w.line('for k in pairs(t) do keys[#keys + 1] = k end');
      w.line('table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)');
      w.open('for _, k in ipairs(keys) do');
      w.line("out[#out + 1] = string.format('%s=%s', tostring(k), tostring(t[k]))");
      w.close();
      w.line("return table.concat(out, ',')");
      w.close();
      break;
    }
    case 2: {
      const eq = '='.repeat(r.int(0, 2));
      w.line(`local ${fn}Template = [${eq}[`);
      for (let i = r.int(3, 8); i > 0; i--) w.lines.push(`<li class="${r.pick(NOUNS)}">{{${r.pick(NOUNS)}}} -- not a comment ]] </li>`.replace(eq === '' ? ']]' : '\0', ']'));
      w.line(`]${eq}]`);
      w.open(`function ${mod}.${fn}(vars)`);
      w.line(`return (${fn}Template:gsub('{{(%w+)}}', function(k) return tostring(vars[k] or '') end))`);
      w.close();
      break;
    }
    case 3: {
      w.open(`function ${mod}.${fn}(n)`);
      w.line('local a, b = 0, 1');
      w.line('local i = 0');
      w.open('while i < n do');
      w.line('a, b = b, (a + b) % 1000000007');
      w.line('i = i + 1');
      w.close();
      w.line('local steps = 0');
      w.open('repeat');
      w.line('n = n // 2');
      w.line('steps = steps + 1');
      w.close('until n <= 1');
      w.line('return a, steps');
      w.close();
      break;
    }
    case 4: {
      w.open(`function ${mod}.${fn}(matrix)`);
      w.line('local rows = {}');
      w.open('for i = 1, #matrix do');
      w.line('local row = matrix[i]');
      w.open('for j = #row, 1, -1 do');
      w.line('if row[j] == nil then goto skip end');
      w.line(`rows[#rows + 1] = row[j] * ${r.int(2, 9)} + i - j`);
      w.line('::skip::');
      w.close();
      w.close();
      w.line('return rows');
      w.close();
      break;
    }
    case 5: {
      w.line(`-- A class with a metatable: ${r.pick(NOUNS)} ${r.pick(VERBS)}r.`);
      w.line(`${mod}.${cap(fn)} = {}`);
      w.line(`${mod}.${cap(fn)}.__index = ${mod}.${cap(fn)}`);
      w.open(`function ${mod}.${cap(fn)}.new(...)`);
      w.line(`local self = setmetatable({ items = { ... }, size = select('#', ...) }, ${mod}.${cap(fn)})`);
      w.line('return self');
      w.close();
      w.open(`function ${mod}.${cap(fn)}:push(v)`);
      w.line('self.size = self.size + 1');
      w.line('self.items[self.size] = v');
      w.line('return self');
      w.close();
      break;
    }
    case 6: {
      w.open(`function ${mod}.${fn}(str)`);
      w.line("local parts = {}");
      w.open("for word in str:gmatch('[^,]+') do");
      w.line("local trimmed = word:match('^%s*(.-)%s*$')");
      w.open('if #trimmed > 0 and trimmed ~= "nil" then');
      w.line('parts[#parts + 1] = trimmed:lower()');
      w.close('elseif #parts > 10 then');
      w.depth++;
      w.line('break');
      w.close();
      w.close();
      w.line("return parts, #parts > 0 and parts[1] or nil");
      w.close();
      break;
    }
    default: {
      w.open(`function ${mod}.${fn}(a, b, ...)`);
      w.line('local extra = { ... }');
      w.line(`local ratio = (a or 0) / ((b or 1) + 0.5) ^ 2`);
      w.line(`local flags = (#extra << 2) | (a and 1 or 0)`);
      w.line(`return math.floor(ratio * ${r.int(10, 1000)}) .. ':' .. flags, not (a == b)`);
      w.close();
    }
  }
  w.line('');
}

function libraryModule(r, targetLines) {
  const w = new Writer();
  const uniq = names(r);
  const mod = 'M';
  w.line(`-- ${cap(r.pick(NOUNS))} utilities (library module).`);
  w.line(`local ${mod} = { _VERSION = '${r.int(0, 3)}.${r.int(0, 9)}.${r.int(0, 20)}' }`);
  w.line('');
  while (w.count < targetLines - 2) libraryChunk(w, r, uniq, mod);
  w.line(`return ${mod}`);
  return w.toString();
}

/** One very large file: many blocks of process and library code, each in its own scope. */
function hugeFile(r, targetLines) {
  const w = new Writer();
  const uniq = names(r);
  const state = {};
  w.line('-- One very large generated process (stress test for a single file).');
  w.line("local json = require('json')");
  w.line('Helpers = Helpers or {}');
  wrapperFunctions(w, r, state);
  initialSync(w, r, state);
  while (w.count < targetLines) {
    if (r.chance(0.5)) {
      handler(w, r, state, uniq);
    } else {
      // A scope per chunk: the main function may hold at most 200 locals.
      w.open('do');
      libraryChunk(w, r, uniq, 'Helpers');
      w.close();
    }
  }
  return w.toString();
}

/** Writes files below `outDir` and counts their lines and bytes. */
function corpusWriter(outDir) {
  let lines = 0;
  let bytes = 0;
  return {
    write(rel, text) {
      const file = path.join(outDir, rel);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      lines += text.split('\n').length - 1;
      bytes += Buffer.byteLength(text);
    },
    stats: () => ({ lines, bytes }),
  };
}

/**
 * Writes the corpus: `files` files (60% process scripts, 40% library modules, 80-600
 * lines) plus big/huge-process.lua (50,000 lines) when `huge` is set. Returns counts.
 */
export function generateCorpus(outDir, { seed = 20260101, files = 3000, huge = true } = {}) {
  const r = prng(seed);
  const { write, stats } = corpusWriter(outDir);
  for (let i = 0; i < files; i++) {
    const group = `g${String(Math.floor(i / 100)).padStart(2, '0')}`;
    const target = r.int(80, 450);
    if (r.chance(0.6)) write(`processes/${group}/process-${i}.lua`, processScript(r, target));
    else write(`lib/${group}/module-${i}.lua`, libraryModule(r, target));
  }
  if (huge) write('big/huge-process.lua', hugeFile(r, 50000));
  return { files: files + (huge ? 1 : 0), ...stats() };
}

// ---------------------------------------------------------------- real-shaped corpus

/**
 * AO code that sends no patch: the process scripts above with every patch turned into an
 * ordinary message (most AO files of real repositories are handlers, tokens and tests of
 * their own, with no patch@1.0 at all).
 */
function plainProcess(r, targetLines) {
  return processScript(r, targetLines).replace(/device = '[^']*'/g, "Action = 'Notice'").replace(/method = 'PATCH'/g, "Action = 'Notice'").replace(/patch/gi, 'notice');
}

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD'];

/** An HTTP/REST client module (common in non-AO Lua): `method = ...` tables that are requests. */
function httpClient(r, targetLines, withPatch) {
  const w = new Writer();
  const uniq = names(r);
  w.line(`-- REST client for the ${r.pick(NOUNS)} service (HTTP requests; no AO messages).`);
  w.line("local http = require('socket.http')");
  w.line("local ltn12 = require('ltn12')");
  w.line('local M = { base = os.getenv("API_BASE") or "http://localhost:8080" }');
  w.line('');
  w.open('local function request(opts)');
  w.line('local chunks = {}');
  w.line('local ok, code, headers = http.request({ url = M.base .. opts.path, method = opts.method, headers = opts.headers, source = opts.source, sink = ltn12.sink.table(chunks) })');
  w.line('if not ok then return nil, code end');
  w.line('return table.concat(chunks), code, headers');
  w.close();
  w.line('');
  while (w.count < targetLines - 2) {
    const fn = uniq(r.pick(VERBS));
    const method = withPatch && r.chance(0.3) ? 'PATCH' : r.pick(HTTP_METHODS);
    w.line(`--- ${cap(r.pick(VERBS))}s a ${r.pick(NOUNS)} (${method} /${r.pick(NOUNS)}s/:id).`);
    w.open(`function M.${fn}(id, body)`);
    w.line(`local payload = body and M.encode(body) or nil`);
    w.open('local res, code = request({');
    w.line(`path = '/${r.pick(NOUNS)}s/' .. tostring(id),`);
    w.line(`method = "${method}",`);
    w.line(`headers = { ["content-type"] = "application/json", ["content-length"] = payload and #payload or 0 },`);
    w.line('source = payload and ltn12.source.string(payload) or nil,');
    w.close('})');
    w.line(`if code ~= ${r.pick([200, 201, 204])} then return nil, 'unexpected status ' .. tostring(code) end`);
    w.line('return res');
    w.close();
    w.line('');
    if (r.chance(0.3)) libraryChunk(w, r, uniq, 'M');
  }
  w.line('return M');
  return w.toString();
}

/** A device table (drivers, input devices, audio): `device` as a plain field. */
function deviceModule(r, targetLines) {
  const w = new Writer();
  const uniq = names(r);
  w.line(`-- Device registry for the ${r.pick(NOUNS)} subsystem.`);
  w.line('local devices = {}');
  w.line('');
  while (w.count < targetLines - 2) {
    const fn = uniq('open');
    w.open(`function devices.${fn}(id, opts)`);
    w.line(`local dev = { device = '${r.pick(['gpu', 'keyboard', 'mouse', 'audio', 'disk', 'tty'])}' .. tostring(id), mode = opts and opts.mode or 'r', buffer = {} }`);
    w.line(`dev.method = opts and opts.method or '${r.pick(['poll', 'irq', 'dma'])}'`);
    w.line('setmetatable(dev, { __index = devices })');
    w.line('return dev');
    w.close();
    w.line('');
    libraryChunk(w, r, uniq, 'devices');
  }
  w.line('return devices');
  return w.toString();
}

/** A test suite (busted style) whose descriptions mention methods and devices. */
function testSuite(r, targetLines) {
  const w = new Writer();
  w.line(`-- Tests for the ${r.pick(NOUNS)} module.`);
  w.line(`local subject = require('${r.pick(NOUNS)}')`);
  w.open(`describe('${r.pick(NOUNS)} method dispatch', function()`);
  let i = 0;
  while (w.count < targetLines - 2) {
    w.open(`it('${r.pick(VERBS)}s the ${r.pick(NOUNS)} through the ${r.pick(['device', 'method', 'handler'])} #${i++}', function()`);
    w.line(`local input = { method = '${r.pick(HTTP_METHODS)}', device = 'mock', id = ${r.int(1, 999)} }`);
    w.line(`local out = subject.${r.pick(VERBS)}(input)`);
    w.line(`assert.are.equal(${r.int(0, 9)}, out and #out or 0)`);
    w.line('assert.is_true(type(out) == "table" or out == nil)');
    w.close('end)');
  }
  w.close('end)');
  return w.toString();
}

/** A generated data file (a large table constructor: token lists, fixtures, translations). */
function dataTable(r, targetBytes) {
  const rows = ['-- Generated data: do not edit.', 'return {'];
  let bytes = 40;
  let id = 0;
  while (bytes < targetBytes) {
    const row = `  { id = ${id++}, name = "${r.pick(NOUNS)}-${r.int(0, 99999)}", weight = ${r.int(0, 1000)}.${r.int(0, 99)}, tags = { "${r.pick(VERBS)}", "${r.pick(NOUNS)}" }, active = ${r.chance(0.5)} },`;
    rows.push(row);
    bytes += row.length + 1;
  }
  rows.push('}');
  return `${rows.join('\n')}\n`;
}

/** A tiny file: a config table, a one-function helper, an init script. */
function tinyFile(r) {
  const w = new Writer();
  const uniq = names(r);
  switch (r.int(0, 2)) {
    case 0:
      w.line('return {');
      for (let i = r.int(2, 12); i > 0; i--) w.line(`  ${r.pick(NOUNS)}_${i} = ${r.chance(0.5) ? r.int(0, 100) : `'${r.pick(VERBS)}'`},`);
      w.line('}');
      break;
    case 1:
      w.line('local M = {}');
      libraryChunk(w, r, uniq, 'M');
      w.line('return M');
      break;
    default:
      w.line(`require('${r.pick(NOUNS)}')`);
      w.line(`require('${r.pick(NOUNS)}.${r.pick(NOUNS)}')`);
  }
  return w.toString();
}

/**
 * The corpus shaped like real repositories (measured on 3,273 public Lua files, issue 17):
 * about 3% of files send patches; about a quarter mention `device`/`method` for other reasons
 * (HTTP clients, some with method = "PATCH"; device tables; test suites); a fifth are AO code
 * with no patch; library modules, some long; four data files of 0.7-0.9 MB; a tail of tiny files.
 */
export function generateRealCorpus(outDir, { seed = 20260202, files = 3000 } = {}) {
  const r = prng(seed);
  const { write, stats } = corpusWriter(outDir);
  const DATA = 4;
  for (let i = 0; i < files - DATA; i++) {
    const group = `g${String(Math.floor(i / 100)).padStart(2, '0')}`;
    const roll = r.next();
    const size = r.int(80, 450);
    if (roll < 0.03) write(`ao/${group}/process-${i}.lua`, processScript(r, size));
    else if (roll < 0.07) write(`http/${group}/client-${i}.lua`, httpClient(r, size, true));
    else if (roll < 0.18) write(`http/${group}/client-${i}.lua`, httpClient(r, size, false));
    else if (roll < 0.23) write(`drivers/${group}/device-${i}.lua`, deviceModule(r, size));
    else if (roll < 0.28) write(`spec/${group}/module-${i}_spec.lua`, testSuite(r, size));
    else if (roll < 0.48) write(`ao/${group}/handlers-${i}.lua`, plainProcess(r, size));
    else if (roll < 0.80) write(`lib/${group}/module-${i}.lua`, libraryModule(r, r.chance(0.07) ? r.int(1500, 4000) : size));
    else write(`etc/${group}/small-${i}.lua`, tinyFile(r));
  }
  for (let i = 0; i < DATA; i++) write(`data/table-${i}.lua`, dataTable(r, r.int(700_000, 900_000)));
  return { files, ...stats() };
}

/** The pre-commit case: one process script of about 300 lines. */
export function generateSingle(file, seed = 7) {
  const text = processScript(prng(seed), 295);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return text.split('\n').length - 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : dflt;
  };
  const out = args[0] && !args[0].startsWith('--') ? args[0] : fileURLToPath(new URL('./corpus/base', import.meta.url));
  const stats = generateCorpus(out, { seed: flag('--seed', 20260101), files: flag('--files', 3000) });
  console.log(`${out}: ${stats.files} files, ${stats.lines} lines, ${(stats.bytes / 1e6).toFixed(1)} MB`);
}
