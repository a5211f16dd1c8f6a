// `patchlint --verify FILE [--messages scenario.json] [--aos-module m.wasm]` and
// `--verify-setup`: the script run in the real aos module (src/verify/), reported as the
// steps and their exposed state, then the findings in the usual format; exit codes as for linting.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { makeResult } from '../engine/index.js';
import { loadFormatter } from '../formatters/index.js';
import { describeError } from '../node/errors.js';
import { moduleFiles } from '../node/modules.js';
import { escapeForMessage } from '../shared/escape.js';
import type { LintResult } from '../shared/results.js';
import { findRuntime, formatSteps, parseScenario, setupRuntime, syntaxError, verifyScript, type ScenarioMessage } from '../verify/index.js';
import { useColor } from './color.js';
import type { CliArgs } from './options.js';

export const VERIFY_FORMATS = ['stylish', 'json'];

/** Returns the exit code; writes the report and one-line errors itself. */
export async function verifyCommand(args: CliArgs, cwd: string): Promise<number> {
  const fail = (line: string) => {
    process.stderr.write(`patchlint: ${escapeForMessage(line, 10_000)}\n`);
    return 2;
  };
  if (args['verify-setup']) {
    const done = setupRuntime();
    if ('error' in done) return fail(`--verify-setup: ${done.error}`);
    process.stdout.write(`The aos 2.0.4 module and @permaweb/ao-loader are in ${done.folder}; patchlint --verify will use them.\n`);
    return 0;
  }
  if (args._.length > 0) return fail(`--verify runs one script: remove ${args._.map(String).join(' ')} (its modules are found through require)`);
  if (args.stdin || args.fix || args['fix-dry-run'] || args['print-paths']) return fail(`--verify cannot be combined with --${args.stdin ? 'stdin' : args.fix ? 'fix' : args['fix-dry-run'] ? 'fix-dry-run' : 'print-paths'}`);
  const format = String(args.format);
  if (!VERIFY_FORMATS.includes(format)) return fail(`--verify writes stylish or json, not '${format}'`);
  const file = String(args.verify);
  if (file === '') return fail('Invalid value for --verify: expected a file name');
  const filePath = path.resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    return fail(`Cannot read ${file}: ${describeError(error as NodeJS.ErrnoException)}`);
  }
  let scenario: ScenarioMessage[] = [];
  if (args.messages !== undefined) {
    let scenarioText: string;
    try {
      scenarioText = readFileSync(path.resolve(cwd, args.messages), 'utf8');
    } catch (error) {
      return fail(`Cannot read ${args.messages}: ${describeError(error as NodeJS.ErrnoException)}`);
    }
    const parsed = parseScenario(scenarioText);
    if ('error' in parsed) return fail(`--messages ${args.messages}: ${parsed.error}`);
    scenario = parsed;
  }
  const color = useColor(args.color, process.env, args['output-file'] === undefined ? 'stdout' : 'file', process.stdout.isTTY === true);
  const formatter = await loadFormatter(format);
  const write = async (report: string): Promise<number | null> => {
    if (args['output-file'] === undefined) {
      process.stdout.write(report);
      return null;
    }
    const { writeReport } = await import('./output-file.js');
    const failure = await writeReport(String(args['output-file']), cwd, report);
    return failure ? fail(failure) : null;
  };

  // A script that does not parse is reported as the lint reports it; the module is not started.
  const parseError = syntaxError(text);
  if (parseError) return (await write(formatter([makeResult(filePath, [parseError])], { cwd, color }))) ?? 1;
  const runtime = findRuntime(cwd, args['aos-module']);
  if ('missing' in runtime) return fail(runtime.missing);
  let outcome: Awaited<ReturnType<typeof verifyScript>>;
  try {
    outcome = await verifyScript({ filePath, text, cwd, scenario, runtime, resolve: moduleFiles(cwd).resolve });
  } catch (error) {
    return fail(`--verify: the aos module could not run ${file}: ${(error as Error).message}`);
  }
  const results: LintResult[] = [...outcome.messages].map(([name, messages]) => makeResult(path.resolve(cwd, name), messages));
  if (!outcome.messages.has(outcome.file)) results.push(makeResult(filePath, []));
  results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  let report: string;
  if (format === 'json') {
    report = `${JSON.stringify({
      version: 1,
      file: outcome.file,
      aos: { version: outcome.run.aosVersion, module: runtime.modulePath },
      steps: outcome.steps.map(({ kind, label, failure, patches, lost, sends, state }) => ({
        kind, label, failure, patches, lost,
        sends: sends.map(({ file, line, stack, patch, error, bad, notes }) => ({ file: file ?? null, line: line ?? null, stack, patch: patch === true, ...(error !== undefined ? { error, bad: bad ?? [] } : {}), notes })),
        state,
      })),
      results,
    })}\n`;
  } else {
    const header = { file: outcome.file, aosVersion: outcome.run.aosVersion, scenario: args.messages ?? null, milliseconds: outcome.run.milliseconds };
    const problems = formatter(results, { cwd, color });
    report = `${formatSteps(header, outcome.steps, color)}${problems || '\n\u2714 The run found no problems.\n'}`;
  }
  const failed = await write(report);
  if (failed !== null) return failed;
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const maxWarnings = args['max-warnings'];
  return errors > 0 || (maxWarnings !== undefined && maxWarnings >= 0 && warnings > maxWarnings) ? 1 : 0;
}
