import { defineRule } from './kit.js';

/** The user's document: never use these as keys. */
const DOCUMENTED = new Set(['now', 'compute', 'state', 'info', 'test']);
/** Source-confirmed names at the root (/compute/<k>): process@1.0 and message@1.0 functions, runtime keys, redirects. */
const ROOT = new Set([
  'compute', 'now', 'schedule', 'slot', 'push', 'snapshot', 'info', 'process-id', 'as-process', 'ensure-process-key', 'module-info',
  'id', 'keys', 'set', 'set-path', 'remove', 'get', 'verify', 'commit', 'committed', 'committers', 'commitments', 'index', 'path', 'hashpath',
  'results', 'process', 'at-slot', 'device', 'initialized', 'execution-device', 'device-stack', 'scheduler-device', 'push-device',
  'scheduler', 'authority', 'module', 'image', 'type', 'variant', 'data-protocol', 'to', 'patch-to', 'from', 'patch-from',
]);
/** Root keys the patch device itself reads: they redirect this and all later patches. */
const REDIRECTS = new Set(['to', 'patch-to', 'from', 'patch-from']);
/** Source-confirmed names directly under cache (/compute/cache/<k>): message@1.0 functions, and device. */
const NESTED = new Set(['id', 'keys', 'set', 'set-path', 'remove', 'get', 'verify', 'commit', 'committed', 'committers', 'commitments', 'index', 'info', 'module-info', 'path', 'device']);

export default defineRule({
  meta: {
    id: 'reserved-key',
    description: 'Exposed keys must not collide with reserved HyperBEAM path names.',
    defaultSeverity: 'error',
    messages: {
      documented:
        "Key '{{key}}' is reserved {{where}}: the patch device documentation reserves now, compute, state, info and test for HyperBEAM paths, so reads of this key are ambiguous. Use a specific name instead (for example 'myapp{{lower}}').",
      rootName:
        "Key '{{key}}' is reserved at the root of the process state: HyperBEAM resolves /compute/{{lower}} as a process or message function or a runtime key, so the patched value is shadowed or breaks the process. Use a specific name instead (for example 'myapp{{lower}}').",
      redirect:
        "Key '{{key}}' is reserved at the root of the process state: HyperBEAM's patch device reads it as where to patch from or to, so this and later patches land somewhere else. Use a specific name instead (for example 'myapp{{lower}}').",
      nestedName:
        "Key '{{key}}' is reserved under cache: HyperBEAM resolves /compute/cache/{{lower}} as a message function, so reads return that instead of your value. Use a specific name instead (for example 'myapp{{lower}}').",
      nestedDevice:
        "Key '{{key}}' is reserved under cache: a nested device key tells HyperBEAM which device resolves the whole cache table, so reads under /compute/cache/ break. Use a specific name instead (for example 'myapp{{lower}}').",
      extra:
        "Key '{{key}}' is reserved {{where}} by this project's configuration (reserved-key option extra). Use a specific name instead.",
    },
    schema: {
      type: 'object',
      properties: {
        extra: { type: 'array', items: { type: 'string' }, description: 'More names to reserve at every level.' },
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
      if (e.depth !== 1 || lower === null || allow.has(lower)) continue;
      const messageId = reason(lower, e.level === 'root', extra);
      if (!messageId) continue;
      const where = e.level === 'root' ? 'at the root of the process state' : 'under cache';
      context.report({ range: e.keyAt, messageId, data: { key: e.entry.key.text!, lower, where } });
    }
  },
});

/** The most specific reason a key is reserved at its level: the user's list first, then the source, then the project. */
function reason(lower: string, atRoot: boolean, extra: Set<string>): string | null {
  if (DOCUMENTED.has(lower)) return 'documented';
  if (atRoot && REDIRECTS.has(lower)) return 'redirect';
  if (atRoot && ROOT.has(lower)) return 'rootName';
  if (!atRoot && lower === 'device') return 'nestedDevice';
  if (!atRoot && NESTED.has(lower)) return 'nestedName';
  if (extra.has(lower)) return 'extra';
  return null;
}
