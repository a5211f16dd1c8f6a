import { defineRule } from './kit.js';

export default defineRule({
  meta: {
    id: 'nil-value',
    description: 'A nil value does not delete an exposed key.',
    defaultSeverity: 'warn',
    messages: {
      nil:
        "'{{key}} = nil' does nothing: a nil entry is absent from the table, and patches only merge, so the exposed value is not deleted. Send an explicit empty value (for example '') if readers must see a change.",
    },
  },
  check(model, context) {
    for (const e of model.entries) {
      const value = e.entry.value;
      // Only the keyword `nil` written in a table constructor, or passed to a wrapper. Not a
      // variable that happens to be nil, and not `m.cache.k = nil`, which removes k from the
      // message on purpose before it is sent (the model keeps no such entry).
      if (!e.exposed || value.kind !== 'nil' || !value.literal || e.entry.key.text === null) continue;
      context.report({ range: e.valueAt, messageId: 'nil', data: { key: e.entry.key.text } });
    }
  },
});
