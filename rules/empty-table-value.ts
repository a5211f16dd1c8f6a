import { defineRule } from './kit.js';

export default defineRule({
  meta: {
    id: 'empty-table-value',
    description: 'An empty table value wipes the exposed sub-table.',
    defaultSeverity: 'warn',
    messages: {
      empty: "Value of '{{key}}' is still an empty table when sent: it goes as [] and wipes what is there; fill it first.",
      onlyNil: "Value of '{{key}}' has only nil entries, so it is sent as [] and wipes what is there: send real values.",
      emptyCache: "'cache' is an empty table when sent: it goes as [] and wipes all of /compute/cache; fill it first.",
    },
    why:
      "aos's JSON encoder sends an empty table (or one whose entries are all nil, which is the same Lua table) as []. HyperBEAM's patch device then replaces what is exposed at that path with the empty list instead of merging into it: cache = {} wipes all of /compute/cache (checked by running the real aos module).",
  },
  check(model, context) {
    for (const e of model.entries) {
      // A root data key in the cache style is require-cache's to report (move it into cache).
      if (e.stray) continue;
      const value = e.entry.value;
      if (!e.table?.empty || value.kind !== 'table') continue;
      const messageId = e.isCache ? 'emptyCache' : value.table.entries.length > 0 ? 'onlyNil' : 'empty';
      context.report({ range: e.valueAt, messageId, data: { key: e.label } });
    }
  },
});
