// The CLI on a project a new user would set up: config in the root, scripts in subfolders,
// one override, one ignored folder; run from different folders, with every config option.
// Needs a fresh `node scripts/build.js` (npm test builds first).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** luac5.3 (Debian's lua5.3; .ci/run installs it): the reference parser the fixed file is checked with. */
const HAS_LUAC = spawnSync('luac5.3', ['-v']).status === 0;
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/patchlint.js');

function run(args: string[], cwd: string, input = '') {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
function json(args: string[], cwd: string) {
  const r = run(['-f', 'json', ...args], cwd);
  const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string | null; line: number; severity: number }[]; output?: string }[];
  return { status: r.status, stderr: r.stderr, results: results.map((x) => ({ ...x, file: path.relative(root, x.filePath).split(path.sep).join('/') })) };
}
const summary = (results: ReturnType<typeof json>['results']) =>
  Object.fromEntries(results.map((r) => [r.file, r.messages.map((m) => `${m.line} ${m.ruleId} ${m.severity}`)]));

const MAIN = `Handlers.add('join', 'Join', function(msg)
  Send({ device = 'patch@1.0', cache = { PlayerCount = 1, winner = nil } })
end)
`;
const INIT = `Send({ device = 'patch@1.0', cache = { round = 0 } })
`;
const VENDOR = `Send({ device = 'Patch@1.0', cache = { X = 1 } })
`;
const CONFIG = {
  $schema: '../schema/patchlint.schema.json',
  extends: 'recommended',
  rules: { 'nil-value': 'error' },
  overrides: [{ files: ['tests/**/*.lua'], rules: { 'guard-top-level-sync': 'off' } }],
  ignores: ['vendor/'],
};

let base: string;
let root: string;
beforeAll(() => {
  base = realpathSync(mkdtempSync(path.join(tmpdir(), 'patchlint-cli-config-')));
  root = path.join(base, 'game');
  const files: Record<string, string> = {
    'patchlint.config.json': `${JSON.stringify(CONFIG, null, 2)}\n`,
    'process/main.lua': MAIN,
    'tests/init.lua': INIT,
    'vendor/lib.lua': VENDOR,
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const EXPECTED = {
  'process/main.lua': ['2 lowercase-key 2', '2 nil-value 2'],
  'tests/init.lua': [],
};

describe('a new project (config in the root, scripts in subfolders, one override)', () => {
  it('lints from the root with the config, the override and the ignores', () => {
    const { status, results, stderr } = json([], root);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(summary(results)).toEqual(EXPECTED);
  });

  it('finds the config from a subfolder, and matches overrides relative to the config file', () => {
    const { results } = json(['..'], path.join(root, 'process'));
    expect(summary(results)).toEqual(EXPECTED);
    expect(summary(json([], path.join(root, 'tests')).results)).toEqual({ 'tests/init.lua': [] });
  });

  it('uses --config from outside the project', () => {
    expect(summary(json(['--config', 'game/patchlint.config.json', 'game'], base).results)).toEqual(EXPECTED);
  });

  it('falls back to the recommended preset with --no-config-lookup (and lints the ignored folder)', () => {
    expect(summary(json(['--no-config-lookup'], root).results)).toEqual({
      'process/main.lua': ['2 lowercase-key 2', '2 nil-value 1'],
      'tests/init.lua': ['1 guard-top-level-sync 2'],
      'vendor/lib.lua': ['1 guard-top-level-sync 2', '1 device-name 2', '1 lowercase-key 2'],
    });
  });

  it('applies --rule after the config', () => {
    const { results } = json(['--rule', 'nil-value: off', '--rule', 'lowercase-key: ["warn", {"allow": ["PlayerCount"]}]'], root);
    expect(summary(results)).toEqual({ 'process/main.lua': [], 'tests/init.lua': [] });
  });

  it('honours --ignore-pattern (relative to the current folder) and --no-ignore', () => {
    expect(summary(json(['--ignore-pattern', 'process/**'], root).results)).toEqual({ 'tests/init.lua': [] });
    expect(summary(json(['--no-ignore'], root).results)['vendor/lib.lua']).toEqual(['1 guard-top-level-sync 2', '1 device-name 2', '1 lowercase-key 2']);
  });

  it('warns about an ignored file named on the command line, as ESLint does', () => {
    const { status, results } = json(['vendor/lib.lua'], root);
    expect(status).toBe(0);
    expect(results[0]!.messages).toEqual([expect.objectContaining({ ruleId: null, severity: 1, message: 'File ignored because of a matching ignore pattern. Use "--no-ignore" to lint it.' })]);
  });

  it('prints the resolved config of a file', () => {
    const r = run(['--print-config', 'tests/init.lua'], root);
    expect(r.status).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(printed).toMatchObject({ configFile: path.join(root, 'patchlint.config.json'), extends: 'recommended', ignored: false, reportUnusedDisableDirectives: false });
    expect(printed.rules['guard-top-level-sync']).toEqual(['off', { flags: [] }]);
    expect(printed.rules['nil-value']).toEqual(['error', {}]);
    expect(printed.rules['lowercase-key']).toEqual(['error', { ignoreIds: true, allow: [] }]);
    expect(JSON.parse(run(['--print-config', 'vendor/x.lua'], root).stdout).ignored).toBe(true);
  });
});

describe('config errors: one line, exit code 2, no linting', () => {
  function broken(text: string, name = 'patchlint.config.json') {
    const dir = mkdtempSync(path.join(base, 'broken-'));
    writeFileSync(path.join(dir, name), text);
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'src', 'a.lua'), MAIN);
    return { dir, ...run([], path.join(dir, 'src')) };
  }
  it.each([
    ['a bad option', '{"rules":{"lowercase-key":["error",{"ignoreIds":"no"}]}}', '<dir>/patchlint.config.json: rules.lowercase-key[1].ignoreIds: expected a boolean'],
    ['an unknown rule', '{"rules":{"nil-values":"off"}}', "<dir>/patchlint.config.json: rules.nil-values: unknown rule 'nil-values' (did you mean 'nil-value'?)"],
    ['a bad severity', '{"rules":{"nil-value":"on"}}', '<dir>/patchlint.config.json: rules.nil-value: expected a severity: "off", "warn", "error" (or 0, 1, 2)'],
    ['invalid JSON', '{\n  "rules": {,\n}', '<dir>/patchlint.config.json:2:13: invalid JSON: expected a double-quoted property name, found ","'],
  ])('%s', (_, text, expected) => {
    const r = broken(text);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`patchlint: ${expected.replace('<dir>', r.dir)}\n`);
  });
  it('names the file relative to the current folder when inside it', () => {
    const r = run(['--config', 'bad.json'], (() => {
      const dir = mkdtempSync(path.join(base, 'rel-'));
      writeFileSync(path.join(dir, 'bad.json'), '{"extends":"strict"}');
      return dir;
    })());
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', 'patchlint: bad.json: extends: expected one of "recommended", "direct-keys", "all"\n']);
  });
  it('reports a bad --rule and a missing --config', () => {
    expect(run(['--rule', 'nil-value: loud'], root).stderr).toBe('patchlint: --rule \'nil-value: loud\': nil-value: expected a severity: "off", "warn", "error" (or 0, 1, 2)\n');
    expect(run(['--config', 'nope.json'], root)).toEqual({ status: 2, stdout: '', stderr: 'patchlint: nope.json: cannot read the config file (no such file)\n' });
  });
});

describe('--fix, --fix-dry-run and unused directives', () => {
  const BROKEN = `-- patchlint-disable-next-line private-key\nHandlers.add('r', 'R', function()\n  ao.send({ device = "Patch@1.0", cache = { Round = 0 } })\nend)\n`;
  const FIXED = `Handlers.add('r', 'R', function()\n  ao.send({ device = "patch@1.0", cache = { round = 0 } })\nend)\n`;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(base, 'fix-'));
    writeFileSync(path.join(dir, '.patchlintrc.json'), '{"reportUnusedDisableDirectives": true}');
  });

  it('--fix-dry-run puts the fixed text in the JSON output and writes nothing', () => {
    writeFileSync(path.join(dir, 'a.lua'), BROKEN);
    const { status, results } = json(['--fix-dry-run', 'a.lua'], dir);
    expect(status).toBe(0);
    expect(results[0]!.output).toBe(FIXED);
    expect(results[0]!.messages).toEqual([]);
    expect(readFileSync(path.join(dir, 'a.lua'), 'utf8')).toBe(BROKEN);
  });

  it('reports the unused directive as a fixable warning', () => {
    const r = json(['a.lua', '--rule', 'device-name: off', '--rule', 'lowercase-key: off'], dir);
    expect(r.results[0]!.messages).toEqual([expect.objectContaining({ ruleId: null, line: 1, severity: 1, fix: { range: [0, 43], text: '' } })]);
  });

  it.skipIf(!HAS_LUAC)('the fixed file parses with luac5.3 (skipped when luac5.3 is not installed)', () => {
    const file = path.join(dir, 'fixed-for-luac.lua');
    writeFileSync(file, FIXED);
    expect(spawnSync('luac5.3', ['-p', file]).status).toBe(0);
  });

  it('--fix writes the fixed file, and a second --fix leaves it untouched', () => {
    const file = path.join(dir, 'b.lua');
    writeFileSync(file, BROKEN);
    const first = run(['--fix', 'b.lua'], dir);
    expect([first.status, first.stdout, first.stderr]).toEqual([0, '', '']);
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    const before = statSync(file).mtimeMs;
    const second = run(['--fix', 'b.lua'], dir);
    expect([second.status, second.stdout]).toEqual([0, '']);
    expect(statSync(file).mtimeMs).toBe(before);
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
  });

  it('--fix follows a symbolic link and keeps the link', () => {
    const target = path.join(dir, 'real.lua');
    writeFileSync(target, BROKEN);
    symlinkSync(target, path.join(dir, 'link.lua'));
    expect(run(['--fix', 'link.lua'], dir).status).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(FIXED);
    expect(statSync(path.join(dir, 'link.lua')).isFile()).toBe(true);
  });

  it('--fix reports what it cannot fix (a warning here: exit 0)', () => {
    const file = path.join(dir, 'c.lua');
    cpSync(path.join(root, 'process', 'main.lua'), file);
    const r = json(['--fix', 'c.lua', '--no-config-lookup'], dir);
    expect(r.status).toBe(0);
    expect(r.results[0]!.messages.map((m) => m.ruleId)).toEqual(['nil-value']);
    expect(readFileSync(file, 'utf8')).toBe(MAIN.replace('PlayerCount', 'playercount'));
  });

  it('--stdin --fix-dry-run uses the config of --stdin-filename and prints the fixed text', () => {
    const r = run(['--stdin', '--stdin-filename', 'tests/new.lua', '--fix-dry-run', '-f', 'json'], root, INIT.replace('round', 'Round'));
    const [result] = JSON.parse(r.stdout);
    expect(result).toMatchObject({ filePath: path.join(root, 'tests', 'new.lua'), messages: [], output: INIT });
    expect(run(['--stdin', '--fix'], root, INIT).stderr).toMatch(/^patchlint: --fix cannot be used with --stdin/);
  });

  it('rejects --fix with --fix-dry-run', () => {
    expect(run(['--fix', '--fix-dry-run'], dir).stderr).toMatch(/^patchlint: --fix and --fix-dry-run cannot be combined\n/);
  });
});
