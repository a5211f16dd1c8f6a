// Lines the human-readable outputs end with when a run's problems point at one choice.
import type { LintResult } from '../shared/results.js';

/** require-cache's reports that come from messages writing root keys (the direct-keys style). */
const ROOT_KEY_REPORTS = new Set(['rootKeys', 'stray']);

/**
 * When every require-cache problem of the run comes from a message that writes root keys, the
 * process most likely patches root keys on purpose (the style of newer HyperBEAM pages and the
 * aos token blueprint): say how to choose the preset made for it.
 */
export function runNotes(results: readonly LintResult[]): string[] {
  let count = 0;
  for (const r of results) {
    for (const m of r.messages) {
      if (m.ruleId !== 'require-cache') continue;
      if (!ROOT_KEY_REPORTS.has(m.messageId ?? '')) return [];
      count++;
    }
  }
  if (count === 0) return [];
  return ['Every require-cache problem comes from messages that write root keys. If this process patches root keys on purpose, use the direct-keys preset: { "extends": "direct-keys" } in patchlint.config.json.'];
}
