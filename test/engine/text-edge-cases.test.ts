// Unusual but valid text: BOMs, line ends, `#` first lines, tabs, non-ASCII text before a
// problem, NUL bytes, invalid UTF-8, empty and comment-only files, a 20 MB file. Columns are
// UTF-16 code units (what editors, LSP and SARIF expect), lines count \r\n, \n and \r.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/node/lint-files.js';
import { lintText } from '../../src/index.js';
import { presetConfig } from '../../src/config/presets.js';

const PATCH = "Send({ device = 'patch@1.0', cache = { Score = 1 } })";
/** rule@line:column-endLine:endColumn for every message. */
const where = (text: string) =>
  lintText(text, { filePath: 'x.lua' }).messages.map((m) => `${m.ruleId}@${m.line}:${m.column}-${m.endLine}:${m.endColumn}`);

describe('positions of rule diagnostics', () => {
  const handler = (body: string) => `function h()\n${body}\nend`;
  const cases: [string, string, string[]][] = [
    ['plain', handler(`  ${PATCH}`), ['lowercase-key@2:42-2:47']],
    ['a BOM (it is one UTF-16 unit, counted like any character)', `\ufeff${handler(`  ${PATCH}`)}`, ['lowercase-key@2:42-2:47']],
    ['a BOM on the line of the problem', `\ufefffunction h() ${PATCH} end`, ['lowercase-key@1:54-1:59']],
    ['no BOM on the line of the problem', `function h() ${PATCH} end`, ['lowercase-key@1:53-1:58']],
    ['a #! first line', `#!/usr/bin/env lua\n${handler(`  ${PATCH}`)}`, ['lowercase-key@3:42-3:47']],
    ['a plain # first line that is not Lua', `# Score = {\n${handler(`  ${PATCH}`)}`, ['lowercase-key@3:42-3:47']],
    ['CRLF line ends', handler(`  ${PATCH}`).replaceAll('\n', '\r\n'), ['lowercase-key@2:42-2:47']],
    ['CR line ends', handler(`  ${PATCH}`).replaceAll('\n', '\r'), ['lowercase-key@2:42-2:47']],
    ['mixed line ends', `x = 1\r\ny = 2\rz = 3\n${handler(`  ${PATCH}`)}`, ['lowercase-key@5:42-5:47']],
    ['a tab (one column)', handler(`\t${PATCH}`), ['lowercase-key@2:41-2:46']],
    ['accents before the key', handler(`  local cafe = '\u00e9t\u00e9' ${PATCH}`), ['lowercase-key@2:61-2:66']],
    ['an emoji before the key (two UTF-16 units)', handler(`  x = '\u{1f600}' ${PATCH}`), ['lowercase-key@2:51-2:56']],
    ['a NUL byte inside a string before the key', handler(`  x = '\u0000' ${PATCH}`), ['lowercase-key@2:50-2:55']],
    ['a key with non-ASCII letters', handler("  Send({ device = 'patch@1.0', cache = { ['caf\u00e9Score'] = 1 } })"), ['lowercase-key@2:43-2:54']],
  ];
  for (const [name, text, expected] of cases) it(name, () => expect(where(text)).toEqual(expected));
});

describe('files with nothing to lint', () => {
  const clean = {
    'an empty file': '',
    'a lone BOM': '\ufeff',
    'only a #! line': '#!/usr/bin/lua',
    'only comments': '-- one\n--[[ two\nthree ]]\n--[==[ four ]==]',
    'only whitespace': ' \t\r\n\r\n\v\f ',
    'a NUL inside a long string': 'x = [[\u0000]]',
  };
  for (const [name, text] of Object.entries(clean)) {
    it(name, () => {
      const result = lintText(text, { filePath: 'x.lua' });
      expect(result).toMatchObject({ messages: [], errorCount: 0, warningCount: 0, fatalErrorCount: 0 });
      expect(result.source).toBeUndefined();
    });
  }
});

describe('files read from disk', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'patchlint-text-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('invalid UTF-8 in a string is linted (decoded as U+FFFD), positions stay right', async () => {
    const file = path.join(dir, 'latin1.lua');
    writeFileSync(file, Buffer.concat([Buffer.from("x = '"), Buffer.from([0xe9, 0xff, 0xc3]), Buffer.from(`'\nfunction h() ${PATCH} end\n`)]));
    const { results, errors } = await lintFiles([file]);
    expect(errors).toEqual([]);
    expect(results[0]!.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)).toEqual(['lowercase-key@2:53']);
  });

  it('invalid UTF-8 in code is a syntax error at that place', async () => {
    const file = path.join(dir, 'bad-bytes.lua');
    writeFileSync(file, Buffer.concat([Buffer.from('x = 1\ny = '), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]));
    const { results } = await lintFiles([file]);
    expect(results[0]!.messages).toEqual([
      { ruleId: null, fatal: true, severity: 2, line: 2, column: 5, message: "Parsing error: unexpected symbol near '<U+FFFD>'" },
    ]);
  });

  it('a 20 MB file: the problems at its start and at its end are found at the right lines', async () => {
    const file = path.join(dir, 'huge.lua');
    const filler = 'a line of a huge long string that is part of the data of this process\n'.repeat(300_000);
    const text = `function h() ${PATCH} end\nBlob = [==[\n${filler}]==]\nfunction g() ${PATCH.replace('Score', 'Total')} end\n`;
    expect(text.length).toBeGreaterThan(20_000_000);
    writeFileSync(file, text);
    // Over the default 8 MB limit (docs/robustness.md): raised for this file.
    const config = { ...presetConfig('recommended'), maxFileSize: 32 * 1024 * 1024 };
    const { results, errors } = await lintFiles([file], { config });
    expect(errors).toEqual([]);
    expect(results[0]!.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)).toEqual(['lowercase-key@1:53', 'lowercase-key@300004:53']);
    const limited = await lintFiles([file]);
    expect(limited.results[0]!.messages.map((m) => m.message)).toEqual(['File not linted: its 20 MB are over the 8 MB limit (--max-file-size). Files this large are generated data, not process code; raise the limit to lint it anyway.']);
  });
});
