// What output formats and editors show about each rule, from the registry (formatters receive
// it instead of importing the rules, as ESLint passes `rulesMeta`).
import { rules } from '../../rules/index.js';
import type { RulesMeta } from '../shared/results.js';
import { patchlintVersion } from '../shared/version.js';

/** A rule's page for this exact version: docs/ ships in the npm package and unpkg serves it. */
export function ruleDocUrl(docsPath: string): string {
  return `https://unpkg.com/patchlint@${patchlintVersion()}/${docsPath}`;
}

let known: RulesMeta | null = null;

export function rulesMeta(): RulesMeta {
  known ??= Object.freeze(Object.fromEntries(rules.map((r) => [r.meta.id, {
    description: r.meta.description,
    defaultSeverity: r.meta.defaultSeverity,
    fixable: r.meta.fixable,
    why: r.meta.why,
    docsUrl: ruleDocUrl(r.meta.docs),
  }])));
  return known;
}
