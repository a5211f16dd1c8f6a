// The examples on the doc pages of the rules beyond the user's ask are real: every "Incorrect"
// ```lua block reports exactly the ```text block that follows it (line:column, severity,
// message, rule id; recommended preset), and every "Correct" block lints clean with the
// recommended preset (every rule). The same format as test/docs/rule-doc-examples.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/linter.js';

const RULES = [
  'device-name', 'duplicate-key-case', 'unaddressable-key', 'private-key',
  'unencodable-value', 'empty-table-value', 'nil-value', 'number-precision',
];
function report(code: string, ruleId: string | null): string[] {
  return lintText(code, { filePath: 'example.lua' }).messages
    .filter((m) => ruleId === null || m.ruleId === ruleId || m.fatal)
    .map((m) => `${m.line}:${m.column}  ${m.severity === 2 ? 'error' : 'warning'}  ${m.message}  ${m.ruleId}`);
}

function section(doc: string, heading: string): string {
  const start = doc.indexOf(`\n## ${heading}\n`);
  if (start < 0) return '';
  const end = doc.indexOf('\n## ', start + heading.length + 5);
  return doc.slice(start, end < 0 ? undefined : end);
}

function blocks(text: string): { lang: string; body: string }[] {
  return [...text.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }));
}

for (const id of RULES) {
  describe(`docs/rules/${id}.md examples`, () => {
    const doc = readFileSync(`docs/rules/${id}.md`, 'utf8');
    const incorrect = blocks(section(doc, 'Incorrect'));
    const correct = blocks(section(doc, 'Correct')).filter((b) => b.lang === 'lua');

    it('has at least one incorrect and one correct example', () => {
      expect(incorrect.some((b) => b.lang === 'lua')).toBe(true);
      expect(correct.length).toBeGreaterThan(0);
    });
    incorrect.forEach((b, i) => {
      if (b.lang !== 'lua') return;
      it(`incorrect example ${i + 1} reports what the doc shows`, () => {
        const shown = incorrect[i + 1];
        expect(shown?.lang, 'a ```text block with the output follows each incorrect example').toBe('text');
        expect(report(b.body, id)).toEqual(shown!.body.trimEnd().split('\n'));
      });
    });
    correct.forEach((b, i) => {
      it(`correct example ${i + 1} lints clean with every rule`, () => expect(report(b.body, null)).toEqual([]));
    });
  });
}
