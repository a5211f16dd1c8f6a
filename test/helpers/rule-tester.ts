// RuleTester in ESLint's style: valid and invalid cases for one rule, asserting the exact
// message id, message, line, column, end and fix output, and that fixed code still parses.
import { describe, expect, it } from 'vitest';
import { ruleById } from '../../rules/index.js';
import { applyFixes } from '../../src/engine/fix.js';
import { lintText } from '../../src/index.js';
import { parseLua } from '../../src/lua/parse.js';
import type { ResolvedConfig } from '../../src/shared/results.js';

export interface ExpectedError {
  messageId: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** The whole rendered message (checked when given). */
  message?: string;
  /** Expected text after applying this message's suggestion(s), in order. */
  suggestions?: string[];
}

export interface ValidCase {
  name?: string;
  code: string;
  options?: Record<string, unknown>;
  /** Root data keys are the exposed keys (require-cache off, as in the direct-keys preset). */
  directKeys?: boolean;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** Text after applying all fixes of this rule (omit: the rule must offer no fix). */
  output?: string;
}

export function configFor(ruleId: string, options: Record<string, unknown> = {}, directKeys = false): ResolvedConfig {
  const rule = ruleById.get(ruleId);
  if (!rule) throw new Error(`unknown rule ${ruleId}`);
  const config: ResolvedConfig = { rules: { [ruleId]: { severity: 2, options: { ...(rule.meta.defaults as object), ...options } } } };
  // require-cache decides whether root keys are exposed; keep it on (silently) unless directKeys.
  if (!directKeys && ruleId !== 'require-cache') config.rules['require-cache'] = { severity: 2, options: {} };
  return config;
}

export function lintWithRule(ruleId: string, code: string, options?: Record<string, unknown>, directKeys = false) {
  const result = lintText(code, { filePath: 'test.lua', config: configFor(ruleId, options, directKeys) });
  return result.messages.filter((m) => m.ruleId === ruleId || m.fatal);
}

export function ruleTester(ruleId: string, cases: { valid: (ValidCase | string)[]; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
    describe('valid', () => {
      cases.valid.forEach((c, i) => {
        const test = typeof c === 'string' ? { code: c } : c;
        it(test.name ?? `valid #${i + 1}`, () => {
          expect(parseLua(test.code).ok, 'valid case must parse').toBe(true);
          expect(lintWithRule(ruleId, test.code, test.options, test.directKeys)).toEqual([]);
        });
      });
    });
    describe('invalid', () => {
      cases.invalid.forEach((c, i) => {
        it(c.name ?? `invalid #${i + 1}`, () => {
          expect(parseLua(c.code).ok, 'invalid case must parse').toBe(true);
          const messages = lintWithRule(ruleId, c.code, c.options, c.directKeys);
          const actual = messages.map((m) => {
            const e: Record<string, unknown> = { messageId: m.messageId, line: m.line, column: m.column };
            return e;
          });
          expect(actual).toEqual(c.errors.map((e) => ({ messageId: e.messageId, line: e.line, column: e.column })));
          c.errors.forEach((e, j) => {
            const m = messages[j]!;
            if (e.endLine !== undefined) expect(m.endLine, `endLine of error ${j + 1}`).toBe(e.endLine);
            if (e.endColumn !== undefined) expect(m.endColumn, `endColumn of error ${j + 1}`).toBe(e.endColumn);
            if (e.message !== undefined) expect(m.message).toBe(e.message);
            if (e.suggestions !== undefined) {
              expect((m.suggestions ?? []).map((s) => applyFixes(c.code, [s.fix]).output)).toEqual(e.suggestions);
            }
          });
          const fixes = messages.flatMap((m) => (m.fix ? [m.fix] : []));
          if (c.output === undefined) {
            expect(fixes, 'this case expects no fix').toEqual([]);
          } else {
            const fixed = applyFixes(c.code, fixes).output;
            expect(fixed).toBe(c.output);
            expect(parseLua(fixed).ok, 'fixed code must parse').toBe(true);
          }
        });
      });
    });
  });
}
