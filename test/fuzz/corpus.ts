// Inputs for the fuzz tests: the example processes plus snippets that exercise the corners of
// Lua 5.3 syntax, a Lua-ish tokenizer, token-level mutations, and random patch messages whose
// keys carry hostile text. `PATCHLINT_FUZZ_RUNS` scales every property (npm run fuzz).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { REPO_ROOT } from '../helpers/run-cli.js';

/** Runs per property: small in `npm test`, large in `npm run fuzz`. */
export const RUNS = Number(process.env.PATCHLINT_FUZZ_RUNS ?? 0) || 150;
/** Fixed in the suite (reproducible); `npm run fuzz` picks a new one each time and prints it. */
export const SEED = Number(process.env.PATCHLINT_FUZZ_SEED ?? 0) || 20261125;

export const SNIPPETS = [
  "local t = { a = 1, ['b'] = 2, [3] = 4; 5, }\nprint(t.a, t['b'], #t)",
  'for i = 1, 10, 2 do if i % 3 == 0 then goto continue end print(i // 2, i ~ 1, i << 2, i >> 1, ~i, i & 3 | 4) ::continue:: end',
  'local s = [==[\nlong ]] string]==] .. "esc\\n\\t\\x41\\u{48}\\65\\z\n   x" .. \'q\\\'\'',
  'local function f(...) local a, b = ... return select("#", ...), a, b end',
  'local obj = {} function obj:m(x) return self, x end obj:m(1) obj.m(obj, 2) print(obj:m"s", obj:m{1})',
  'while true do break end repeat local x = 1 until x == 1 do local y = 2 end',
  'local x = -2 ^ -3 .. "a" .. 1 == not nil and 0x1p4 or 0xA.8p0 or 3e-2 or .5 or 5.',
  'Send({ device = "patch@1.0", cache = { Score = 1, list = { 1, 2 }, name = json.encode(x), f = function() end, n = 0/0 } })',
  'ao.send({ Target = ao.id, device = "Patch@1.0", cache = { ["K"] = v, [K] = w, nested = { Deep = {} } } })',
  "local m = { device = 'patch@1.0' }\nm.cache = { Total = 1 }\nm.cache['Sub'] = { a = 1 }\nSend(m)",
  "local function SendPatch(k, v) Send({ device = 'patch@1.0', cache = { [k] = v } }) end\nSendPatch('MyKey', 1)\nSendPatch('other', {})",
  "if not Synced then\n  Send({ device = 'patch@1.0', cache = { state = 1 } })\n  Synced = true\nend",
  '-- comment\n--[[ block\ncomment ]] --[==[ another ]==]\nreturn',
  'a.b.c = 1; a["b"]:c(); (f)(); local t = {f = function() end}',
  'return function(...) return ... end',
];

export function seedTexts(): string[] {
  const dir = path.join(REPO_ROOT, 'fixtures/examples');
  const files = readdirSync(dir).filter((f) => f.endsWith('.lua')).sort();
  return [...files.map((f) => readFileSync(path.join(dir, f), 'utf8')), ...SNIPPETS];
}

/** Lua-ish tokens: long brackets and comments, strings, numbers, names, operators, whitespace. */
const TOKEN =
  /--\[(=*)\[[\s\S]*?\]\1\]|\[(=*)\[[\s\S]*?\]\2\]|--[^\n]*|"(?:\\[\s\S]|[^"\\\n])*"|'(?:\\[\s\S]|[^'\\\n])*'|0[xX][0-9a-fA-F.pP+-]+|\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+|[A-Za-z_]\w*|\.\.\.|\.\.|::|<<|>>|\/\/|==|~=|<=|>=|\s+|[\s\S]/g;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export const VOCABULARY = [
  '(', ')', '{', '}', '[', ']', ',', ';', '.', ':', '::', '..', '...', '=', '==', '~=', '<', '>', '<=', '>=', '+', '-', '*', '/',
  '//', '%', '^', '#', '&', '|', '~', '<<', '>>', 'and', 'or', 'not', 'local', 'function', 'end', 'if', 'then', 'else', 'elseif',
  'for', 'in', 'do', 'while', 'repeat', 'until', 'return', 'break', 'goto', 'nil', 'true', 'false', 'x', 'Send', 'cache', 'device',
  "'patch@1.0'", '"A"', '[[s]]', '[==[', ']]', '1', '0x10', '1e3', '.5', '3.', '"\\q"', '"\\x4"', '"\\u{110000}"', '"\\300"', '"',
  "'", '--', '--[[', '\n', '\r\n', '\r', ' ', '\t', '\u00a0', '\v', '\f', '@', '$', '!', '?', '`', '\\', '\u00e9', '\u{1f600}', '\u0000',
  '\ufeff', '\x1b[31m', '\u202e', '\ud800',
];

export type Edit = { op: 'delete' | 'duplicate' | 'swap' | 'insert'; at: number; token: string };

export const editArbitrary: fc.Arbitrary<Edit> = fc.record({
  op: fc.constantFrom('delete', 'duplicate', 'swap', 'insert'),
  at: fc.nat(),
  token: fc.constantFrom(...VOCABULARY),
});

/** One token-level edit: delete, duplicate, swap neighbours, or insert a vocabulary token. */
export function applyEdit(tokens: string[], edit: Edit): string[] {
  const out = [...tokens];
  if (out.length === 0) return [edit.token];
  const at = edit.at % out.length;
  if (edit.op === 'delete') out.splice(at, 1);
  else if (edit.op === 'duplicate') out.splice(at, 0, out[at]!);
  else if (edit.op === 'swap' && at + 1 < out.length) [out[at], out[at + 1]] = [out[at + 1]!, out[at]!];
  else out.splice(at, 0, edit.token);
  return out;
}

/** A seed text with a few token edits. */
export const mutatedSeed: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...seedTexts().map(tokenize)), fc.array(editArbitrary, { minLength: 1, maxLength: 4 }))
  .map(([tokens, edits]) => edits.reduce(applyEdit, tokens).join(''));

export const tokenSoup: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...VOCABULARY), { maxLength: 60 })
  .map((tokens) => tokens.join(' '));

/** Bytes as a file would hold them, decoded as UTF-8 the way lintFiles reads files. */
export const randomFileText: fc.Arbitrary<string> = fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('utf8'));

/** A Lua string literal for any text: escapes quotes, backslashes and control characters. */
export function luaString(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (cp < 0x20 || cp === 0x7f) out += `\\${cp}`;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '?'; // lone surrogates cannot be written as UTF-8
    else out += ch;
  }
  return `"${out}"`;
}

const hostileText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('Score', 'PRIV', 'state', 'a/b', '', ' ', '\x1b[31mred', '::error file=x::y', '%0A', 'A\nB', 'é', 'x'.repeat(600), '\u202eevil'),
);

/** Random patch messages (cache or direct keys, nested tables, hostile keys), sent from handlers or at load time. */
export const patchProgram: fc.Arbitrary<string> = fc
  .array(
    fc.record({
      device: fc.constantFrom("'patch@1.0'", "'Patch@1.0'", "'patch@1'", "'~patch@1.0'"),
      keys: fc.array(fc.tuple(hostileText, fc.constantFrom('1', '{}', '{ a = 1 }', 'nil', '0/0', '1e20', "'v'", 'function() end', '{ 1, x = 2 }')), { maxLength: 5 }),
      direct: fc.boolean(),
      atLoad: fc.boolean(),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((messages) =>
    messages
      .map(({ device, keys, direct, atLoad }) => {
        const fields = keys.map(([k, v]) => `[${luaString(k)}] = ${v}`).join(', ');
        const send = `Send({ device = ${device}, ${direct ? fields : `cache = { ${fields} }`} })`;
        return atLoad ? send : `Handlers.add('x', function(msg) ${send} end)`;
      })
      .join('\n'),
  );
