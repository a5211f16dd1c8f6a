// ESLint-style fixing: apply non-overlapping edits in one pass, sorted by position.
import type { Fix } from '../shared/results.js';

export interface AppliedFixes {
  output: string;
  applied: number;
}

export function applyFixes(text: string, fixes: Fix[]): AppliedFixes {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let out = '';
  let last = 0;
  let applied = 0;
  for (const fix of sorted) {
    if (fix.range[0] < last) continue; // overlaps an edit already taken: next pass
    out += text.slice(last, fix.range[0]) + fix.text;
    last = fix.range[1];
    applied++;
  }
  return { output: out + text.slice(last), applied };
}

/** ESLint's limit: after this many passes, fixes that keep producing new fixes are left alone. */
export const MAX_FIX_PASSES = 10;

/**
 * One pass over one text: applies the non-overlapping fixes, but never returns text that fails
 * to parse. If all of them together break the syntax, it keeps the largest prefix of them
 * (in position order) that still parses, one fix at a time.
 */
export function fixOnce(text: string, fixes: Fix[], parses: (text: string) => boolean): string {
  if (fixes.length === 0) return text;
  const all = applyFixes(text, fixes).output;
  if (all === text || parses(all)) return all;
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let accepted: Fix[] = [];
  let output = text;
  for (const fix of sorted) {
    const candidate = applyFixes(text, [...accepted, fix]).output;
    if (candidate !== output && parses(candidate)) {
      accepted = [...accepted, fix];
      output = candidate;
    }
  }
  return output;
}

/**
 * Multi-pass fixing over texts linted together (the cross-file pass can see all of them):
 * lint, apply each text's fixes, re-lint, until nothing changes or MAX_FIX_PASSES. Returns the
 * final texts and the results of linting them (their remaining problems).
 */
export function fixInPasses<R extends { messages: { fix?: Fix }[] }>(
  texts: string[],
  lint: (texts: string[]) => R[],
  parses: (text: string) => boolean,
): { texts: string[]; results: R[]; passes: number } {
  let results = lint(texts);
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    let changed = false;
    const next = texts.map((text, i) => {
      const fixes = results[i]!.messages.flatMap((m) => (m.fix ? [m.fix] : []));
      const output = fixOnce(text, fixes, parses);
      if (output !== text) changed = true;
      return output;
    });
    if (!changed) break;
    passes++;
    texts = next;
    results = lint(texts);
  }
  return { texts, results, passes };
}
