// Every format on one fixture set (all 13 rules plus a syntax error), run through the CLI with
// cwd = the fixture folder so paths are deterministic: whole-output snapshots of what users read.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/formats');
const VERSION = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const ALL_RULES = [
  'require-cache', 'lowercase-key', 'reserved-key', 'serialize-complex-value', 'guard-top-level-sync',
  'device-name', 'duplicate-key-case', 'unaddressable-key', 'private-key', 'unencodable-value',
  'empty-table-value', 'nil-value', 'number-precision',
];

function lint(format: string) {
  const run = runCli(['--format', format, '--no-color', '.'], { cwd: FIXTURES });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(1);
  return run.stdout;
}

describe('the fixture set', () => {
  it('makes every rule fire, plus one parse error', () => {
    const results = JSON.parse(lint('json')) as { messages: { ruleId: string | null; fatal?: boolean }[] }[];
    const ids = new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId ?? (m.fatal ? 'parse-error' : '?'))));
    expect([...ids].sort()).toEqual([...ALL_RULES, 'parse-error'].sort());
  });
});

describe('whole outputs', () => {
  it('stylish', async () => {
    const output = lint('stylish');
    expect(output).not.toContain(FIXTURES);
    await expect(output).toMatchFileSnapshot('__snapshots__/fixtures.stylish.txt');
  });

  it('json (absolute paths replaced by <fixtures>)', async () => {
    const output = lint('json').split(JSON.stringify(FIXTURES).slice(1, -1)).join('<fixtures>');
    await expect(JSON.stringify(JSON.parse(output), null, 2)).toMatchFileSnapshot('__snapshots__/fixtures.json');
  });

  it('compact', async () => {
    const output = lint('compact');
    expect(output).not.toContain(FIXTURES);
    await expect(output).toMatchFileSnapshot('__snapshots__/fixtures.compact.txt');
  });

  it('github', async () => {
    const output = lint('github');
    expect(output).not.toContain(FIXTURES);
    await expect(output).toMatchFileSnapshot('__snapshots__/fixtures.github.txt');
  });

  it('sarif (version replaced by <version>)', async () => {
    const output = lint('sarif');
    expect(output).not.toContain(FIXTURES);
    await expect(output.split(VERSION).join('<version>')).toMatchFileSnapshot('__snapshots__/fixtures.sarif.json');
  });

  it('sarif validates against the SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/fixtures/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new Ajv({ unicodeRegExp: false, strict: false, logger: false }).compile(schema);
    const log = JSON.parse(lint('sarif'));
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.runs[0].tool.driver.semanticVersion).toBe(VERSION);
  });

  it('sarif is byte-identical from run to run', () => {
    expect(lint('sarif')).toBe(lint('sarif'));
  });

  it('compact and github print exactly one line per problem (compact then the run\'s notes)', () => {
    const total = (JSON.parse(lint('json')) as { messages: unknown[] }[]).reduce((n, r) => n + r.messages.length, 0);
    const compact = lint('compact').trimEnd().split('\n');
    expect(compact.filter((line) => /^\S+:\d+:\d+: (error|warning) /.test(line))).toHaveLength(total);
    // The one note of these fixtures: every require-cache problem writes root keys.
    expect(compact.slice(total)).toEqual([expect.stringMatching(/^Every require-cache problem comes from messages that write root keys/)]);
    expect(lint('github').trimEnd().split('\n')).toHaveLength(total);
  });
});
