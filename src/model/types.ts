// The patch model: what rules see, finished before any rule runs. Rules never walk the AST;
// they read these types (through rules/kit.ts). docs/model.md describes them.
import type { Range } from '../shared/results.js';

export type { Range };

/**
 * How root data keys are read. 'cache' (the user's convention, require-cache on): they belong
 * under `cache`; the key rules still check them (they are exposed at /compute/<key>), require-cache
 * reports them, and nothing below them is followed. 'direct': they are the exposed keys.
 */
export type KeyStyle = 'cache' | 'direct';

export interface PatchModel {
  keyStyle: KeyStyle;
  patches: PatchMessage[];
  /**
   * Every entry of every patch message as HyperBEAM exposes it: the root data keys, `cache`
   * itself and its entries, and everything nested below them, in message order and, within a
   * message, depth first in source order. A table held in a variable and sent by several
   * messages (or returned by a function several sends call) is listed below the first message
   * that reaches it only.
   */
  entries: ExposedEntry[];
  /** Patches sent when the script is loaded, with the guard around each. */
  loadTimeSends: LoadTimeSend[];
  /** Sends followed, on the same path, by a call that may raise (aos then drops every message). */
  lostOnError: LostOnError[];
  /** The module files (loaded with `require`) whose text the model read. */
  modules: ModuleFile[];
  /** The file assigns `ao.unset` itself (then `ao.unset` is whatever it makes it). */
  definesAoUnset: boolean;
}

/**
 * Where a diagnostic points. In the linted file, or in a module (`module` set) whose function
 * returned the table; then `call` is the call in the linted file through which it arrived.
 */
export interface Place {
  range: Range;
  module: ModuleFile | null;
  call: { range: Range; callee: string } | null;
}

export interface ExposedEntry {
  patch: PatchMessage;
  entry: Entry;
  /** 'root': a data key at the message root (or `cache` itself); 'cache': directly under cache; 'nested': deeper. */
  level: 'root' | 'cache' | 'nested';
  /** The message's `cache` entry itself (exposed at /compute/cache). */
  isCache: boolean;
  /** A root data key in the 'cache' style: the key rules check it, the value rules leave it to require-cache. */
  stray: boolean;
  /** 1 for root data keys, `cache` and cache children, more below them. */
  depth: number;
  /** The full exposed path (`cache/score`, `balances/abc`); null when a segment is unknown. */
  path: string | null;
  /** The table the entry belongs to, and what the value rules know of it. */
  parent: TableShape;
  parentFacts: TableFacts;
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
  keyAt: Place;
  /** Where a diagnostic about the value points: the key as written, or the wrapper argument. */
  valueAt: Place;
  /** What the value rules need of a table value; null for any other value. */
  table: TableFacts | null;
}

export interface TableFacts {
  /** Still `{}` when sent (no entries, or only nil ones; nothing added later, nothing else can fill it): sent as []. */
  empty: boolean;
  /** Known to hold something: entries, or entries added under unknown keys. */
  filled: boolean;
  /** Why aos's JSON encoder throws on this table itself, if it does. */
  layout: 'mixed' | 'sparse' | null;
  /** How deep tables nest in it: 1 for a table of scalars (or `{}`). */
  depth: number;
  /** It, or anything inside it, is a value the encoder cannot encode. */
  holdsUnencodable: boolean;
  /** It holds `device = 'trie@1.0'` (the documented way to hold large tables). */
  trie: boolean;
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
  /** `literal`: the keyword `nil` (or `ao.unset`) is written here, not read from a variable;
   *  `sentinel`: it is `ao.unset`, which released aos leaves nil. */
  | { kind: 'nil'; range: Range; literal: boolean; sentinel?: true }
  | { kind: 'function'; range: Range }
  | { kind: 'non-finite'; range: Range; text: string }
  | { kind: 'table'; range: Range; table: TableShape }
  /** The table this entry belongs to (`node.parent = node`): the encoder throws on it. */
  | { kind: 'cycle'; range: Range }
  | { kind: 'unknown'; range: Range }
) & {
  /** Set when the value arrived through a file-local wrapper's argument: that argument. */
  via?: Range;
  /** Set when the value is what a call returns: how the call names the function (`utils.getState`). */
  callee?: string;
};

/** A file other than the linted one that the model read: a module loaded with `require`. */
export interface ModuleFile {
  filePath: string;
  text: string;
}

export interface TableShape {
  /** The table constructor, when one is known. */
  range: Range | null;
  entries: Entry[];
  /** Entries are added with keys the analysis cannot know (loops, table.insert, computed keys). */
  filledUnknown: boolean;
  /** The table may hold more than we see (`X or {}`, passed to other functions): never call it empty. */
  open: boolean;
  /** The module whose text the entries' ranges are in; null: the linted file. */
  module: ModuleFile | null;
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
  /** A patch only by `method = 'PATCH'` (not by its device): it was seen to reach the outbox. */
  byMethodOnly: boolean;
  root: TableShape;
  /** The root entry named `cache` (in any case), if there is one. */
  cache: Entry | null;
  /** Set when this message is a wrapper's template instantiated at a call: that call. */
  via: Range | null;
  /** Where it is sent from (load time, handlers, functions); empty when no send was seen. */
  origins: SendOrigin[];
}

/**
 * Where a patch message is sent from. `range`: the send, or (`throughCall`) the call that leads
 * to it, such as the load-time call of a helper that sends. `guarded`: a persistent flag guards
 * it (it runs once).
 */
export type SendOrigin = { range: Range; throughCall: boolean } & (
  | { kind: 'load'; guarded: boolean; flag: string | null }
  | { kind: 'handler'; name: string }
  /** In a function that nothing in the file is seen to call (another file or aos may). */
  | { kind: 'function'; name: string | null }
);

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

/** A send followed, on the same path of its function, by `error(...)` or `assert(...)`. */
export interface LostOnError {
  /** The send (or, when the raise is in a function that calls the sender, that call). */
  range: Range;
  /** The call that may raise. */
  raise: Range;
  kind: 'error' | 'assert';
}
