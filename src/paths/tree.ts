// The map of exposed paths as a tree a person scans (`--print-paths`, stylish): one row per
// key with the kind of value, where it is sent from and the rule ids of its problems; a key
// sent from several places gets one row per place.
import pc from 'picocolors';
import { escapeForMessage } from '../shared/escape.js';
import type { ExposedPath, Origin, PathMap, PathSource, Place } from './map.js';

interface Node {
  name: string;
  path: ExposedPath | null;
  children: Node[];
}

/** Names wider than this push the kind column right for their row only. */
const MAX_NAME_COLUMN = 40;

export function formatTree(map: PathMap, color: boolean): string {
  const c = pc.createColors(color);
  const where = (p: Place) => `${escapeForMessage(p.file, 10_000)}:${p.line}`;
  const out: string[] = [];
  const files = map.files.length;
  if (map.paths.length === 0) {
    out.push(files === 0
      ? 'No exposed paths: none of the linted files sends a patch message.\n'
      : `No exposed paths: the patch messages of ${files === 1 ? 'the file' : `the ${files} files`} send no key patchlint can see.\n`);
  } else {
    const count = `${map.paths.length} exposed path${map.paths.length === 1 ? '' : 's'} from ${files} file${files === 1 ? '' : 's'}`;
    out.push(`${c.bold(count)}, read at ${map.urls.compute.replace('{path}', '<path>')}\n`);
    out.push(c.dim(`(${map.urls.now.replace('{path}', '<path>')} computes the pending messages first, then serves the same key)\n`));
    const rows: { lead: string; name: string; kind: string; source: PathSource | null }[] = [];
    const visit = (node: Node, prefix: string, last: boolean, top: boolean) => {
      const lead = top ? '' : `${prefix}${last ? '└─ ' : '├─ '}`;
      const below = top ? '' : `${prefix}${last ? '   ' : '│  '}`;
      const p = node.path;
      if (p) {
        p.sources.forEach((source, i) => {
          const kindHere = source.kind + (source.callee ? ` ${escapeForMessage(source.callee, 60)}()` : '');
          rows.push({ lead: i === 0 ? lead : `${below}${node.children.length > 0 ? '│  ' : '   '}`, name: i === 0 ? escapeForMessage(node.name, 200) : '', kind: kindHere, source });
        });
      } else {
        rows.push({ lead, name: escapeForMessage(node.name, 200), kind: '', source: null });
      }
      node.children.forEach((child, i) => visit(child, below, i === node.children.length - 1, false));
    };
    const root = treeOf(map.paths);
    root.children.forEach((child) => visit(child, '', true, true));
    const nameWidth = Math.min(MAX_NAME_COLUMN, Math.max(...rows.map((r) => r.lead.length + r.name.length)));
    const kindWidth = Math.max(...rows.map((r) => r.kind.length));
    for (const r of rows) {
      const name = `${c.dim(r.lead)}${r.name}`;
      const pad = ' '.repeat(Math.max(0, nameWidth - r.lead.length - r.name.length));
      const source = r.source;
      const from = source ? `${where(source)}  ${source.from.map((o) => describeOrigin(o, source, c)).join('; ') || c.dim('(no send seen)')}` : '';
      const problems = source && source.problems.length > 0 ? `  ${c.red(source.problems.join(', '))}` : '';
      out.push(`${name}${pad}  ${c.cyan(r.kind.padEnd(kindWidth))}  ${from}${problems}`.trimEnd() + '\n');
    }
  }
  if (map.notPatches.length > 0) {
    out.push(`\n${c.bold('Not exposed')} (the device is not exactly 'patch@1.0', so these go out as ordinary messages):\n`);
    for (const p of map.notPatches) out.push(`  ${where(p)}${p.problems.length > 0 ? `  ${c.red(p.problems.join(', '))}` : ''}\n`);
  }
  return out.join('');
}

function describeOrigin(o: Origin, source: PathSource, c: ReturnType<typeof pc.createColors>): string {
  // The line of the send (or of the call that leads to it) when it is not the key's own line.
  const line = o.file !== source.file ? `${o.file}:${o.line}` : o.line !== source.line ? `line ${o.line}` : '';
  const withLine = (text: string, extra = '') => `${text}${line || extra ? ` (${[line, extra].filter(Boolean).join(', ')})` : ''}`;
  const problems = o.problems.length > 0 ? `  ${c.red(o.problems.join(', '))}` : '';
  if (o.kind === 'handler') return withLine(`handler ${escapeForMessage(o.handler, 80)}`) + problems;
  if (o.kind === 'function') return withLine(`in ${o.function ? `${escapeForMessage(o.function, 80)}()` : 'a function'}`, 'not called in this file') + problems;
  const guard = o.guarded ? `guarded by ${escapeForMessage(o.flag ?? 'a flag', 80)}` : c.yellow('unguarded: re-sent on every load');
  return withLine('at load time', guard) + problems;
}

function treeOf(paths: readonly ExposedPath[]): Node {
  const root: Node = { name: '', path: null, children: [] };
  for (const p of paths) {
    let node = root;
    for (const segment of p.segments) {
      let child = node.children.find((n) => n.name === segment);
      if (!child) node.children.push((child = { name: segment, path: null, children: [] }));
      node = child;
    }
    node.path = p;
  }
  return root;
}
