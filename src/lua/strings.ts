// Lua string literals as the analysis reads them: decoded text and UTF-8 byte lengths.

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
