// The one module a rule imports: what a rule is (metadata plus a `check` over the patch model),
// `defineRule` with the defaults most rules share, and the model types and key facts rules
// read. A rule reports through its context and never sees files, config or output formats.
import type { PatchModel, Place, Range } from '../src/model/index.js';

export type {
  DeviceField, Entry, ExposedEntry, GuardInfo, Key, KeyStyle, LoadTimeSend, LostOnError, ModuleFile, PatchMessage, PatchModel, Place, Range, TableFacts, TableShape, Value,
} from '../src/model/index.js';
export { PATCH_DEVICE, foldKey, isCacheKey, isEnvelopeKey, isIdLength } from '../src/model/keys.js';
export { reservedReason } from '../src/model/reserved-names.js';

export type SeverityName = 'off' | 'warn' | 'error';

export interface TextEdit {
  range: Range;
  text: string;
}

/** A small JSON Schema subset, enough for rule options (validated once, at config load). */
export interface OptionSchema {
  type: 'object';
  properties: Record<string, { type: 'boolean' | 'integer' | 'array' | 'string'; items?: { type: 'string' }; minimum?: number; description: string }>;
  additionalProperties: false;
}

export interface RuleMeta<Options> {
  id: string;
  description: string;
  defaultSeverity: SeverityName;
  fixable: boolean;
  hasSuggestions: boolean;
  /** Messages by id, with {{placeholders}}: one line of about 100 characters, what is wrong and what to do. */
  messages: Record<string, string>;
  /**
   * Why it matters, in a few sentences: what HyperBEAM or aos does, on which versions. Shown in
   * SARIF's rule help and as the language server's second paragraph (the doc page has it in full).
   */
  why: string;
  schema: OptionSchema;
  defaults: Options;
  /** The rule's documentation page, relative to the package root. */
  docs: string;
}

export interface Report {
  /**
   * Where the problem is: a range of the linted file, or an entry's `keyAt`/`valueAt` (which may
   * lie in a module the file requires; the engine then reports it there or at the call).
   */
  range: Range | Place;
  /** A key of the rule's `messages`: an unknown id is a bug in the rule (an internal error). */
  messageId: string;
  data?: Record<string, string | number>;
  fix?: TextEdit;
  suggest?: { messageId: string; data?: Record<string, string | number>; fix: TextEdit }[];
  /** Another place in the same file the message refers to (duplicate-key-case: the first occurrence). */
  related?: Range;
}

export interface RuleContext<Options> {
  options: Options;
  source: string;
  /** 1-based line of an offset in source. */
  lineOf(offset: number): number;
  report(report: Report): void;
}

export interface ProjectReport {
  filePath: string;
  report: Report & { range: Range };
}

/** One file's facts in the cross-file pass (rules with `checkProject`). */
export interface ProjectFile {
  filePath: string;
  facts: unknown;
  lineOf(offset: number): number;
}

export interface Rule<Options = Record<string, never>> {
  meta: RuleMeta<Options>;
  /**
   * Reports this file's problems. A rule with `checkProject` returns the facts its cross-file
   * pass needs from this file (plain JSON, so results can be cached and cross threads).
   */
  check(model: PatchModel, context: RuleContext<Options>): unknown;
  /** Runs once over all linted files (in sorted path order) after the per-file pass. */
  checkProject?(files: ProjectFile[], options: Options): ProjectReport[];
}

export type AnyRule = Rule<any>;

const NO_OPTIONS: OptionSchema = { type: 'object', properties: {}, additionalProperties: false };

/** A rule as written in rules/<id>.ts: the metadata most rules share may be left out. */
export interface RuleDefinition<Options> extends Omit<Rule<Options>, 'meta'> {
  meta: Omit<RuleMeta<Options>, 'fixable' | 'hasSuggestions' | 'schema' | 'defaults' | 'docs'> & Partial<RuleMeta<Options>>;
}

/** Fills in the shared defaults: no fix, no suggestions, no options, the page docs/rules/<id>.md. */
export function defineRule<Options = Record<string, never>>(rule: RuleDefinition<Options>): Rule<Options> {
  const meta: RuleMeta<Options> = {
    fixable: false,
    hasSuggestions: false,
    schema: NO_OPTIONS,
    defaults: {} as Options,
    docs: `docs/rules/${rule.meta.id}.md`,
    ...rule.meta,
  };
  return { ...rule, meta };
}
