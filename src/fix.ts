// ESLint-style fixing: apply non-overlapping edits in one pass, sorted by position.
import type { Fix } from './types.js';

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
