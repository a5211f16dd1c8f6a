// The README's CI examples, checked as written: the YAML parses, and every `npx patchlint ...`
// command of the GitHub Actions workflows runs (with the built CLI) on the fixture set and
// produces what the next step expects.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

function section(heading: string): string {
  const start = readme.indexOf(`\n${heading}\n`);
  expect(start, `README has no "${heading}" section`).toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

function yamlBlocks(text: string): string[] {
  return [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

// PyYAML comes with pre-commit (Debian's python3-yaml).
const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import yaml'], { stdio: 'ignore' }).status === 0);

function parseYaml(text: string): any {
  const run = spawnSync(python!, ['-c', 'import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))'], { input: text, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

let tmp = '';
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!python)("README's GitHub Actions and pre-commit examples", () => {
  it('pre-commit: a repos entry using the hook id of .pre-commit-hooks.yaml', () => {
    const [block] = yamlBlocks(section('## Pre-commit'));
    const config = parseYaml(block!);
    const hooks = parseYaml(readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
    expect(config.repos).toHaveLength(1);
    expect(config.repos[0].hooks).toEqual([{ id: hooks[0].id }]);
    expect(hooks[0]).toMatchObject({ id: 'patchlint', entry: 'patchlint', language: 'node', types: ['lua'] });
  });

  it('GitHub Actions: both workflows parse, and their patchlint commands work on real files', () => {
    const workflows = yamlBlocks(section('## GitHub Actions')).map(parseYaml);
    expect(workflows).toHaveLength(2);
    tmp = mkdtempSync(path.join(tmpdir(), 'patchlint-readme-'));
    cpSync(path.join(REPO_ROOT, 'test/fixtures/formats'), tmp, { recursive: true });

    const steps = workflows.flatMap((w) => Object.values(w.jobs as Record<string, { steps: any[] }>).flatMap((j) => j.steps));
    const commands = steps.map((s) => s.run as string | undefined).filter((r): r is string => r?.startsWith('npx patchlint ') ?? false);
    expect(commands).toEqual([
      'npx patchlint --format github --max-warnings 0 .',
      'npx patchlint --format sarif --output-file patchlint.sarif .',
    ]);

    const annotations = runCli(commands[0]!.split(' ').slice(2), { cwd: tmp });
    expect(annotations.status).toBe(1);
    for (const line of annotations.stdout.trimEnd().split('\n')) expect(line).toMatch(/^::(error|warning) file=[^,]+,line=\d+,/);

    const sarif = runCli(commands[1]!.split(' ').slice(2), { cwd: tmp });
    expect(sarif).toEqual({ status: 1, stdout: '', stderr: '' });
    const upload = steps.find((s) => String(s.uses).startsWith('github/codeql-action/upload-sarif@'));
    expect(upload.with.sarif_file).toBe('patchlint.sarif');
    expect(existsSync(path.join(tmp, upload.with.sarif_file))).toBe(true);
    const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/fixtures/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new Ajv({ unicodeRegExp: false, strict: false, logger: false }).compile(schema);
    expect(validate(JSON.parse(readFileSync(path.join(tmp, 'patchlint.sarif'), 'utf8')))).toBe(true);
    const sarifJob = Object.values(workflows[1].jobs as Record<string, any>)[0];
    expect(sarifJob.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
  });
});
