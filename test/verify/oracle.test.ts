// The real aos module as patchlint's own oracle (issue 15, part 3): the bundled examples and
// the rule fixtures that are whole processes run through --verify, each with messages that
// reach its handlers, and the static verdicts of six rules are compared with what the module
// does, key path by key path (or send line by send line). Where a rule is broader than what
// one run can show by design, the direction that must hold is named (docs/verify.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../../src/config/presets.js';
import { moduleFiles } from '../../src/node/modules.js';
import { lintFiles } from '../../src/node/lint-files.js';
import { modelledFiles } from '../../src/paths/collect.js';
import { pathMap, type PathMap } from '../../src/paths/map.js';
import type { Json, State } from '../../src/verify/apply.js';
import { verifyScript, type ScenarioMessage, type VerifyOutcome } from '../../src/verify/index.js';
import { aosRuntime } from '../helpers/aos.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

const aos = aosRuntime();
const OTHER = 'X'.repeat(43);

interface Verdicts {
  /** Static: rule id → the key paths it reports (from the map of exposed paths). */
  paths: (rule: string) => string[];
  map: PathMap;
  /** Static: rule id → the lines it reports. */
  lines: (rule: string) => number[];
  run: VerifyOutcome;
}

async function verdicts(file: string, scenario: ScenarioMessage[]): Promise<Verdicts> {
  if ('skip' in aos) throw new Error(aos.skip);
  const filePath = path.join(REPO_ROOT, file);
  const { results } = await lintFiles([file], { cwd: REPO_ROOT, config: presetConfig('recommended'), workers: 0 });
  const messages = results[0]!.messages;
  const map = pathMap(modelledFiles(results, () => presetConfig('recommended'), REPO_ROOT), () => messages, REPO_ROOT);
  const run = await verifyScript({ filePath, text: readFileSync(filePath, 'utf8'), cwd: REPO_ROOT, scenario, runtime: aos.runtime, resolve: moduleFiles(REPO_ROOT).resolve });
  return {
    map,
    paths: (rule) => map.paths.filter((p) => p.problems.includes(rule)).map((p) => p.path).sort(),
    lines: (rule) => [...new Set(messages.filter((m) => m.ruleId === rule).map((m) => m.line))].sort((a, b) => a - b),
    run,
  };
}

const sends = (run: VerifyOutcome) => run.steps.flatMap((s) => s.sends.filter((r) => r.patch));
const unique = <T>(xs: T[]) => [...new Set(xs)].sort();
/** Paths the encoder throws on or drops (functions in maps), as the run recorded them. */
const unencodable = (run: VerifyOutcome) => unique(sends(run).flatMap((r) => [...(r.bad ?? []).map((b) => b.path), ...r.notes.filter((n) => n.kind === 'function').map((n) => n.path)]).map((p) => p.slice(1)));
const changedNumbers = (run: VerifyOutcome) => unique(sends(run).flatMap((r) => r.notes.filter((n) => n.kind === 'number').map((n) => n.path.slice(1))));
/** Paths whose value arrived as [] (an empty Lua table). */
function emptyPaths(run: VerifyOutcome): string[] {
  const out: string[] = [];
  const visit = (v: Json, at: string) => {
    if (Array.isArray(v)) {
      if (v.length === 0) out.push(at);
    } else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, at ? `${at}/${k}` : k);
  };
  for (const step of run.steps) for (const p of step.patches) visit(p.fields as Json, '');
  return unique(out);
}
function has(state: State, at: string): boolean {
  let node: Json = state;
  for (const segment of at.split('/')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, segment)) return false;
    node = node[segment]!;
  }
  return true;
}
const findingLines = (run: VerifyOutcome, id: string) => unique([...run.messages.values()].flat().filter((m) => m.ruleId === id).map((m) => m.line)).sort((a, b) => a - b);

describe.skipIf('skip' in aos)(`the static verdicts agree with the real aos module${'skip' in aos ? ` (skipped: ${aos.skip})` : ''}`, () => {
  it('guard-top-level-sync: the sends the second load repeats are the ones the rule reports', async () => {
    const v = await verdicts('fixtures/rules/guard-top-level-sync.lua', []);
    expect(v.lines('guard-top-level-sync').length).toBeGreaterThan(2);
    expect(findingLines(v.run, 'verify/resent-on-reload')).toEqual(v.lines('guard-top-level-sync'));
  });

  it('guard-top-level-sync on the examples: a guarded initial sync is sent once, an unguarded one on every load', async () => {
    for (const [file, resent] of [['fixtures/examples/initial-sync.lua', []], ['fixtures/examples/token.lua', []], ['fixtures/examples/mistakes.lua', [6]]] as const) {
      const v = await verdicts(file, []);
      expect(v.lines('guard-top-level-sync'), file).toEqual(resent);
      expect(findingLines(v.run, 'verify/resent-on-reload'), file).toEqual(resent);
    }
  });

  it('unencodable-value: the values the encoder throws on or drops are the ones the rule reports', async () => {
    const v = await verdicts('fixtures/rules/unencodable-value.lua', [{ action: 'Score', tags: { Score: '5' } }]);
    expect(v.paths('unencodable-value')).toEqual(['cache/best', 'cache/callback', 'cache/floor', 'cache/history/last', 'cache/podium', 'cache/ranks', 'cache/ratio']);
    expect(unencodable(v.run)).toEqual(v.paths('unencodable-value'));
  });

  it('empty-table-value: every table the rule reports arrives as []; the others that did were open or filled by this run\'s data', async () => {
    const v = await verdicts('fixtures/rules/empty-table-value.lua', [{ action: 'Transfer', tags: { Recipient: OTHER } }, { action: 'Reset' }]);
    const reported = v.paths('empty-table-value');
    expect(reported).toEqual(['cache/cleared', 'cache/history', 'cache/stats/rounds']);
    const empty = emptyPaths(v.run);
    expect(reported.filter((p) => !empty.includes(p))).toEqual([]);
    // The rule stays silent on tables it cannot prove empty: globals that start as `X or {}` or are
    // filled elsewhere (Pending, Allowances[ao.id]), and tables filled under keys from the message
    // (balances[msg.From] = Balances[msg.From], nil here because this run has no balances).
    expect(empty.filter((p) => !reported.includes(p))).toEqual(['cache/allowances/' + 'P'.repeat(43), 'cache/balances', 'cache/changed', 'cache/pending']);
  });

  it('nil-value: every key the rule reports is absent from the patch its send delivered', async () => {
    const v = await verdicts('fixtures/rules/nil-value.lua', [{ action: 'EndRound', tags: { Winner: 'alice', Reason: 'timeout' } }]);
    const reported = v.map.paths.flatMap((p) => p.sources.filter((s) => s.problems.includes('nil-value')).map((s) => ({ path: p.path, lines: [s.line, ...s.from.map((o) => o.line)] })));
    expect(reported.map((r) => r.path)).toEqual(['cache/challenger', 'cache/lastround']);
    const delivered = v.run.steps.flatMap((step) => step.patches);
    for (const r of reported) {
      const sent = delivered.filter((p) => p.stack.some((f) => r.lines.includes(f.line)));
      expect(sent.length, r.path).toBeGreaterThan(0);
      for (const p of sent) expect(has(p.fields, r.path), `${r.path} from line ${p.line}`).toBe(false);
    }
  });

  it('number-precision: every number the encoding changes is reported (the rule also warns by magnitude and for floats)', async () => {
    const v = await verdicts('fixtures/rules/number-precision.lua', [{ action: 'Info' }]);
    const changed = changedNumbers(v.run);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((p) => !v.paths('number-precision').includes(p))).toEqual([]);
  });

  it('patch-lost-on-error: the patches lost when the error is raised are the ones the rule reports', async () => {
    const v = await verdicts('fixtures/rules/patch-lost-on-error.lua', [
      { action: 'Transfer', tags: { Quantity: '5' } },
      { action: 'Transfer', tags: { Quantity: '-1' } },
      { action: 'Mint', from: OTHER },
      { action: 'Burn', from: OTHER },
    ]);
    const lost = unique([...v.run.messages.values()].flat().filter((m) => m.ruleId === 'verify/patch-lost' || m.ruleId === 'verify/evaluation-failed').map((m) => m.line));
    const lostPatchLines = unique(v.run.steps.filter((s) => s.failure !== null).flatMap((s) => s.sends.filter((r) => r.patch).map((r) => r.line!)));
    expect(lostPatchLines).toEqual(v.lines('patch-lost-on-error'));
    expect(lost.length).toBeGreaterThan(0);
  });

  it('the bundled examples, their handlers called: all six verdicts agree', async () => {
    const v = await verdicts('fixtures/examples/mistakes.lua', [{ action: 'Join' }, { action: 'Leave' }, { action: 'Reset' }]);
    expect(findingLines(v.run, 'verify/resent-on-reload')).toEqual(v.lines('guard-top-level-sync'));
    expect(unencodable(v.run)).toEqual(v.paths('unencodable-value'));
    expect(v.paths('empty-table-value').filter((p) => !emptyPaths(v.run).includes(p))).toEqual([]);
    // `cache = { winner = ao.unset }` arrives as `cache = []` and wipes the cache: unset-sentinel's report, not empty-table-value's.
    expect(emptyPaths(v.run).filter((p) => !v.paths('empty-table-value').includes(p))).toEqual(['cache']);
    expect(v.lines('unset-sentinel')).toEqual([30]);
    // jackpot = 250000000000000000 survives %.14g (2.5e+17): warned by magnitude, not changed by this run.
    expect(changedNumbers(v.run).filter((p) => !v.paths('number-precision').includes(p))).toEqual([]);
    const lostLines = unique(v.run.steps.filter((s) => s.failure !== null).flatMap((s) => s.sends.filter((r) => r.patch).map((r) => r.line!)));
    expect(lostLines).toEqual(v.lines('patch-lost-on-error'));
    const delivered = v.run.steps.flatMap((step) => step.patches);
    expect(delivered.some((p) => p.line === 10 && has(p.fields, 'cache/history'))).toBe(true);
    expect(delivered.some((p) => p.line === 10 && has(p.fields, 'cache/winner'))).toBe(false);

    for (const file of ['fixtures/examples/token.lua', 'fixtures/examples/initial-sync.lua']) {
      const clean = await verdicts(file, [{ action: 'Transfer', tags: { Quantity: '1', Recipient: OTHER } }, { action: 'Info' }, { action: 'PublishData' }]);
      expect([...clean.run.messages.values()].flat().map((m) => `${m.line} ${m.ruleId}`), file).toEqual([]);
      for (const rule of ['guard-top-level-sync', 'unencodable-value', 'empty-table-value', 'nil-value', 'number-precision', 'patch-lost-on-error']) expect(clean.lines(rule), `${file} ${rule}`).toEqual([]);
    }
  });
});
