import { visitEntries } from '../src/model/entries.js';
import { defineRule } from '../src/rule.js';

/** The user's document: never use these as keys. */
const DOCUMENTED = ['now', 'compute', 'state', 'info', 'test'];
/** Source-confirmed names at the root (/compute/<k>): process@1.0 and message@1.0 functions, runtime keys, redirects. */
const ROOT = [
  'compute', 'now', 'schedule', 'slot', 'push', 'snapshot', 'info', 'process-id', 'as-process', 'ensure-process-key', 'module-info',
  'id', 'keys', 'set', 'set-path', 'remove', 'get', 'verify', 'commit', 'committed', 'committers', 'commitments', 'index', 'path', 'hashpath',
  'results', 'process', 'at-slot', 'device', 'initialized', 'execution-device', 'device-stack', 'scheduler-device', 'push-device',
  'scheduler', 'authority', 'module', 'image', 'type', 'variant', 'data-protocol', 'to', 'patch-to', 'from', 'patch-from',
];
/** Source-confirmed names directly under cache (/compute/cache/<k>): message@1.0 functions, and device. */
const NESTED = ['id', 'keys', 'set', 'set-path', 'remove', 'get', 'verify', 'commit', 'committed', 'committers', 'commitments', 'index', 'info', 'module-info', 'path', 'device'];

export default defineRule({
  meta: {
    id: 'reserved-key',
    description: 'Exposed keys must not collide with reserved HyperBEAM path names.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    messages: {
      reserved:
        "Key '{{key}}' is reserved {{where}}: {{why}}. Use a specific name instead (for example 'myapp{{lower}}').",
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
    docs: 'docs/rules/reserved-key.md',
  },
  check(model, context) {
    const allow = new Set(context.options.allow.map((s) => s.toLowerCase()));
    const extra = new Set(context.options.extra.map((s) => s.toLowerCase()));
    const documented = new Set(DOCUMENTED);
    const root = new Set(ROOT);
    const nested = new Set(NESTED);
    for (const patch of model.patches) {
      visitEntries(patch, context.directKeys, ({ entry, level, depth }) => {
        const text = entry.key.text;
        if (depth !== 1 || text === null) return;
        const lower = text.toLowerCase();
        if (allow.has(lower)) return;
        const levelSet = level === 'root' ? root : nested;
        let why: string | null = null;
        if (documented.has(lower)) why = 'the patch device documentation reserves it for HyperBEAM paths';
        else if (levelSet.has(lower)) why = level === 'root' ? 'HyperBEAM resolves it as a process or message function or runtime key, so the patched value is shadowed or breaks the process' : 'HyperBEAM resolves it as a message function, so reads return that instead of your value';
        else if (extra.has(lower)) why = 'this project reserves it (reserved-key option extra)';
        if (!why) return;
        const where = level === 'root' ? 'at the root of the process state' : 'under cache';
        context.report({ range: entry.key.range, messageId: 'reserved', data: { key: text, lower, where, why } });
      });
    }
  },
});
