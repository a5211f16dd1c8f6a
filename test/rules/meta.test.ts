// Like ESLint's checkRuleFiles: every registered rule has its doc page and its test file,
// the doc page has the fixed headings, and the registry agrees with the rule catalog.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';

const CATALOG = [
  'require-cache', 'lowercase-key', 'reserved-key', 'serialize-complex-value', 'guard-top-level-sync',
  'device-name', 'duplicate-key-case', 'unaddressable-key', 'private-key', 'unencodable-value',
  'empty-table-value', 'nil-value', 'unset-sentinel', 'patch-lost-on-error', 'number-precision',
];
const DEFAULTS: Record<string, string> = {
  'require-cache': 'error', 'lowercase-key': 'error', 'reserved-key': 'error', 'serialize-complex-value': 'warn',
  'guard-top-level-sync': 'error', 'device-name': 'error', 'duplicate-key-case': 'error', 'unaddressable-key': 'error',
  'private-key': 'error', 'unencodable-value': 'error', 'empty-table-value': 'warn', 'nil-value': 'warn', 'unset-sentinel': 'error',
  'patch-lost-on-error': 'warn', 'number-precision': 'warn',
};
const HEADINGS = ['## What it reports', '## Why it matters on HyperBEAM', '## Options', '## Incorrect', '## Correct'];

describe('rule registry', () => {
  it('has exactly the rules of the catalog, in order', () => {
    expect(rules.map((r) => r.meta.id)).toEqual(CATALOG);
  });
  for (const rule of rules) {
    const id = rule.meta.id;
    describe(id, () => {
      it('has the default severity of rules.md', () => expect(rule.meta.defaultSeverity).toBe(DEFAULTS[id]));
      it('lives in rules/<id>.ts', () => expect(existsSync(`rules/${id}.ts`)).toBe(true));
      it('points at its doc page', () => expect(rule.meta.docs).toBe(`docs/rules/${id}.md`));
      it('has a doc page with the fixed headings', () => {
        expect(existsSync(rule.meta.docs), `${rule.meta.docs} is missing`).toBe(true);
        const doc = readFileSync(rule.meta.docs, 'utf8');
        expect(doc.startsWith(`# ${id}\n`)).toBe(true);
        for (const h of HEADINGS) expect(doc, `${id} doc lacks "${h}"`).toContain(`\n${h}\n`);
      });
      it('has a test file', () => expect(existsSync(`test/rules/${id}.test.ts`), `test/rules/${id}.test.ts is missing`).toBe(true));
      it('has one-line messages of about 100 characters, and says why in a few sentences', () => {
        for (const [messageId, template] of Object.entries(rule.meta.messages)) {
          // Placeholders count as about ten characters each (a key, a line number).
          const length = template.replace(/\{\{\s*\w+\s*\}\}/g, 'xxxxxxxxxx').length;
          expect(length, `${id} ${messageId}: ${template}`).toBeLessThanOrEqual(115);
          expect(template, `${id} ${messageId}`).not.toContain('\n');
        }
        expect(rule.meta.why.length, `${id} why`).toBeGreaterThan(100);
        expect(rule.meta.why.length, `${id} why`).toBeLessThan(900);
      });

      it('has a doc page that links to the public sources it rests on, not to files that do not ship', () => {
        const doc = readFileSync(rule.meta.docs, 'utf8');
        expect(doc).toMatch(/\]\(https:\/\/(github\.com\/permaweb\/|cookbook_ao\.arweave\.net\/)/);
        expect(doc).not.toMatch(/hyperbeam-semantics\.md|rules\.md/);
      });

      it('has defaults for every option of its schema', () => {
        expect(Object.keys(rule.meta.defaults as object).sort()).toEqual(Object.keys(rule.meta.schema.properties).sort());
      });
    });
  }
});
