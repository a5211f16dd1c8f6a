// The patch model: what rules see. Rules never walk the AST; they read these types.
import type { Range } from '../lua-ast.js';

export type { Range };

/** A key of a table entry, as far as the analysis could resolve it. */
export interface Key {
  /** How the key is written: `name = v`, `["name"] = v`, `[1] = v`, a positional entry, or an expression. */
  form: 'name' | 'string' | 'number' | 'positional' | 'expression';
  /** The key's text when known (decoded string, or the name); null when it cannot be resolved. */
  text: string | null;
  /** The numeric key (explicit `[n]` or the position of a positional entry). */
  index?: number;
  /** Where the key is written (for positional entries: the value). */
  range: Range;
  /** The literal a fix may rewrite: a `name` or a string literal written in this file. */
  literal: { range: Range; form: 'name' | 'string' } | null;
  /** Set when the key arrived through a file-local wrapper's argument: the argument. */
  viaArgument: Range | null;
}

export type Value = (
  /** `text`: the string when known; `literal`: written as a string literal (a fix may edit it);
   *  `serialized`: produced by json.encode / tostring / string.format. */
  | { kind: 'string'; range: Range; text: string | null; literal: boolean; serialized: boolean }
  | { kind: 'number'; range: Range; raw: string; value: number }
  | { kind: 'boolean'; range: Range }
  | { kind: 'nil'; range: Range }
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
  /** Where a diagnostic about the value points: the key as written, or the wrapper argument. */
  valueAt: Range;
}

export interface DeviceField {
  text: string;
  range: Range;
  /** The string literal a fix may rewrite (null when the device came through a variable). */
  literal: Range | null;
}

export interface PatchMessage {
  /** The table constructor of the message (or, for a wrapper call, that call). */
  range: Range;
  /** `device` as written when it resolves to a string. */
  device: DeviceField | null;
  /** true when `device` is exactly 'patch@1.0' or `method` is 'PATCH'. */
  exact: boolean;
  root: TableShape;
  /** Set when this message is a wrapper's template instantiated at a call: the call. */
  viaCall: Range | null;
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

export interface PatchModel {
  patches: PatchMessage[];
  loadTimeSends: LoadTimeSend[];
}
