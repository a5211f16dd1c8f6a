// The exposed entries of a patch message, walked once per message and mode and shared by every
// rule that reads them. Ten rules visit the same entries; walking them once per rule
// allocated a visit object and a path string per entry per rule (about 90 MB over the bench
// corpus, the rules' largest allocation). The list lives as long as its patch (a WeakMap):
// the model, and so the list, are dropped when the file's lint ends.
import { visitEntries as walkEntries, type EntryVisit } from '../src/model/entries.js';
import type { PatchMessage } from '../src/model/index.js';

const lists = [new WeakMap<PatchMessage, EntryVisit[]>(), new WeakMap<PatchMessage, EntryVisit[]>()];

/** Same visits, in the same order, as `visitEntries` of src/model/entries.ts. */
export function visitEntries(patch: PatchMessage, directKeys: boolean, visit: (v: EntryVisit) => void): void {
  const map = lists[directKeys ? 1 : 0]!;
  let list = map.get(patch);
  if (!list) {
    const visits: EntryVisit[] = [];
    walkEntries(patch, directKeys, (v) => visits.push(v));
    map.set(patch, visits);
    list = visits;
  }
  for (let i = 0; i < list.length; i++) visit(list[i]!);
}
