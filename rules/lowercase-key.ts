import { defineRule, isIdLength, type ExposedEntry, type TextEdit } from './kit.js';

const LUA_KEYWORDS = new Set([
  'and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function', 'goto', 'if', 'in',
  'local', 'nil', 'not', 'or', 'repeat', 'return', 'then', 'true', 'until', 'while',
]);

export default defineRule({
  meta: {
    id: 'lowercase-key',
    description: 'Exposed keys must be lower case: HTTP paths are case-insensitive.',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      upper:
        "Key '{{key}}' has upper-case letters: HyperBEAM stores it as written but HTTP paths are case-insensitive, so reads of /compute/cache/{{lower}} are ambiguous. Use the lower-case key '{{lower}}'.",
      upperRoot:
        "Key '{{key}}' has upper-case letters: HyperBEAM lowercases root keys, so it is exposed as /compute/{{lower}}, not as written, and HTTP paths are case-insensitive. Use the lower-case key '{{lower}}'.",
    },
    schema: {
      type: 'object',
      properties: {
        ignoreIds: { type: 'boolean', description: 'Skip keys of 32, 42 or 43 bytes (process IDs and addresses), which HyperBEAM does not lowercase.' },
        allow: { type: 'array', items: { type: 'string' }, description: 'Keys accepted as written.' },
      },
      additionalProperties: false,
    },
    defaults: { ignoreIds: true, allow: [] as string[] },
  },
  check(model, context) {
    const allow = new Set(context.options.allow);
    for (const e of model.entries) {
      const text = e.entry.key.text;
      if (!e.exposed || e.depth !== 1 || text === null || !/[A-Z]/.test(text) || allow.has(text)) continue;
      if (context.options.ignoreIds && isIdLength(e.bytes!)) continue;
      const lower = e.folded!;
      const fix = renameFix(e, lower, context.source);
      const messageId = e.level === 'root' ? 'upperRoot' : 'upper';
      context.report({ range: e.keyAt, messageId, data: { key: text, lower }, ...(fix ? { fix } : {}) });
    }
  },
});

/**
 * Renames the key as written, only when that is safe: the key is written in the patch message
 * itself (its table, a later write to it, or a wrapper call's string argument) and not in a
 * table the process also uses for other things; no other key of the table has the same
 * lower-case spelling (the rename would create a duplicate); a name is not a Lua keyword.
 */
function renameFix(e: ExposedEntry, lower: string, source: string): TextEdit | null {
  const literal = e.entry.key.literal;
  if (!literal || !e.inMessage) return null;
  // Another key of the table with this lower-case spelling (the entry itself is one of them).
  if (e.sameFolded > 1) return null;
  if (literal.form === 'name') return LUA_KEYWORDS.has(lower) ? null : { range: literal.range, text: lower };
  const raw = source.slice(literal.range[0], literal.range[1]);
  const quote = raw[0];
  if ((quote !== '"' && quote !== "'") || raw.includes('\\')) return null;
  return { range: literal.range, text: `${quote}${lower}${quote}` };
}
