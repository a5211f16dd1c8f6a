// Document URIs to file paths (config lookup and cross-file messages work on paths).
import { fileURLToPath } from 'node:url';

/** The path of a `file:` URI, or null for other schemes (unsaved buffers) and malformed URIs. */
export function filePathOf(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** Lua documents only: editors may send every open document to every server. */
export function isLuaDocument(uri: string, languageId: string): boolean {
  return languageId === 'lua' || /\.lua$/i.test(uri);
}
