import { defineRule, isCacheKey, isEnvelopeKey, type Value } from './kit.js';

export default defineRule({
  meta: {
    id: 'require-cache',
    description: 'A patch message must carry its data in a `cache` table.',
    defaultSeverity: 'error',
    messages: {
      missing:
        "Patch message has no 'cache' table: HyperBEAM merges the message into the root of the process state as it is, so nothing appears under /compute/cache/<key>, where the patch device documentation exposes data. Put the exposed keys in cache = { ... } (or use the direct-keys preset if this process patches root keys on purpose).",
      notTable:
        "'cache' is {{kind}}, not a table: HyperBEAM exposes each entry of the cache table at /compute/cache/<key>, and {{kind}} has no entries to expose. Write cache = { mykey = value } (serialize the values, not the cache table).",
      stray:
        "Data key '{{key}}' is beside 'cache', at the message root: HyperBEAM merges it into the root of the process state (/compute/<key>), not under /compute/cache/. Move it into the cache table.",
    },
  },
  check(model, context) {
    for (const patch of model.patches) {
      const root = patch.root;
      const cache = patch.cache;
      if (!cache || cache.value.kind === 'nil') {
        // No cache at all: one report at the message. Its root keys are not "beside" a cache.
        if (!root.filledUnknown) context.report({ range: patch.range, messageId: 'missing' });
        continue;
      }
      if (cache.value.kind !== 'table' && cache.value.kind !== 'unknown') {
        context.report({ range: cache.key.range, messageId: 'notTable', data: { kind: describeKind(cache.value) } });
      }
      for (const entry of root.entries) {
        const text = entry.key.text;
        if (text === null || isCacheKey(text) || isEnvelopeKey(text)) continue;
        context.report({ range: entry.key.range, messageId: 'stray', data: { key: text } });
      }
    }
  },
});

function describeKind(value: Value): string {
  if (value.kind === 'string') return value.serialized ? 'an encoded string' : 'a string';
  if (value.kind === 'non-finite') return 'a number';
  return `a ${value.kind}`;
}
