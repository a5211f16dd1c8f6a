import { defineRule } from './kit.js';

const LIMIT = 1e14;
const MAX_DIGITS = 14;

/** Significant digits of a decimal literal's mantissa (hex literals are exact integers). */
function significantDigits(raw: string): number {
  const body = raw.replace(/^-/, '');
  if (/^0x/i.test(body)) return 0;
  const mantissa = body.split(/[eE]/)[0]!;
  let digits = mantissa.replace('.', '').replace(/^0+/, '');
  if (mantissa.includes('.')) digits = digits.replace(/0+$/, '');
  return digits.length;
}

/**
 * The number Lua 5.3 reads from a literal. Hex integer literals wrap around modulo 2^64
 * (0xFFFFFFFFFFFFFFFF is -1), while luaparse gives their unbounded value.
 */
function luaNumber(raw: string, parsed: number): number {
  const m = /^(-?)0[xX]([0-9a-fA-F]+)$/.exec(raw);
  if (!m) return parsed;
  let n = BigInt.asIntN(64, BigInt(`0x${m[2]}`));
  if (m[1]) n = BigInt.asIntN(64, -n);
  return Number(n);
}

export default defineRule({
  meta: {
    id: 'number-precision',
    description: 'Numbers that lose precision when aos encodes them.',
    defaultSeverity: 'warn',
    hasSuggestions: true,
    messages: {
      large: "Value of '{{key}}' ({{raw}}) is 1e14 or more: aos's %.14g encoding rounds it; send tostring(...).",
      digits: "Value of '{{key}}' ({{raw}}) has over 14 significant digits: aos's %.14g encoding rounds it; send a string.",
      fraction: "Value of '{{key}}' ({{raw}}) is not an integer: it may arrive rounded; send a string or an integer unit.",
      wrap: 'Wrap the value in tostring(...).',
    },
    why:
      "Legacy aos encodes numbers with %.14g: 123456789012345678 arrives as 123456789012350000, and 1/3 as 0.33333333333333 (checked by running the real aos module). HyperBEAM's own codec marks floats as not production-ready. Amounts (token balances, timestamps in ms beyond 14 digits) belong in strings.",
  },
  check(model, context) {
    for (const e of model.entries) {
      // A root data key in the cache style is require-cache's to report (move it into cache).
      if (e.stray) continue;
      const value = e.entry.value;
      if (value.kind !== 'number') continue;
      const number = luaNumber(value.raw, value.value);
      const messageId = Math.abs(number) >= LIMIT ? 'large' : significantDigits(value.raw) > MAX_DIGITS ? 'digits' : !Number.isInteger(number) ? 'fraction' : null;
      if (!messageId) continue;
      // Wrapping edits the message only when the number is written in it (or in a table built
      // for its exposed level); a literal inside a state table such as
      // `Balances = { [Owner] = 1e15 }` would change the process's own data: no suggestion.
      const inMessage = e.valueAt.module === null && (e.depth === 1 || e.inMessage);
      const source = context.source.slice(value.range[0], value.range[1]);
      context.report({
        range: e.valueAt,
        messageId,
        data: { key: e.label, raw: value.raw },
        ...(inMessage ? { suggest: [{ messageId: 'wrap', fix: { range: value.range, text: `tostring(${source})` } }] } : {}),
      });
    }
  },
});
