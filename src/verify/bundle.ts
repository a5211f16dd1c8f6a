// The `Eval` text that loads a script as aos `.load` does: every project module it `require`s
// (found by the same text search aos uses, resolved as aos resolves it) is run first and put in
// `package.loaded`, dependencies before the modules that need them, then the script. Unlike
// `.load`, each file is compiled with its own chunk name (`@path`), so Lua's debug information
// and error messages name the file and line as written: the prelude's send records and an
// error's text point into the user's files, not into one concatenated chunk.
import path from 'node:path';

export interface BundledFile {
  /** The path shown in reports (relative to the folder the run started in, with '/'). */
  name: string;
  filePath: string;
  text: string;
}

export interface Bundle {
  /** The Eval's Data. */
  lua: string;
  /** The script first, then its modules in load order. */
  files: BundledFile[];
}

/** aos's own test for a required name (permaweb/aos src/services/loading-files.js searches the text the same way). */
const REQUIRE = /\brequire\s*\(?\s*(["'])([\w.-]+)\1/g;

export function bundleScript(filePath: string, text: string, cwd: string, resolve: (name: string, fromFile: string) => { filePath: string; text: string } | null): Bundle {
  const display = (p: string) => (path.relative(cwd, p) || p).split(path.sep).join('/');
  const modules: { name: string; file: BundledFile }[] = [];
  const placed = new Set<string>([filePath]);
  const visit = (from: string, source: string) => {
    for (const match of source.matchAll(REQUIRE)) {
      const name = match[2]!;
      const found = resolve(name, from);
      if (!found || placed.has(found.filePath)) continue;
      placed.add(found.filePath);
      visit(found.filePath, found.text);
      modules.push({ name, file: { name: display(found.filePath), filePath: found.filePath, text: found.text } });
    }
  };
  visit(filePath, text);
  const main: BundledFile = { name: display(filePath), filePath, text };
  const lines = ['local __patchlint_load = __patchlint.load'];
  for (const m of modules) lines.push(`package.loaded[${luaString(m.name)}] = __patchlint_load(${longString(m.file.text)}, ${luaString(`@${m.file.name}`)})()`);
  lines.push(`return __patchlint_load(${longString(main.text)}, ${luaString(`@${main.name}`)})()`);
  return { lua: lines.join('\n'), files: [main, ...modules.map((m) => m.file)] };
}

/** A Lua long string holding `text` exactly (a leading newline added: Lua drops the first one). */
export function longString(text: string): string {
  // A BOM is not Lua; a first line `#!...` is skipped by lua's file loader, not by load().
  let body = text.replace(/^\uFEFF/, '');
  if (body.startsWith('#')) body = `--${body}`;
  let level = 0;
  while (body.includes(`]${'='.repeat(level)}]`) || body.endsWith(`]${'='.repeat(level)}`)) level++;
  const eq = '='.repeat(level);
  return `[${eq}[\n${body}]${eq}]`;
}

/** A double-quoted Lua string literal (every byte outside printable ASCII escaped). */
export function luaString(text: string): string {
  let out = '"';
  for (const byte of Buffer.from(text, 'utf8')) {
    if (byte === 0x22 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\${byte.toString().padStart(3, '0')}`;
  }
  return `${out}"`;
}
