import { defineRule, reservedReason, type ExposedEntry } from './kit.js';


export default defineRule({
  meta: {
    id: 'reserved-key',
    description: 'Exposed keys must not collide with reserved HyperBEAM path names.',
    defaultSeverity: 'error',
    messages: {
      documented: "Key '{{key}}' is reserved by the patch device documentation {{where}}: rename it (e.g. 'my{{lower}}').",
      shadowed: "Key '{{key}}' is answered by a HyperBEAM device function {{where}}, not by your value: rename it.",
      runtime: "Key '{{key}}' at the root is rewritten by the process on every slot: rename it (e.g. 'my{{lower}}').",
      envelope: "Key '{{key}}' at the root is written by aos or HyperBEAM with every message: rename it.",
      redirect: "Key '{{key}}' at the root tells the patch device where to patch, redirecting patches: rename it.",
      nestedDevice: "Key 'device' in '{{table}}' changes how HyperBEAM resolves that table: remove it (or use 'trie@1.0').",
      extension: "Key '{{key}}' is a message extension name on current HyperBEAM nodes: rename it.",
      extra: "Key '{{key}}' is reserved {{where}} by this project's configuration (reserved-key option extra): rename it.",
    },
    why:
      "HyperBEAM resolves a path such as /compute/<key> through devices before it looks at your data. At the root of the process state, process@1.0 and message@1.0 functions (compute, now, slot, id, keys, set, …) answer instead of your value; runtime keys (results, process, scheduler, …) are rewritten on every slot; envelope keys (anchor, data-protocol, variant, type, …) are written with every patch; to/from redirect patching. In nested maps message@1.0 answers id, keys, path, info and the like. A nested `device` key makes HyperBEAM resolve the whole table through that device ('trie@1.0' is the documented exception). The patch device documentation also reserves now, compute, state, info and test.",
    schema: {
      type: 'object',
      properties: {
        extra: { type: 'array', items: { type: 'string' }, description: 'More names to reserve at the root and directly under cache.' },
        allow: { type: 'array', items: { type: 'string' }, description: 'Names to accept although reserved.' },
      },
      additionalProperties: false,
    },
    defaults: { extra: [] as string[], allow: [] as string[] },
  },
  check(model, context) {
    const allow = new Set(context.options.allow.map((s) => s.toLowerCase()));
    const extra = new Set(context.options.extra.map((s) => s.toLowerCase()));
    for (const e of model.entries) {
      const lower = e.folded;
      if (lower === null || e.isCache || allow.has(lower)) continue;
      const messageId = reason(e, lower, extra);
      if (!messageId) continue;
      const where = e.level === 'root' ? 'at the root' : e.level === 'cache' ? 'under cache' : 'in a nested table';
      const table = e.path === null ? 'a nested table' : e.path.slice(0, Math.max(0, e.path.lastIndexOf('/'))) || 'the root';
      context.report({ range: e.keyAt, messageId, data: { key: e.entry.key.text!, lower, where, table } });
    }
  },
});

/** The most specific reason a key is reserved where it is: the user's list first, then the source, then the project. */
function reason(e: ExposedEntry, lower: string, extra: Set<string>): string | null {
  const value = e.entry.value;
  // 'trie@1.0' is the documented way to hold a large table: not a reserved-key problem.
  if (e.level !== 'root' && lower === 'device' && value.kind === 'string' && value.text === 'trie@1.0') return null;
  const found = reservedReason(lower, e.level === 'root' ? 'root' : 'nested', e.depth === 1);
  if (found !== null || e.depth !== 1) return found;
  return extra.has(lower) ? 'extra' : null;
}
