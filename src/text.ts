// Positions: the linter works on UTF-16 offsets (JS string indices) and converts to 1-based
// line/column only for what it reports, from a table of line starts built once per file.

export interface Position {
  line: number; // 1-based
  column: number; // 1-based, UTF-16 code units
}

/** Offsets at which each line starts. Line ends are \r\n, \n or \r (as editors count them). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // The common case, with the engine's fast search instead of a loop over every character.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function positionAt(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

export function offsetAt(starts: number[], line: number, column: number): number {
  const start = starts[Math.min(Math.max(line, 1), starts.length) - 1] ?? 0;
  return start + column - 1;
}

/**
 * Decodes a Lua string literal as written (quotes or long brackets included). Escapes that
 * produce raw bytes (\ddd, \xXX) become the code point of that byte. Returns null when the
 * literal is malformed (the parser would have rejected it anyway).
 */
export function decodeLuaString(raw: string): string | null {
  const first = raw.charCodeAt(0);
  if (first === 91 /* [ */) {
    const open = /^\[(=*)\[/.exec(raw);
    if (!open) return null;
    let body = raw.slice(open[0].length, raw.length - open[0].length);
    // A long string skips a first newline.
    if (body.startsWith('\r\n') || body.startsWith('\n\r')) body = body.slice(2);
    else if (body.startsWith('\n') || body.startsWith('\r')) body = body.slice(1);
    return body;
  }
  if (first !== 34 && first !== 39) return null;
  const end = raw.length - 1;
  if (!raw.includes('\\')) return raw.slice(1, end);
  let out = '';
  for (let i = 1; i < end; i++) {
    const c = raw[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = raw[++i];
    switch (n) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case '\\': out += '\\'; break;
      case '"': out += '"'; break;
      case "'": out += "'"; break;
      case '\n':
        out += '\n';
        if (raw[i + 1] === '\r') i++;
        break;
      case '\r':
        out += '\n';
        if (raw[i + 1] === '\n') i++;
        break;
      case 'x': {
        const hex = raw.slice(i + 1, i + 3);
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) return null;
        out += String.fromCharCode(parseInt(hex, 16));
        i += 2;
        break;
      }
      case 'z': {
        while (i + 1 < end && /\s/.test(raw[i + 1]!)) i++;
        break;
      }
      case 'u': {
        const m = /^\{([0-9a-fA-F]+)\}/.exec(raw.slice(i + 1));
        if (!m) return null;
        const cp = parseInt(m[1]!, 16);
        if (cp > 0x10ffff) return null;
        out += String.fromCodePoint(cp);
        i += m[0].length;
        break;
      }
      default: {
        const m = /^[0-9]{1,3}/.exec(raw.slice(i));
        if (!m) return null;
        const byte = parseInt(m[0], 10);
        if (byte > 255) return null;
        out += String.fromCharCode(byte);
        i += m[0].length - 1;
      }
    }
  }
  return out;
}

/** Bytes of a key as HyperBEAM sees it (UTF-8). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * What escapeForMessage rewrites: C0 and C1 controls, DEL, bidi overrides and isolates, and the
 * Unicode line and paragraph separators (all single UTF-16 units, so no `u` flag is needed).
 */
const NEEDS_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * Makes text from a linted file safe to print inside a message: control characters
 * (including ESC, so no ANSI sequences), line breaks and bidi overrides become visible escapes.
 */
export function escapeForMessage(s: string, max = 80): string {
  // One regex replace: text with nothing to escape (almost all) comes back as it is, not
  // rebuilt character by character (that left the formatters' output a rope of millions of
  // one-character pieces, about 50 ms to flatten for the bench corpus's report).
  const out = s.replace(NEEDS_ESCAPE, (ch) => (ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : ch === '\t' ? '\\t' : `\\u{${ch.charCodeAt(0).toString(16)}}`));
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}
