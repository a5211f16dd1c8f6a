// Lua 5.3 arithmetic on two known numbers, so that `1 << 60` or `1000 * 10^12` in a patch is
// judged by the number it is (the real aos module showed `1 << 60` arriving rounded, which a
// literal-only rule missed). Integers are 64-bit and wrap, as in Lua; `/` and `^` give floats;
// an integer division or modulo by zero raises in Lua: not folded (null), like anything unsure.

/** A known number: `raw` as Lua reads it (a decimal or hex integer literal, or a float). */
export interface KnownNumber {
  raw: string;
  value: number;
}

const INTEGER = /^-?(?:\d+|0[xX][0-9a-fA-F]+)$/;

function asInteger(n: KnownNumber): bigint | null {
  if (!INTEGER.test(n.raw)) return null;
  const negative = n.raw.startsWith('-');
  const body = negative ? n.raw.slice(1) : n.raw;
  const v = BigInt.asIntN(64, BigInt(body));
  return negative ? BigInt.asIntN(64, -v) : v;
}

function integer(v: bigint): KnownNumber {
  const wrapped = BigInt.asIntN(64, v);
  return { raw: wrapped.toString(), value: Number(wrapped) };
}

function float(v: number): KnownNumber | null {
  if (!Number.isFinite(v)) return null;
  const text = String(v);
  return { raw: /[.eE]/.test(text) ? text : `${text}.0`, value: v };
}

/** `left op right` as Lua 5.3 computes it, or null when it is not a plain number. */
export function foldArithmetic(op: string, left: KnownNumber, right: KnownNumber): KnownNumber | null {
  const a = asInteger(left);
  const b = asInteger(right);
  const x = a !== null ? Number(a) : left.value;
  const y = b !== null ? Number(b) : right.value;
  const ints = a !== null && b !== null;
  switch (op) {
    case '+': return ints ? integer(a + b) : float(x + y);
    case '-': return ints ? integer(a - b) : float(x - y);
    case '*': return ints ? integer(a * b) : float(x * y);
    case '/': return y === 0 ? null : float(x / y);
    case '^': return float(x ** y);
    case '//':
      if (ints) return b === 0n ? null : integer(floorDiv(a, b));
      return y === 0 ? null : float(Math.floor(x / y));
    case '%':
      if (ints) return b === 0n ? null : integer(a - floorDiv(a, b) * b);
      return y === 0 ? null : float(x - Math.floor(x / y) * y);
    case '&': case '|': case '~': case '<<': case '>>': {
      const p = a ?? exactInteger(x);
      const q = b ?? exactInteger(y);
      if (p === null || q === null) return null;
      if (op === '&') return integer(p & q);
      if (op === '|') return integer(p | q);
      if (op === '~') return integer(p ^ q);
      return integer(shiftLeft(p, op === '<<' ? q : -q));
    }
    default:
      return null;
  }
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** A float with an exact integer value converts for bitwise operators (else Lua raises). */
function exactInteger(v: number): bigint | null {
  return Number.isInteger(v) && Math.abs(v) <= 2 ** 63 ? BigInt.asIntN(64, BigInt(v)) : null;
}

/** Lua's logical shift: shifts of 64 or more give 0; a negative shift goes the other way. */
function shiftLeft(v: bigint, by: bigint): bigint {
  const bits = BigInt.asUintN(64, v);
  if (by <= -64n || by >= 64n) return 0n;
  return by >= 0n ? BigInt.asUintN(64, bits << by) : bits >> -by;
}
