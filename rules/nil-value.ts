import { defineRule } from './kit.js';

export default defineRule({
  meta: {
    id: 'nil-value',
    description: 'A nil value does not delete an exposed key.',
    defaultSeverity: 'warn',
    messages: {
      nil: "'{{key}} = nil' deletes nothing (patches only merge): send '__ao-unset__' to remove the key.",
      nilAoUnset: "'{{key}} = nil' deletes nothing (patches only merge): send ao.unset to remove the key.",
    },
    why:
      "A nil entry is absent from the Lua table, so it is not in the message at all, and patches only deep-merge: the exposed value stays as it was. Since April 2026 (HyperBEAM PR #829) the string '__ao-unset__' at any depth of a patch removes that key; the aos side (ao.unset, aos PR #490) is not released, so write the string itself unless the process defines ao.unset.",
  },
  check(model, context) {
    for (const e of model.entries) {
      // A root data key in the cache style is require-cache's to report (move it into cache).
      if (e.stray) continue;
      const value = e.entry.value;
      // Only the keyword `nil` written in a table constructor, or passed to a wrapper. Not a
      // variable that happens to be nil, not `m.cache.k = nil` (which removes k from the message
      // on purpose before it is sent: the model keeps no such entry), not `ao.unset`
      // (unset-sentinel), and not in a table empty-table-value reports (it is sent as []).
      if (value.kind !== 'nil' || !value.literal || value.sentinel || e.isCache || e.entry.key.text === null || e.parentFacts.empty) continue;
      context.report({ range: e.valueAt, messageId: model.definesAoUnset ? 'nilAoUnset' : 'nil', data: { key: e.entry.key.text } });
    }
  },
});
