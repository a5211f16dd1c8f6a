// The map of what a process exposes (`patchlint --print-paths`), from the patch models of its
// files: every exposed key path once, with the kinds of value sent there, every place that
// sends it (file:line, and whether at load time, in which handler, guarded or not), and the
// rule ids of the problems reported at that key. Plain data: the JSON output is this object
// (schema/print-paths.schema.json), the stylish output draws it as a tree.
import path from 'node:path';
import type { ExposedEntry, PatchModel, SendOrigin, TableShape, Value } from '../model/index.js';
import { lineStarts, positionAt } from '../shared/positions.js';
import type { LintMessage } from '../shared/results.js';

export const PATH_MAP_VERSION = 1;

export interface PathMap {
  version: typeof PATH_MAP_VERSION;
  /** The URL a frontend reads a path at (`{path}` replaced); `/now/` computes first, then serves the same key. */
  urls: { compute: string; now: string };
  files: string[];
  paths: ExposedPath[];
  /** Messages with a device that is not exactly 'patch@1.0': sent as ordinary messages, nothing exposed. */
  notPatches: PlaceWithProblems[];
}

export interface ExposedPath {
  /** Segments joined by '/'; a key the analysis cannot resolve is written `<expression>`. */
  path: string;
  segments: string[];
  /** Every segment is a known key (no `<...>` placeholder). */
  resolved: boolean;
  /** The kinds of value sent at this path, each once. */
  kinds: ValueKind[];
  sources: PathSource[];
  /** Rule ids of the problems reported at this key, each once. */
  problems: string[];
}

export type ValueKind = 'string' | 'number' | 'boolean' | 'nil' | 'table' | 'empty table' | 'function' | 'non-finite number' | 'call result' | 'cycle' | 'unknown';

export interface Place {
  file: string;
  line: number;
  column: number;
}

export interface PlaceWithProblems extends Place {
  problems: string[];
}

export interface PathSource extends PlaceWithProblems {
  kind: ValueKind;
  /** The function whose result is sent (`utils.getState`), for a call result. */
  callee?: string;
  from: Origin[];
}

/** `throughCall`: the place is a call that leads to the send (a helper called there), not the send. */
export type Origin = PlaceWithProblems & { throughCall: boolean } & (
  | { kind: 'load'; guarded: boolean; flag: string | null }
  | { kind: 'handler'; handler: string }
  | { kind: 'function'; function: string | null }
);

/** One linted file: its model and the messages the lint reported in it. */
export interface ModelledFile {
  filePath: string;
  text: string;
  model: PatchModel;
}

/** `cwd`: files are named relative to it, with '/' (the map is the same on every machine). */
export function pathMap(files: readonly ModelledFile[], messagesOf: (filePath: string) => readonly LintMessage[], cwd: string): PathMap {
  const byPath = new Map<string, ExposedPath>();
  const notPatches: PlaceWithProblems[] = [];
  const problems = new ProblemIndex(messagesOf);
  const positions = new Positions();
  const display = (filePath: string) => (path.relative(cwd, filePath) || filePath).split(path.sep).join('/');
  for (const file of files) {
    const at = (range: readonly [number, number], filePath = file.filePath, text = file.text): PlaceWithProblems => {
      const { line, column } = positions.of(filePath, text, range[0]);
      return { file: display(filePath), line, column, problems: problems.at(filePath, line, column) };
    };
    for (const patch of file.model.patches) if (!patch.exact) notPatches.push(at(patch.device?.range ?? patch.range));
    // A wrapper's template (`cache = { [key] = value }` in SendPatch) is listed through its
    // instances, each with the keys its call passes; the template itself only when nothing calls it.
    const instantiated = new Set(file.model.patches.filter((p) => p.via !== null).map((p) => p.range[0]));
    const owners = new Map<TableShape, string[]>();
    const originsOf = new Map<readonly SendOrigin[], Origin[]>();
    for (const e of file.model.entries) {
      if (!e.patch.exact || (e.patch.via === null && instantiated.has(e.patch.range[0]))) continue;
      const above = e.level === 'root' ? [] : owners.get(e.parent);
      // A child of a table whose owner was not listed (cannot happen: owners come first); skip it.
      if (above === undefined) continue;
      const segments = [...above, segmentOf(e)];
      const value = e.entry.value;
      if (value.kind === 'table' && !owners.has(value.table)) owners.set(value.table, segments);
      const key = segments.join('/');
      let entry = byPath.get(key);
      if (!entry) {
        entry = { path: key, segments, resolved: segments.every((s) => !s.startsWith('<')), kinds: [], sources: [], problems: [] };
        byPath.set(key, entry);
      }
      const kind = kindOf(value, e);
      if (!entry.kinds.includes(kind)) entry.kinds.push(kind);
      const module = e.keyAt.module;
      const keyPlace = module ? at(e.keyAt.range, module.filePath, module.text) : at(e.keyAt.range);
      // The value rules point at the value when it came through a wrapper's argument.
      if (e.valueAt.range !== e.keyAt.range) {
        const valuePlace = module ? at(e.valueAt.range, module.filePath, module.text) : at(e.valueAt.range);
        for (const id of valuePlace.problems) if (!keyPlace.problems.includes(id)) keyPlace.problems.push(id);
      }
      let from = originsOf.get(e.patch.origins);
      if (!from) {
        from = e.patch.origins.map((o) => origin(o, at(o.range)));
        originsOf.set(e.patch.origins, from);
      }
      const source: PathSource = { ...keyPlace, kind, ...(value.callee ? { callee: value.callee } : {}), from };
      // The same key written once and sent from several places (a wrapper's instances): one source, every origin.
      const same = entry.sources.find((s) => s.file === source.file && s.line === source.line && s.column === source.column);
      if (!same) entry.sources.push(source);
      else for (const o of from) if (!same.from.some((x) => x.kind === o.kind && x.line === o.line && x.column === o.column)) same.from = [...same.from, o];
      for (const id of keyPlace.problems) if (!entry.problems.includes(id)) entry.problems.push(id);
    }
  }
  const paths = [...byPath.values()].sort((a, b) => compareSegments(a.segments, b.segments));
  return {
    version: PATH_MAP_VERSION,
    urls: { compute: '/<process-id>~process@1.0/compute/{path}', now: '/<process-id>~process@1.0/now/{path}' },
    files: files.map((f) => display(f.filePath)),
    paths,
    notPatches,
  };
}

function origin(o: SendOrigin, place: PlaceWithProblems): Origin {
  const common = { ...place, throughCall: o.throughCall };
  if (o.kind === 'load') return { kind: 'load', ...common, guarded: o.guarded, flag: o.flag };
  if (o.kind === 'handler') return { kind: 'handler', ...common, handler: o.name };
  return { kind: 'function', ...common, function: o.name };
}

/** A key as a path segment: its text, its index, or the expression as written in `<...>`. */
function segmentOf(e: ExposedEntry): string {
  const key = e.entry.key;
  if (key.text !== null) return key.text;
  if (key.index !== undefined) return String(key.index);
  return `<${e.label.replace(/^\[|\]$/g, '')}>`;
}

function kindOf(value: Value, e: ExposedEntry): ValueKind {
  if (value.callee !== undefined) return 'call result';
  switch (value.kind) {
    case 'table':
      return e.table?.empty ? 'empty table' : 'table';
    case 'non-finite':
      return 'non-finite number';
    default:
      return value.kind;
  }
}

/** Segment by segment; placeholders after known keys, so a tree lists `cache/<msg.From>` last. */
function compareSegments(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    const pa = a[i]!.startsWith('<');
    const pb = b[i]!.startsWith('<');
    if (pa !== pb) return pa ? 1 : -1;
    return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length - b.length;
}

/** The lint's rule ids by file, line and column (the key rules point at the key as written). */
class ProblemIndex {
  private readonly byFile = new Map<string, Map<string, string[]>>();

  constructor(private readonly messagesOf: (filePath: string) => readonly LintMessage[]) {}

  at(filePath: string, line: number, column: number): string[] {
    let index = this.byFile.get(filePath);
    if (!index) {
      index = new Map();
      for (const m of this.messagesOf(filePath)) {
        if (m.ruleId === null) continue;
        const key = `${m.line}:${m.column}`;
        const ids = index.get(key) ?? [];
        if (!ids.includes(m.ruleId)) ids.push(m.ruleId);
        index.set(key, ids);
      }
      this.byFile.set(filePath, index);
    }
    return [...(index.get(`${line}:${column}`) ?? [])];
  }
}

/** Line and column of offsets, each file's line starts computed once. */
class Positions {
  private readonly starts = new Map<string, number[]>();

  of(filePath: string, text: string, offset: number): { line: number; column: number } {
    let starts = this.starts.get(filePath);
    if (!starts) this.starts.set(filePath, (starts = lineStarts(text)));
    return positionAt(starts, offset);
  }
}
