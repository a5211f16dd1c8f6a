// Fixing: the text of each fix, passes (overlapping edits wait for the next pass), the
// fixed text re-parses, and fixing again changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../../src/config/presets.js';
import { fixInPasses, fixOnce, MAX_FIX_PASSES } from '../../src/engine/fix.js';
import { lintTexts } from '../../src/engine/pipeline.js';
import { parseLua } from '../../src/lua/parse.js';
import type { ResolvedConfig } from '../../src/shared/results.js';

const config: ResolvedConfig = { ...presetConfig('recommended'), reportUnusedDisableDirectives: true };
function fix(text: string, filePath = '/p/a.lua') {
  return lintTexts([{ filePath, text }], () => config, { fix: true })[0]!;
}
const handler = (body: string) => `Handlers.add('x', 'x', function(msg)\n${body}\nend)\n`;

describe('fixes', () => {
  it('lowercase-key renames a field name and a string key', () => {
    const result = fix(handler(`  Send({ device = 'patch@1.0', cache = { MyKey = 1, ["Other"] = 2 } })`));
    expect(result.output).toBe(handler(`  Send({ device = 'patch@1.0', cache = { mykey = 1, ["other"] = 2 } })`));
    expect(result.messages).toEqual([]);
  });

  it('lowercase-key leaves a key alone when the lower-case one exists (duplicate)', () => {
    const code = handler(`  Send({ device = 'patch@1.0', cache = { Score = 1, score = 2 } })`);
    const result = fix(code);
    expect(result.output).toBeUndefined();
    expect(result.messages.map((m) => m.ruleId)).toEqual(['lowercase-key', 'duplicate-key-case']);
  });

  it('device-name writes the exact device string, keeping the quotes', () => {
    expect(fix(handler(`  ao.send({ device = "Patch@1.0", cache = { round = 0 } })`)).output).toBe(handler(`  ao.send({ device = "patch@1.0", cache = { round = 0 } })`));
    expect(fix(handler(`  ao.send({ device = '~patch@1', cache = { round = 0 } })`)).output).toBe(handler(`  ao.send({ device = 'patch@1.0', cache = { round = 0 } })`));
  });

  it('removes unused directives, one id after another across passes', () => {
    const send = `  Send({ device = 'patch@1.0', cache = { MyKey = 1 } })`;
    const result = fix(handler(`  -- patchlint-disable-next-line nil-value\n${send} -- patchlint-disable-line lowercase-key, nil-value, private-key -- old ids`));
    expect(result.output).toBe(handler(`${send} -- patchlint-disable-line lowercase-key -- old ids`));
    expect(result.messages).toEqual([]);
    expect(result.suppressedMessages.map((m) => m.ruleId)).toEqual(['lowercase-key']);
  });

  it('fixes several problems of one file at once and reports what is left', () => {
    const result = fix(handler(`  Send({ device = 'patch@1', cache = { Total = 1, players = { a = 1 } } })`));
    expect(result.output).toBe(handler(`  Send({ device = 'patch@1.0', cache = { total = 1, players = { a = 1 } } })`));
    expect(result.messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`)).toEqual(['serialize-complex-value 2:53']);
    expect(result.messages[0]!.suggestions?.[0]?.fix.text).toBe('json.encode({ a = 1 })');
  });

  it('keeps CRLF and a BOM', () => {
    const code = `\uFEFF${handler(`  Send({ device = 'patch@1.0', cache = { MyKey = 1 } })`).replace(/\n/g, '\r\n')}`;
    expect(fix(code).output).toBe(code.replace('MyKey', 'mykey'));
  });

  it('is idempotent: fixing the output again changes nothing', () => {
    const first = fix(handler(`  -- patchlint-disable-next-line nil-value\n  Send({ device = 'Patch@1.0', cache = { MyKey = 1 } })`));
    expect(first.output).toBeDefined();
    expect(parseLua(first.output!).ok).toBe(true);
    expect(fix(first.output!).output).toBeUndefined();
  });

  it('does not set output when nothing was fixed', () => {
    expect(fix(handler('  local x = 1')).output).toBeUndefined();
  });
});

describe('fixOnce', () => {
  const parses = (text: string) => parseLua(text).ok;
  it('never returns text that fails to parse: it keeps the fixes that still parse', () => {
    const text = 'local a = 1\nlocal b = 2\n';
    const good = { range: [6, 7] as [number, number], text: 'x' };
    const bad = { range: [18, 19] as [number, number], text: '(' };
    expect(fixOnce(text, [good, bad], parses)).toBe('local x = 1\nlocal b = 2\n');
    expect(fixOnce(text, [bad], parses)).toBe(text);
  });
  it('leaves overlapping edits for the next pass', () => {
    const text = 'local abc = 1\n';
    expect(fixOnce(text, [{ range: [6, 8], text: 'xy' }, { range: [7, 9], text: 'zz' }], parses)).toBe('local xyc = 1\n');
  });
});

describe('fixInPasses', () => {
  it(`stops after ${MAX_FIX_PASSES} passes when fixes never settle`, () => {
    let lints = 0;
    const grow = (texts: string[]) => {
      lints++;
      return texts.map((t) => ({ messages: [{ fix: { range: [t.length, t.length] as [number, number], text: '-- x\n' } }] }));
    };
    const { texts, passes } = fixInPasses(['local a = 1\n'], grow, () => true);
    expect(passes).toBe(MAX_FIX_PASSES);
    expect(lints).toBe(MAX_FIX_PASSES + 1);
    expect(texts[0]).toBe(`local a = 1\n${'-- x\n'.repeat(MAX_FIX_PASSES)}`);
  });
});

describe('fixing random patch messages', () => {
  const key = fc.constantFrom('MyKey', 'mykey', '["Other"]', '["other"]', 'Total', 'score', 'Score', '["a\\"B"]', 'End', 'AND');
  const device = fc.constantFrom("'patch@1.0'", "'Patch@1.0'", '"patch@1"', "'~patch@1.0'");
  const send = fc.tuple(device, fc.array(key, { minLength: 1, maxLength: 4 })).map(
    ([d, keys]) => `  Send({ device = ${d}, cache = { ${keys.map((k, i) => `${k} = ${i}`).join(', ')} } })`,
  );
  it('always gives text that parses, and a second fix changes nothing', () => {
    fc.assert(
      fc.property(fc.array(send, { minLength: 1, maxLength: 4 }), fc.boolean(), (sends, directive) => {
        const code = handler([...(directive ? ['  -- patchlint-disable-next-line nil-value, private-key'] : []), ...sends].join('\n'));
        const first = fix(code);
        const fixed = first.output ?? code;
        expect(parseLua(fixed).ok).toBe(true);
        expect(fix(fixed).output).toBeUndefined();
        expect(first.messages.filter((m) => m.fix)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
