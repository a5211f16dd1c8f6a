import { defineRule, isCacheKey, isEnvelopeKey, type Value } from './kit.js';

export default defineRule({
  meta: {
    id: 'require-cache',
    description: 'A patch message must carry its data in a `cache` table.',
    defaultSeverity: 'error',
    messages: {
      missing: "Patch message has no 'cache' table: put the keys to expose in cache = { ... }.",
      rootKeys: 'Patch message writes root keys ({{keys}}), not a cache table: move them into cache = { ... }.',
      notTable: "'cache' is {{kind}}, not a table: write cache = { mykey = value }.",
      stray: "Data key '{{key}}' is beside 'cache', at /compute/{{key}}: move it into the cache table.",
    },
    why:
      "HyperBEAM's patch device deep-merges the whole message (minus method, Tags and commitments) into the root of the process state: cache = { k = v } is read at /compute/cache/k, a root key k = v at /compute/k. The patch device documentation exposes state under cache, so readers look there. Processes that patch root keys on purpose (the direct-keys style of newer HyperBEAM pages and the aos token blueprint) use the direct-keys preset.",
  },
  check(model, context) {
    for (const patch of model.patches) {
      const root = patch.root;
      const cache = patch.cache;
      const dataKeys = root.entries.flatMap((e) => (e.key.text !== null && !isCacheKey(e.key.text) && !isEnvelopeKey(e.key.text) ? [e] : []));
      if (!cache || cache.value.kind === 'nil') {
        // Keys added under names the analysis cannot know may include cache.
        if (root.filledUnknown) continue;
        if (dataKeys.length === 0) context.report({ range: patch.range, messageId: 'missing' });
        else context.report({ range: patch.range, messageId: 'rootKeys', data: { keys: listed(dataKeys.map((e) => e.key.text!)) } });
        continue;
      }
      if (cache.value.kind !== 'table' && cache.value.kind !== 'unknown') {
        context.report({ range: cache.key.range, messageId: 'notTable', data: { kind: describeKind(cache.value) } });
      }
      for (const entry of dataKeys) context.report({ range: entry.key.range, messageId: 'stray', data: { key: entry.key.text! } });
    }
  },
});

/** The first keys of a list, for a one-line message. */
function listed(keys: string[]): string {
  const unique = [...new Set(keys)];
  return unique.length <= 3 ? unique.join(', ') : `${unique.slice(0, 3).join(', ')}, …`;
}

function describeKind(value: Value): string {
  if (value.kind === 'string') return value.serialized ? 'an encoded string' : 'a string';
  if (value.kind === 'non-finite') return 'a number';
  return `a ${value.kind}`;
}
