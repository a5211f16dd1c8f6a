import { defineRule } from './kit.js';

const SENTINEL = "'__ao-unset__'";

export default defineRule({
  meta: {
    id: 'unset-sentinel',
    description: "ao.unset is nil on released aos: write the removal sentinel '__ao-unset__' itself.",
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      unset: "'{{key}} = ao.unset' sends nothing on released aos (ao.unset is nil): write '__ao-unset__'.",
    },
    why:
      "HyperBEAM (PR #829, April 2026) removes a key when a patch sets it to the string '__ao-unset__'. aos's ao.unset constant for it (PR #490) is not in any released aos (up to 2.0.16): there ao.unset is nil, the entry is absent from the message and the key is never removed. The literal string works with every aos on current nodes (older nodes store it as a plain string).",
  },
  check(model, context) {
    // A file that assigns ao.unset itself gets no report: the model then reads it as written.
    for (const e of model.entries) {
      const value = e.entry.value;
      if (value.kind !== 'nil' || !value.sentinel) continue;
      const fix = value.literal && e.valueAt.module === null ? { range: value.range, text: SENTINEL } : undefined;
      context.report({ range: e.valueAt, messageId: 'unset', data: { key: e.label }, ...(fix ? { fix } : {}) });
    }
  },
});
