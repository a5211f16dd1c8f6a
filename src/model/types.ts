// The patch model: what rules see, finished before any rule runs. Rules never walk the AST;
// they read these types (through rules/kit.ts). docs/model.md describes them.
import type { Range } from '../shared/results.js';

export type { Range };

/**
 * How root data keys of a message are read. 'cache': they belong under `cache` (the user's
 * convention; require-cache reports them), so only `cache`'s entries are exposed. 'direct':
 * they are exposed at /compute/<key> (the direct-keys style).
 */
export type KeyStyle = 'cache' | 'direct';

export interface PatchModel {
  keyStyle: KeyStyle;
  patches: PatchMessage[];
  /**
   * Every entry of every patch message as HyperBEAM exposes it, computed once for `keyStyle`:
   * the root data keys, `cache`'s entries and everything nested below them, in message order
   * and, within a message, depth first in source order. A table held in a variable and sent by
   * several messages is listed below the first message that reaches it only.
   */
  entries: ExposedEntry[];
  /** Patches sent when the script is loaded, with the guard around each. */
  loadTimeSends: LoadTimeSend[];
}

export interface ExposedEntry {
  patch: PatchMessage;
  entry: Entry;
  /** 'root': a data key at the message root; 'cache': directly under cache; 'nested': deeper. */
  level: 'root' | 'cache' | 'nested';
  /** 1 for root data keys and cache children, more below them. */
  depth: number;
  /** The full exposed path (`cache/score`, `balances/abc`); null when a segment is unknown. */
  path: string | null;
  /**
   * Read over HTTP as a key of its own: false only for root data keys in the 'cache' style
   * (they belong under cache; the key rules skip them, require-cache reports them).
   */
  exposed: boolean;
  /** The table the entry belongs to. */
  parent: TableShape;
  /** How a message names the key: its text, `[2]`, or `[ao.id]` (the expression as written). */
  label: string;
  /** The key text folded the way every case rule folds it (foldKey); null when unknown. */
  folded: string | null;
  /** UTF-8 bytes of the key text; null when unknown. */
  bytes: number | null;
  /** Keys of the parent table that fold to the same text, this one included. */
  sameFolded: number;
  /**
   * The entry is written in the message itself: in its table constructor (or one nested in
   * it), a later write into it, or a wrapper call's argument. Editing it changes only what
   * this message sends, not a table the process also uses for other things.
   */
  inMessage: boolean;
  /** Where a diagnostic about the key points: the key as written, or the wrapper argument. */
  keyAt: Range;
  /** Where a diagnostic about the value points: the key as written, or the wrapper argument. */
  valueAt: Range;
  /** What the value rules need of a table value; null for any other value. */
  table: TableFacts | null;
}

export interface TableFacts {
  /** Still `{}` when sent: no entries, nothing added later, nothing else can fill it. */
  empty: boolean;
  /** Known to hold something: entries, or entries added under unknown keys. */
  filled: boolean;
  /** Why aos's JSON encoder throws on this table itself, if it does. */
  layout: 'mixed' | 'sparse' | null;
  /** How deep tables nest in it: 1 for a table of scalars (or `{}`). */
  depth: number;
  /** It, or anything inside it, is a value the encoder cannot encode. */
  holdsUnencodable: boolean;
}

/** A key of a table entry, as far as the analysis could resolve it. */
export interface Key {
  /** How the key is written: `name = v`, `["name"] = v`, `[1] = v`, a positional entry, or an expression. */
  form: 'name' | 'string' | 'number' | 'positional' | 'expression';
  /** The key's text when known (decoded string, or the name); null when it cannot be resolved. */
  text: string | null;
  /** The numeric key (explicit `[n]` or the position of a positional entry). */
  index?: number;
  /** Where the key is written (for positional entries: the value; through a wrapper: the argument). */
  range: Range;
  /** The literal a fix may rewrite: a `name` or a string literal written in this file. */
  literal: { range: Range; form: 'name' | 'string' } | null;
  /** Set when the key arrived through a file-local wrapper's argument: that argument. */
  via: Range | null;
}

export type Value = (
  /** `text`: the string when known; `literal`: written as a string literal (a fix may edit it);
   *  `serialized`: produced by json.encode / tostring / string.format. */
  | { kind: 'string'; range: Range; text: string | null; literal: boolean; serialized: boolean }
  | { kind: 'number'; range: Range; raw: string; value: number }
  | { kind: 'boolean'; range: Range }
  /** `literal`: the keyword `nil` is written here (not a variable that holds nil). */
  | { kind: 'nil'; range: Range; literal: boolean }
  | { kind: 'function'; range: Range }
  | { kind: 'non-finite'; range: Range; text: string }
  | { kind: 'table'; range: Range; table: TableShape }
  | { kind: 'unknown'; range: Range }
) & {
  /** Set when the value arrived through a file-local wrapper's argument: that argument. */
  via?: Range;
};

export interface TableShape {
  /** The table constructor, when one is known. */
  range: Range | null;
  entries: Entry[];
  /** Entries are added with keys the analysis cannot know (loops, table.insert, computed keys). */
  filledUnknown: boolean;
  /** The table may hold more than we see (`X or {}`, passed to other functions): never call it empty. */
  open: boolean;
}

export interface Entry {
  key: Key;
  value: Value;
}

export interface DeviceField {
  text: string;
  range: Range;
  /** The string literal a fix may rewrite (null when the device came through a variable). */
  literal: Range | null;
}

export interface PatchMessage {
  /** The table constructor of the message. */
  range: Range;
  /** `device` as written when it resolves to a string. */
  device: DeviceField | null;
  /** true when `device` is exactly 'patch@1.0' or `method` is 'PATCH'. */
  exact: boolean;
  root: TableShape;
  /** The root entry named `cache` (in any case), if there is one. */
  cache: Entry | null;
  /** Set when this message is a wrapper's template instantiated at a call: that call. */
  via: Range | null;
}

export interface GuardInfo {
  /** The flag the `if` tests (`InitialSync`, `State.synced`). */
  flag: string;
  flagRange: Range;
  flagIsLocal: boolean;
  /** The branch assigns the flag. */
  setsFlag: boolean;
  /** An unconditional load-time assignment that resets the flag on every load. */
  reinitialisedAt: Range | null;
}

/** A patch sent at load time: the send itself, or a load-time call that leads to one. */
export interface LoadTimeSend {
  range: Range;
  /** Name of the file-local function called, when the send happens inside it. */
  through: string | null;
  /** The best guard candidate around it, or null when no enclosing `if` tests a flag. */
  guard: GuardInfo | null;
}
