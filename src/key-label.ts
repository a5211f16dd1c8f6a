// How a value rule names the entry it reports when the key text is not known: users should
// see `[2]` or `[ao.id]`, never '?'. Messages escape the label (interpolate), so it may be raw.
import type { Entry } from './model/index.js';

export function keyLabel(entry: Entry, source: string): string {
  const key = entry.key;
  if (key.text !== null) return key.text;
  if (key.index !== undefined) return `[${key.index}]`;
  return `[${source.slice(key.range[0], key.range[1])}]`;
}
