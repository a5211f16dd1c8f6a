// A rule that throws (a bug, or input nobody foresaw) must not take the run down: that file
// gets one fatal diagnostic naming the rule, the other rules still report on it, other files
// are linted normally, and the cross-file pass goes on. Deliberately failing rules are added
// to the registry through a vitest module mock; production code has no test hook.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('../../rules/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../rules/index.js')>();
  const meta = (id: string) => ({
    id, description: 'test', defaultSeverity: 'error', fixable: false, hasSuggestions: false, messages: { found: 'found' },
    schema: { type: 'object', properties: {}, additionalProperties: false }, defaults: {}, docs: `docs/rules/${id}.md`,
  });
  const throwsOn = (text: string) => text.includes('EXPLODE');
  const failing = [
    {
      // Throws on files containing EXPLODE, with hostile text in its error message.
      meta: meta('test-explodes'),
      check(_model: unknown, context: { source: string }) {
        if (throwsOn(context.source)) throw new Error('boom \x1b[31mred\x1b[0m\nsecond line');
      },
    },
    {
      meta: meta('test-throws-non-error'),
      check(_model: unknown, context: { source: string }) {
        if (throwsOn(context.source)) throw Object.create(null); // cannot even be turned into a string
      },
    },
    {
      // Reports a message id its messages do not define (a bug in the rule) on files containing BADID.
      meta: meta('test-unknown-message-id'),
      check(_model: unknown, context: { source: string; report(r: unknown): void }) {
        if (context.source.includes('BADID')) context.report({ range: [0, 1], messageId: 'notThere' });
      },
    },
    {
      // Fine per file, throws in the cross-file pass.
      meta: meta('test-project-explodes'),
      check: () => ({}),
      checkProject() {
        throw new RangeError('Maximum call stack size exceeded');
      },
    },
  ];
  const rules = [...real.rules, ...failing];
  return { ...real, rules, ruleById: new Map(rules.map((r) => [r.meta.id, r])) };
});

const { lintText } = await import('../../src/index.js');
const { lintFiles } = await import('../../src/node/lint-files.js');

const PATCH = "function h() Send({ device = 'patch@1.0', cache = { Score = 1 } }) end";
const summary = (messages: { ruleId: string | null; fatal?: boolean; line: number; column: number; message: string }[]) =>
  messages.map((m) => `${m.ruleId}${m.fatal ? ' fatal' : ''}@${m.line}:${m.column} ${m.message}`);

describe('a rule that throws', () => {
  it('gives the file a fatal diagnostic naming the rule; the other rules still report', () => {
    const result = lintText(`-- EXPLODE\n${PATCH}`, { filePath: 'a.lua' });
    expect(summary(result.messages)).toEqual([
      "test-explodes fatal@1:1 Rule 'test-explodes' failed on this file: boom \\u{1b}[31mred\\u{1b}[0m\\nsecond line",
      "test-throws-non-error fatal@1:1 Rule 'test-throws-non-error' failed on this file: a value that cannot be shown",
      expect.stringMatching(/^lowercase-key@2:53 /) as unknown as string,
    ]);
    expect(result).toMatchObject({ errorCount: 3, fatalErrorCount: 2 });
  });

  it('reports an unknown messageId as the rule failing, never as the bare id', () => {
    expect(summary(lintText(`-- BADID\n${PATCH}`, { filePath: 'c.lua' }).messages)).toEqual([
      "test-unknown-message-id fatal@1:1 Rule 'test-unknown-message-id' failed on this file: unknown messageId 'notThere'",
      expect.stringMatching(/^lowercase-key@2:53 /) as unknown as string,
    ]);
  });

  it('does not affect a file it does not throw on', () => {
    expect(summary(lintText(PATCH, { filePath: 'b.lua' }).messages)).toEqual([expect.stringMatching(/^lowercase-key@1:53 /)]);
  });

  describe('through lintFiles, with the cross-file pass', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'patchlint-rule-failure-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(path.join(dir, 'a.lua'), `-- EXPLODE\n${PATCH}\n`);
    writeFileSync(path.join(dir, 'b.lua'), `${PATCH.replace('Score', 'score')}\n`);

    it('every file gets its result; the failing cross-file rule is reported once, on the first file', async () => {
      const { results, errors } = await lintFiles(['.'], { cwd: dir });
      expect(errors).toEqual([]);
      expect(results.map((r) => [path.basename(r.filePath), summary(r.messages).map((s) => s.replace(/ Key .*| The key .*/, ''))])).toEqual([
        ['a.lua', [
          "test-explodes fatal@1:1 Rule 'test-explodes' failed on this file: boom \\u{1b}[31mred\\u{1b}[0m\\nsecond line",
          "test-project-explodes fatal@1:1 Rule 'test-project-explodes' failed in the cross-file pass: Maximum call stack size exceeded",
          "test-throws-non-error fatal@1:1 Rule 'test-throws-non-error' failed on this file: a value that cannot be shown",
          'lowercase-key@2:53',
        ]],
        // duplicate-key-case still ran across the files: b's 'score' clashes with a's 'Score'.
        ['b.lua', [expect.stringMatching(/^duplicate-key-case@1:53/)]],
      ]);
    });
  });
});
