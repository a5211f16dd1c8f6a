// When lintFile does without luaparse's tree (src/engine/lint-file.ts, src/lua/syntax-only.ts):
// a file that needs no patch model and has no directive comments is only checked for syntax
// errors. Skipping the parse must never change what a user sees: every case below checks the
// messages, and the lint of many texts must equal the lint with the full parse forced.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { presetConfig } from '../../src/config/presets.js';
import { lintFile, needsSyntaxTree } from '../../src/engine/lint-file.js';
import * as parseModule from '../../src/lua/parse.js';
import type { ResolvedConfig } from '../../src/shared/results.js';
import { RUNS, SEED, mutatedSeed, seedTexts, tokenSoup } from '../fuzz/corpus.js';

vi.mock('../../src/lua/parse.js', async (importOriginal) => {
  const original = await importOriginal<typeof parseModule>();
  return { ...original, parseLua: vi.fn(original.parseLua) };
});
const parseLua = vi.mocked(parseModule.parseLua);
afterEach(() => parseLua.mockClear());

const HTTP_CLIENT = [
  'local http = require("socket.http")',
  'local function post(url, body, device)',
  '  -- dispatch to the device handler first',
  '  return http.request({ url = url, method = "POST", source = body, headers = { ["X-Device"] = device } })',
  'end',
  'return { post = post }',
].join('\n');

function lint(text: string, config: ResolvedConfig = presetConfig('recommended'), needsTree?: boolean) {
  return lintFile(text, { filePath: 'client.lua', config, ...(needsTree !== undefined ? { needsTree } : {}) });
}

describe('files that cannot hold a patch message are not parsed into a tree', () => {
  it('an HTTP client with method and device fields: no parse, no problems, no directives', () => {
    expect(needsSyntaxTree(HTTP_CLIENT, presetConfig('recommended'))).toBe(false);
    const file = lint(HTTP_CLIENT);
    expect(parseLua).not.toHaveBeenCalled();
    expect(file.messages).toEqual([]);
    expect(file.directives).toEqual({ directives: [], problems: [] });
    expect(file.source).toBeUndefined();
  });

  it('a syntax error in such a file is still reported, at its line and column, by the full parse', () => {
    const broken = `local x = = 1\n${HTTP_CLIENT}`;
    expect(lint(broken).messages).toEqual([{ ruleId: null, fatal: true, severity: 2, message: "Parsing error: <expression> expected near '='", line: 1, column: 11 }]);
    expect(parseLua).toHaveBeenCalledTimes(1);
  });

  it('Lua that luaparse accepts and Lua rejects is still reported (f(,1))', () => {
    expect(lint('local t = {}\nprint(,1)\n').messages).toEqual([{ ruleId: null, fatal: true, severity: 2, message: "Parsing error: unexpected symbol near ','", line: 2, column: 7 }]);
  });

  it('a file with a directive comment gets the full parse: its directives are read', () => {
    const file = lint(`-- patchlint-disable lowercase-key -- generated\n${HTTP_CLIENT}`);
    expect(file.directives?.directives.map((d) => [d.kind, d.ruleIds.map((r) => r.id), d.justification, d.line])).toEqual([['disable', ['lowercase-key'], 'generated', 1]]);
    expect(parseLua).toHaveBeenCalledTimes(1);
  });

  it('a file that can hold a patch message is parsed and modelled', () => {
    const process = "Handlers.add('s', 's', function(msg) Send({ device = 'patch@1.0', cache = { Score = 1 } }) end)\n";
    expect(needsSyntaxTree(process, presetConfig('recommended'))).toBe(true);
    expect(lint(process).messages.map((m) => m.ruleId)).toEqual(['lowercase-key']);
    expect(parseLua).toHaveBeenCalledTimes(1);
  });
});

describe('the lint without a tree equals the lint with the full parse', () => {
  const configs: [string, ResolvedConfig][] = [
    ['recommended', presetConfig('recommended')],
    ['all', presetConfig('all')],
    ['every rule off', (() => {
      const c = presetConfig('recommended');
      for (const s of Object.values(c.rules)) s.severity = 0;
      return c;
    })()],
    ['no inline config', { ...presetConfig('recommended'), noInlineConfig: true, reportUnusedDisableDirectives: true }],
  ];
  const texts = [
    ...seedTexts(),
    HTTP_CLIENT,
    `\ufeff#!/usr/bin/lua\r\n${HTTP_CLIENT.replaceAll('\n', '\r\n')}`,
    `-- patchlint-disable-next-line\n${HTTP_CLIENT}`,
    ...fc.sample(mutatedSeed, { numRuns: RUNS * 4, seed: SEED + 20 }),
    ...fc.sample(tokenSoup, { numRuns: RUNS * 2, seed: SEED + 21 }),
  ];

  it.each(configs)('under %s', (_name, config) => {
    const differ = texts.filter((text) => JSON.stringify(lint(text, config)) !== JSON.stringify(lint(text, config, true)));
    expect(differ).toEqual([]);
    // Not vacuous: some texts take the path without a tree, some fail to parse.
    expect(texts.filter((t) => !needsSyntaxTree(t, config) && lint(t, config).messages.length === 0).length).toBeGreaterThan(RUNS / 2);
    expect(texts.filter((t) => lint(t, config).messages.some((m) => m.fatal)).length).toBeGreaterThan(RUNS / 2);
  });
});
