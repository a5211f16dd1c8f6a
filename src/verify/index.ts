// `--verify`: a script run in the real aos process module, then what the run proves. The
// stage's parts: where the module comes from (aos-module.ts, setup.ts), how the script is
// loaded (bundle.ts, prelude.ts), the run (run.ts), what the patch device does with what was
// sent (apply.ts), the diagnostics (findings.ts) and the steps for a person (report.ts).
import { parseLua } from '../lua/parse.js';
import { escapeForMessage } from '../shared/escape.js';
import { lineStarts, positionAt } from '../shared/positions.js';
import type { LintMessage } from '../shared/results.js';
import { bundleScript } from './bundle.js';
import { findingsOf, type Findings } from './findings.js';
import { runScript, type Run } from './run.js';
import type { AosRuntime } from './aos-module.js';
import type { ScenarioMessage } from './scenario.js';

export { findRuntime, type AosRuntime } from './aos-module.js';
export { setupRuntime } from './setup.js';
export { parseScenario, type ScenarioMessage } from './scenario.js';
export { formatSteps } from './report.js';
export { VERIFY_IDS, type Findings, type StepReport, type VerifyId } from './findings.js';

export interface VerifyInput {
  filePath: string;
  text: string;
  cwd: string;
  scenario: readonly ScenarioMessage[];
  runtime: AosRuntime;
  /** How `require(name)` in a file finds its module (node/modules.ts: as aos `.load` does). */
  resolve: (name: string, fromFile: string) => { filePath: string; text: string } | null;
}

export interface VerifyOutcome extends Findings {
  run: Run;
  /** The script's name as the run's records give it (relative to cwd, with '/'). */
  file: string;
}

export async function verifyScript(input: VerifyInput): Promise<VerifyOutcome> {
  const bundle = bundleScript(input.filePath, input.text, input.cwd, input.resolve);
  const run = await runScript(input.runtime, bundle, input.scenario);
  const main = bundle.files[0]!.name;
  return { ...findingsOf(run, main), run, file: main };
}

/** A script that does not parse gets the lint's one diagnostic (the module is then not started). */
export function syntaxError(text: string): LintMessage | null {
  const parsed = parseLua(text);
  if (parsed.ok) return null;
  const at = positionAt(lineStarts(text), parsed.offset);
  return { ruleId: null, fatal: true, severity: 2, message: `Parsing error: ${escapeForMessage(parsed.message, 200)}`, line: at.line, column: at.column };
}
