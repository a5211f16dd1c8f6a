// `--stdin` / `--stdin-filename` and `--output-file`, through the built CLI as editors and CI use them.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const BAD = "Handlers.add('X', function(msg)\r\n  Send({ device = 'patch@1.0', cache = { Score = 1 } })\r\nend)\r\n";
const GOOD = "Handlers.add('X', function(msg)\n  Send({ device = 'patch@1.0', cache = { score = 1 } })\nend)\n";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'patchlint-stdin-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--stdin', () => {
  it('lints standard input as the file named by --stdin-filename (filePath resolved against cwd)', () => {
    const run = runCli(['--stdin', '--stdin-filename', 'process/main.lua', '--format', 'json'], { cwd: dir, input: BAD });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const [result] = JSON.parse(run.stdout);
    expect(result.filePath).toBe(path.join(dir, 'process/main.lua'));
    expect(result.source).toBe(BAD);
    expect(result.messages.map((m: any) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn])).toEqual([['lowercase-key', 2, 42, 2, 47]]);
    expect(result.messages[0].fix).toEqual({ range: [74, 79], text: 'score' });
  });

  it('does not need the file to exist (an unsaved editor buffer)', () => {
    expect(existsSync(path.join(dir, 'process/main.lua'))).toBe(false);
  });

  it('names the result <text> without --stdin-filename', () => {
    const run = runCli(['--stdin', '--format', 'compact'], { cwd: dir, input: BAD });
    expect(run.stdout).toMatch(/^<text>:2:42: error Key 'Score' has upper-case letters: [^\n]+ \[lowercase-key\]\n$/);
    expect(run.status).toBe(1);
  });

  it('shows the --stdin-filename path relative to cwd in stylish output', () => {
    const run = runCli(['--stdin', '--stdin-filename', path.join(dir, 'a', 'b.lua')], { cwd: dir, input: BAD });
    expect(run.stdout.split('\n')[1]).toBe('a/b.lua');
  });

  it('exits 0 with no output for clean input, and reads an empty input as an empty file', () => {
    expect(runCli(['--stdin', '--stdin-filename', 'x.lua'], { cwd: dir, input: GOOD })).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(runCli(['--stdin', '--format', 'json'], { cwd: dir, input: '' }).stdout).toBe(
      '[{"filePath":"<text>","messages":[],"suppressedMessages":[],"errorCount":0,"fatalErrorCount":0,"warningCount":0,"fixableErrorCount":0,"fixableWarningCount":0,"usedDeprecatedRules":[]}]\n',
    );
  });

  it('reports a syntax error in the piped text at its position', () => {
    const run = runCli(['--stdin', '--format', 'compact'], { cwd: dir, input: 'Send({ device = \n' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^<text>:2:1: error Parsing error: .* \[patchlint\/parse-error\]\n$/);
  });

  it('refuses paths together with --stdin, and --stdin-filename without --stdin (exit 2, one line)', () => {
    const both = runCli(['--stdin', 'a.lua'], { cwd: dir, input: GOOD });
    expect(both).toEqual({ status: 2, stdout: '', stderr: "patchlint: --stdin cannot be combined with paths or globs\nRun 'patchlint --help' for usage.\n" });
    const alone = runCli(['--stdin-filename', 'a.lua'], { cwd: dir });
    expect(alone).toEqual({ status: 2, stdout: '', stderr: "patchlint: --stdin-filename requires --stdin\nRun 'patchlint --help' for usage.\n" });
  });
});

describe('--stdin with a config file', () => {
  let project: string;
  beforeAll(() => {
    project = mkdtempSync(path.join(tmpdir(), 'patchlint-stdin-config-'));
    writeFileSync(path.join(project, 'patchlint.config.json'), JSON.stringify({
      overrides: [{ files: ['legacy/**/*.lua'], rules: { 'lowercase-key': 'off' } }],
      ignores: ['vendor/'],
    }));
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('applies the overrides that match --stdin-filename', () => {
    const legacy = runCli(['--stdin', '--stdin-filename', 'legacy/old.lua', '--format', 'compact'], { cwd: project, input: BAD });
    expect(legacy).toEqual({ status: 0, stdout: '', stderr: '' });
    const current = runCli(['--stdin', '--stdin-filename', 'src/new.lua', '--format', 'compact'], { cwd: project, input: BAD });
    expect(current.stdout).toMatch(/^src\/new\.lua:2:42: error .* \[lowercase-key\]\n$/);
  });

  it('does not lint text standing for an ignored file: one warning says why (as ESLint)', () => {
    const run = runCli(['--stdin', '--stdin-filename', 'vendor/lib.lua', '--format', 'json'], { cwd: project, input: BAD });
    expect(run.status).toBe(0);
    const [result] = JSON.parse(run.stdout);
    expect(result.filePath).toBe(path.join(project, 'vendor/lib.lua'));
    expect(result.messages).toEqual([{ ruleId: null, severity: 1, message: 'File ignored because of a matching ignore pattern. Use "--no-ignore" to lint it.', line: 0, column: 0 }]);
    const github = runCli(['--stdin', '--stdin-filename', 'vendor/lib.lua', '--format', 'github'], { cwd: project, input: BAD });
    expect(github.stdout).toBe('::warning file=vendor/lib.lua,title=patchlint/ignored-file::File ignored because of a matching ignore pattern. Use "--no-ignore" to lint it.\n');
    expect(runCli(['--stdin', '--stdin-filename', 'vendor/lib.lua', '--no-ignore', '--format', 'compact'], { cwd: project, input: BAD }).status).toBe(1);
  });
});

describe('--output-file', () => {
  it('writes the report to the file (creating folders) and nothing to stdout; the exit code is unchanged', () => {
    const run = runCli(['--stdin', '--stdin-filename', 'p.lua', '--format', 'sarif', '-o', 'reports/patchlint.sarif'], { cwd: dir, input: BAD });
    expect(run).toEqual({ status: 1, stdout: '', stderr: '' });
    const log = JSON.parse(readFileSync(path.join(dir, 'reports/patchlint.sarif'), 'utf8'));
    expect(log.runs[0].results.map((r: any) => [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri])).toEqual([['lowercase-key', 'p.lua']]);
  });

  it('writes an empty file for a clean run (later CI steps always find it)', () => {
    writeFileSync(path.join(dir, 'old.txt'), 'stale');
    const run = runCli(['--stdin', '--format', 'compact', '--output-file', 'old.txt'], { cwd: dir, input: GOOD });
    expect(run).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(path.join(dir, 'old.txt'), 'utf8')).toBe('');
  });

  it('exits 2 with one line when the file cannot be written', () => {
    writeFileSync(path.join(dir, 'plain-file'), '');
    const run = runCli(['--stdin', '-o', 'plain-file/report.txt'], { cwd: dir, input: GOOD });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^patchlint: Cannot write plain-file\/report\.txt: [^\n]+\n$/);
  });
});
