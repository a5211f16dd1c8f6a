import { defineRule, isIdLength, type ExposedEntry, type TextEdit } from './kit.js';

const LUA_KEYWORDS = new Set([
  'and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function', 'goto', 'if', 'in',
  'local', 'nil', 'not', 'or', 'repeat', 'return', 'then', 'true', 'until', 'while',
]);

export default defineRule({
  meta: {
    id: 'lowercase-key',
    description: 'Exposed keys must be lower case at every level: current nodes serve them only as written.',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      upper: "Key '{{key}}' has upper-case letters: current HyperBEAM serves it only as written; use '{{lower}}'.",
    },
    why:
      'Since July 2025 (HyperBEAM PR #367) keys are stored exactly as written, at every level, and a read lowercases only the key it asks for: a stored MyKey is found at /…/MyKey but not at /…/mykey. Older nodes lowercased top-level keys, so reads that worked there break on current nodes. Only all-lower-case keys read the same everywhere. Keys of 32, 42 or 43 bytes (process IDs, addresses) are read with their exact case and left alone.',
    schema: {
      type: 'object',
      properties: {
        ignoreIds: { type: 'boolean', description: 'Skip keys of 32, 42 or 43 bytes (process IDs and addresses), which are read with their exact case.' },
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
      // Folded as duplicate-key-case folds keys: `Über` is upper case for both rules.
      if (text === null || e.folded === text || allow.has(text)) continue;
      if (context.options.ignoreIds && isIdLength(e.bytes!)) continue;
      const lower = e.folded!;
      const fix = renameFix(e, lower, context.source);
      context.report({ range: e.keyAt, messageId: 'upper', data: { key: text, lower }, ...(fix ? { fix } : {}) });
    }
  },
});

/**
 * Renames the key as written, only when that is safe: the key is written in the patch message
 * itself (its table, a later write to it, or a wrapper call's string argument) and not in a
 * table the process also uses for other things; no other key of the table has the same
 * lower-case spelling; the new name is not a Lua keyword; a string key has no escapes.
 */
function renameFix(e: ExposedEntry, lower: string, source: string): TextEdit | null {
  const literal = e.entry.key.literal;
  if (!literal || !e.inMessage) return null;
  // Another key of the table with this lower-case spelling (the entry itself is one of them).
  if (e.sameFolded > 1) return null;
  if (literal.form === 'name') return LUA_KEYWORDS.has(lower) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(lower) ? null : { range: literal.range, text: lower };
  const raw = source.slice(literal.range[0], literal.range[1]);
  const quote = raw[0];
  if ((quote !== '"' && quote !== "'") || raw.includes('\\')) return null;
  return { range: literal.range, text: `${quote}${lower}${quote}` };
}
