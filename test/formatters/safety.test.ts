// Hostile text in a linted file (keys with line breaks, `%`, `::`, `,`, ANSI escapes) and a
// hostile file NAME must stay inside their place in every format: no injected lines, no
// workflow commands, no terminal escapes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

const ESC = '\x1b';
const EVIL_NAME = `evil\n::error file=x.lua::pwned %0A,${ESC}[31m.lua`;
const SOURCE = [
  "Handlers.add('X', function(msg)",
  "  Send({ device = 'patch@1.0', cache = {",
  "    ['A\\n::error file=pwned.lua::injected'] = 1,",
  "    ['B%0A%25,::x'] = 2,",
  "    ['C\\27[31mred\\27[0m'] = 3,",
  `    ['D${ESC}[32mgreen'] = 4,`,
  '  } })',
  'end)',
  '',
].join('\n');

let dir: string;
let problems: number;
const FORMATS = ['stylish', 'json', 'compact', 'github', 'sarif'];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'patchlint-safety-'));
  writeFileSync(path.join(dir, 'keys.lua'), SOURCE);
  writeFileSync(path.join(dir, EVIL_NAME), SOURCE);
  const results = JSON.parse(runCli(['--format', 'json', '.'], { cwd: dir }).stdout) as { filePath: string; messages: unknown[] }[];
  problems = results.reduce((n, r) => n + r.messages.length, 0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the Actions runner decodes in a property value (and nothing else). */
function githubUnescape(value: string): string {
  const decoded: Record<string, string> = { '%0D': '\r', '%0A': '\n', '%3A': ':', '%2C': ',', '%25': '%' };
  return value.replace(/%(0D|0A|3A|2C|25)/g, (seq) => decoded[seq]!);
}

function lint(format: string): string {
  const run = runCli(['--format', format, '--no-color', '.'], { cwd: dir });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(1);
  return run.stdout;
}

describe('hostile keys and file names', () => {
  it('the fixture really produces problems about the hostile keys in both files', () => {
    expect(problems).toBeGreaterThanOrEqual(10);
  });

  for (const format of FORMATS) {
    it(`${format}: no raw escape character reaches the output`, () => {
      expect(lint(format)).not.toContain(ESC);
    });
  }

  it('stylish: one row per problem, and the file name heading stays one line', () => {
    const lines = lint('stylish').split('\n');
    expect(lines.filter((l) => /^ {2}\d+:\d+ /.test(l))).toHaveLength(problems);
    expect(lines).toContain('evil\\n::error file=x.lua::pwned %0A,\\u{1b}[31m.lua');
    expect(lines.some((l) => l.startsWith('::'))).toBe(false);
  });

  it('compact: exactly one line per problem, each starting with a file name', () => {
    const lines = lint('compact').trimEnd().split('\n');
    expect(lines).toHaveLength(problems);
    for (const l of lines) expect(l).toMatch(/^(keys\.lua|evil\\n::error file=x\.lua::pwned %0A,\\u\{1b\}\[31m\.lua):\d+:\d+: (error|warning) .* \[[a-z/-]+\]$/);
  });

  it('github: exactly one well-formed workflow command per problem; the file property decodes to the name', () => {
    const lines = lint('github').trimEnd().split('\n');
    expect(lines).toHaveLength(problems);
    const files = new Set<string>();
    for (const l of lines) {
      const m = /^::(error|warning) file=([^,:]*),line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=patchlint\/[a-z-]+::([^\r\n]*)$/.exec(l);
      expect(m, l).not.toBeNull();
      files.add(githubUnescape(m![2]!));
    }
    // GitHub decodes %0A, %3A, %2C and %25; the ESC stays visible as %1B (never raw).
    expect([...files].sort()).toEqual([EVIL_NAME.replace(ESC, '%1B'), 'keys.lua']);
  });

  it('json: parses, and filePath is the real file', () => {
    const results = JSON.parse(lint('json')) as { filePath: string }[];
    expect(results.map((r) => r.filePath).sort()).toEqual([path.join(dir, EVIL_NAME), path.join(dir, 'keys.lua')]);
  });

  it('sarif: valid against the schema; the artifact URI decodes to the real file name', () => {
    const log = JSON.parse(lint('sarif'));
    const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/fixtures/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new Ajv({ unicodeRegExp: false, strict: false, logger: false }).compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const uris = new Set<string>(log.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri));
    expect([...uris].map(decodeURIComponent).sort()).toEqual([EVIL_NAME, 'keys.lua']);
    expect([...uris].every((u) => /^[A-Za-z0-9%._~!$&'()*+,;=:@/-]+$/.test(u))).toBe(true);
  });
});

describe('bidi marks and lone surrogates (issue 18, items 21 and 23)', () => {
  const MARKS = ['\u200e', '\u200f', '\u061c', '\u202e', '\u2067'];

  it('bidi marks in a key reach no text format raw', () => {
    const marked = mkdtempSync(path.join(tmpdir(), 'patchlint-bidi-'));
    try {
      writeFileSync(path.join(marked, 'a.lua'), `function h() Send({ device = 'patch@1.0', cache = { ['K${MARKS.join('')}ey'] = 1 } }) end\n`);
      for (const format of ['stylish', 'compact', 'github']) {
        const run = runCli(['--format', format, 'a.lua'], { cwd: marked });
        expect([format, MARKS.filter((m) => run.stdout.includes(m))]).toEqual([format, []]);
        expect(run.stdout).toContain('K\\u{200e}\\u{200f}\\u{61c}\\u{202e}\\u{2067}ey');
      }
    } finally {
      rmSync(marked, { recursive: true, force: true });
    }
  });

  it('a U+202E file name reaches github (and every text format) escaped', () => {
    const marked = mkdtempSync(path.join(tmpdir(), 'patchlint-bidi-name-'));
    try {
      const name = 'exe\u202eaul.lua';
      writeFileSync(path.join(marked, name), "function h() Send({ device = 'patch@1.0', cache = { Key = 1 } }) end\n");
      for (const format of ['stylish', 'compact', 'github']) {
        const run = runCli(['--format', format, '.'], { cwd: marked });
        expect([format, run.stdout.includes('\u202e')]).toEqual([format, false]);
        expect(run.stdout).toContain('exe\\u{202e}aul.lua');
      }
    } finally {
      rmSync(marked, { recursive: true, force: true });
    }
  });

  it("the Node API's SARIF formatter takes a path with a lone surrogate (was URIError)", async () => {
    const { loadFormatter } = await import('../../src/formatters/index.js');
    const sarif = await loadFormatter('sarif');
    const result = { filePath: `/p/a\ud800b.lua`, messages: [{ ruleId: 'lowercase-key', severity: 2 as const, message: 'm', line: 1, column: 1 }], suppressedMessages: [], errorCount: 1, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, usedDeprecatedRules: [] };
    const log = JSON.parse(sarif([result], { cwd: '/p', color: false, rulesMeta: {}, notes: [] })) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('a%EF%BF%BDb.lua');
  });
});
