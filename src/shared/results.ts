// The types every stage shares: results in ESLint's shape (so tools that read ESLint JSON read
// ours), the resolved config a file is linted with, and what output formats know of the rules.

/** A [start, end) pair of UTF-16 offsets into a file's text. */
export type Range = [number, number];

export type Severity = 0 | 1 | 2;

export interface Fix {
  range: Range;
  text: string;
}

export interface Suggestion {
  desc: string;
  messageId?: string;
  fix: Fix;
}

export interface LintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fatal?: true;
  fix?: Fix;
  suggestions?: Suggestion[];
  /** Where the message refers to another place (duplicate-key-case: the first occurrence). */
  relatedLocation?: { filePath: string; line: number };
  /** For suppressed messages: the directives that suppressed them. */
  suppressions?: { kind: 'directive'; justification: string }[];
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  suppressedMessages: LintMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  usedDeprecatedRules: never[];
  /** The source, when it had problems (ESLint includes it then). */
  source?: string;
  /** The fixed source, when fixes changed it (--fix, --fix-dry-run). */
  output?: string;
}

export interface RuleSetting {
  severity: Severity;
  options: Record<string, unknown>;
}

/** A configuration after presets, overrides and CLI flags are applied, for one file. */
export interface ResolvedConfig {
  rules: Record<string, RuleSetting>;
  /** Report `-- patchlint-disable` directives that suppressed nothing (as warnings, fixable). */
  reportUnusedDisableDirectives?: boolean;
  /** Files larger than this many bytes get one warning instead of a lint (default DEFAULT_MAX_FILE_SIZE). */
  maxFileSize?: number;
  /** --no-inline-config: `-- patchlint-disable…` comments are ignored (as ESLint's allowInlineConfig: false). */
  noInlineConfig?: boolean;
}

/**
 * 8 MiB. Measured (docs/robustness.md): 8 MB of dense table constructors lints in about 1.7 s
 * with 430 MB of memory; 20 MB took 27–39 s and 3.7 GB, and 50 MB ran V8 out of memory.
 * Process code is far smaller; files this large are generated data.
 */
export const DEFAULT_MAX_FILE_SIZE = 8 * 1024 * 1024;

/** What an output format or an editor knows about a rule (ESLint passes the same as `rulesMeta`). */
export interface RuleDescription {
  description: string;
  defaultSeverity: 'off' | 'warn' | 'error';
  fixable: boolean;
  /** Why it matters (what HyperBEAM or aos does), a few sentences. */
  why: string;
  /** The rule's documentation page. */
  docsUrl: string;
}

export type RulesMeta = Readonly<Record<string, RuleDescription>>;
