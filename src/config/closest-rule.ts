// "Did you mean ...?" for a misspelt rule id, in config files, --rule and directives.
import { rules } from '../../rules/index.js';

/** The registered rule id nearest to a misspelt one (edit distance at most a third of its length), or null. */
export function closestRuleId(id: string): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.ceil(id.length / 3)) + 1;
  for (const rule of rules) {
    const d = editDistance(id.toLowerCase(), rule.meta.id);
    if (d < bestDistance) {
      best = rule.meta.id;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
