// The examples of a rule's doc page are what users copy: lint them, so they never drift.
// Under "## Incorrect", each ```lua block is followed by a ```text block holding exactly what
// the rule reports on it (`line:column  severity  message  rule-id`, recommended preset).
// Under "## Correct", each ```lua block lints clean with the recommended preset (every rule).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { lintText } from '../../src/index.js';

// Every registered rule's page (the meta-test makes sure each one exists).
const DOCUMENTED = rules.map((r) => r.meta.id);

interface Block {
  lang: string;
  body: string;
}

function section(doc: string, heading: string): string {
  const start = doc.indexOf(`\n${heading}\n`);
  if (start < 0) return '';
  const rest = doc.slice(start + heading.length + 2);
  const next = rest.search(/^## /m);
  return next < 0 ? rest : rest.slice(0, next);
}

function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
  for (let m = fence.exec(markdown); m; m = fence.exec(markdown)) out.push({ lang: m[1]!, body: m[2]! });
  return out;
}

function report(code: string, ruleId: string | null): string {
  const messages = lintText(code, { filePath: 'example.lua' }).messages.filter((m) => ruleId === null || m.ruleId === ruleId || m.fatal);
  return messages.map((m) => `${m.line}:${m.column}  ${m.severity === 2 ? 'error' : 'warning'}  ${m.message}  ${m.ruleId}\n`).join('');
}

for (const id of DOCUMENTED) {
  describe(`docs/rules/${id}.md examples`, () => {
    const doc = readFileSync(`docs/rules/${id}.md`, 'utf8');
    const incorrect = blocks(section(doc, '## Incorrect'));
    const correct = blocks(section(doc, '## Correct')).filter((b) => b.lang === 'lua');

    it('has incorrect examples, each followed by the output users see', () => {
      expect(incorrect.some((b) => b.lang === 'lua')).toBe(true);
      incorrect.forEach((b, i) => {
        if (b.lang === 'lua') expect(incorrect[i + 1]?.lang, `lua block ${i + 1} needs a text block after it`).toBe('text');
      });
    });
    incorrect.forEach((b, i) => {
      if (b.lang !== 'lua') return;
      it(`incorrect example ${i / 2 + 1} reports exactly what the page shows`, () => {
        expect(report(b.body, id)).toBe(incorrect[i + 1]!.body);
      });
    });
    it('has correct examples', () => expect(correct.length).toBeGreaterThan(0));
    correct.forEach((b, i) => {
      it(`correct example ${i + 1} lints clean`, () => expect(report(b.body, null)).toBe(''));
    });
  });
}
