// When lintText builds the patch model and when it leaves it out (src/engine/lint-file.ts): only for text
// that can hold a patch message (src/patch-prefilter.ts) and only when a rule is on. The skip
// must never change what a user sees, so each case checks the messages as well as the calls.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { presetConfig } from '../../src/config/presets.js';
import * as modelModule from '../../src/model/index.js';
import { lintText } from '../../src/index.js';
import type { ResolvedConfig } from '../../src/shared/results.js';

vi.mock('../../src/model/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof modelModule>();
  return { ...original, buildModel: vi.fn(original.buildModel) };
});
const buildModel = vi.mocked(modelModule.buildModel);
afterEach(() => buildModel.mockClear());

function allOff(): ResolvedConfig {
  const config = presetConfig('recommended');
  for (const setting of Object.values(config.rules)) setting.severity = 0;
  return config;
}

const summary = (code: string, config: ResolvedConfig) =>
  lintText(code, { filePath: 'process.lua', config }).messages.map((m) => `${m.ruleId ?? (m.fatal ? 'fatal' : 'directive')} ${m.line}:${m.column} ${m.message}`);

const WRONG_CASE = [
  "Handlers.add('Sync', 'Sync', function(msg)",
  "  Send({ device = 'patch@1.0', cache = { Balance = Balances[msg.From] } })",
  'end)',
].join('\n');

describe('the patch model is built only when it can find something', () => {
  it('builds it for text with a patch message and reports from it', () => {
    expect(summary(WRONG_CASE, presetConfig('recommended'))).toEqual([
      "lowercase-key 2:42 Key 'Balance' has upper-case letters: current HyperBEAM serves it only as written; use 'balance'.",
    ]);
    expect(buildModel).toHaveBeenCalledTimes(1);
  });

  it('skips it for library code without any device or method key', () => {
    const library = [
      'local M = {}',
      'function M.sum(t) local s = 0 for _, v in ipairs(t) do s = s + v // 1 end return s end',
      'return M',
    ].join('\r\n');
    expect(summary(library, presetConfig('all'))).toEqual([]);
    expect(buildModel).not.toHaveBeenCalled();
  });

  it('builds it when a string escape could spell device ("\\100evice" is "device")', () => {
    const escaped = [
      "Handlers.add('Sync', 'Sync', function(msg)",
      "  ao.send({ ['\\100evice'] = 'patch@1.0', cache = { Balance = 1 } })",
      'end)',
    ].join('\n');
    expect(summary(escaped, presetConfig('recommended'))).toEqual([
      "lowercase-key 2:52 Key 'Balance' has upper-case letters: current HyperBEAM serves it only as written; use 'balance'.",
    ]);
    expect(buildModel).toHaveBeenCalledTimes(1);
  });

  it('skips it when every rule is off, and still reports syntax errors and unused directives', () => {
    expect(summary(WRONG_CASE, allOff())).toEqual([]);
    expect(summary(`${WRONG_CASE}\nend`, allOff())).toEqual(["fatal 4:1 Parsing error: unexpected keyword 'end' near '<eof>'"]);
    const config = { ...allOff(), reportUnusedDisableDirectives: true };
    expect(summary(`-- patchlint-disable-next-line lowercase-key\n${WRONG_CASE}`, config)).toEqual([
      "directive 1:1 Unused patchlint-disable-next-line directive (no problems were reported from 'lowercase-key'): remove it so it cannot hide a future problem.",
    ]);
    expect(buildModel).not.toHaveBeenCalled();
  });

  it('builds it when one rule is on in an otherwise silent config', () => {
    const config = allOff();
    config.rules['lowercase-key']!.severity = 1;
    expect(summary(WRONG_CASE, config)).toHaveLength(1);
    expect(buildModel).toHaveBeenCalledTimes(1);
  });
});
