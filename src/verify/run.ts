// Runs a script in the real aos process module, offline, step by step: spawn, the prelude, the
// script loaded (as `.load` does), loaded again (a re-`.load`), then each scenario message. After
// each step: the messages it sent (the outbox), whether the evaluation failed and why, and the
// prelude's record of every send (file, line, encoder error, changed numbers, dropped functions).
import { performance } from 'node:perf_hooks';
import type { AoResult, AosRuntime } from './aos-module.js';
import { MODULE_ID } from './aos-module.js';
import type { Bundle } from './bundle.js';
import { PRELUDE, REPORT_MARKER } from './prelude.js';
import type { ScenarioMessage } from './scenario.js';

export interface SendRecord {
  /** The innermost user frame: the send itself. */
  file?: string;
  line?: number;
  /** Every user frame, innermost first (the calls that led to the send), at most 8. */
  stack: { file: string; line: number }[];
  /** What aos's JSON encoder says about this message when it throws on it. */
  error?: string;
  /** With `error`: the values the encoder throws on, innermost first found (path '/cache/x'). */
  bad?: { path: string; error: string }[];
  /** The message is a patch (its device is exactly 'patch@1.0' or its method 'PATCH'). */
  patch?: boolean;
  notes: SendNote[];
  reference: string;
}

export type SendNote = { kind: 'number'; path: string; value: string; sent: string } | { kind: 'function'; path: string };

export interface Step {
  kind: 'load' | 'reload' | 'message';
  /** `load`, `re-load`, `message 1: Action=Inc`. */
  label: string;
  /** The outbox of a successful evaluation (an evaluation that failed sends nothing). */
  messages: Record<string, unknown>[];
  /** Why the evaluation failed: the encoder's or the handler's error text; null when it did not. */
  failure: string | null;
  sends: SendRecord[];
}

type Outcome = { result: AoResult | null; thrown: string | null };

export interface Run {
  aosVersion: string | null;
  steps: Step[];
  milliseconds: number;
}

const PID = 'P'.repeat(43);
const OWNER = 'O'.repeat(43);
const PROCESS_TAGS = [
  ['Data-Protocol', 'ao'], ['Variant', 'ao.TN.1'], ['Type', 'Process'], ['Module', MODULE_ID], ['Scheduler', 'S'.repeat(43)], ['Authority', OWNER],
].map(([name, value]) => ({ name, value }));
const ENV = {
  Process: { Id: PID, Owner: OWNER, Tags: PROCESS_TAGS },
  Module: {
    Id: MODULE_ID,
    Tags: [
      ['Data-Protocol', 'ao'], ['Variant', 'ao.TN.1'], ['Type', 'Module'], ['Module-Format', 'wasm64-unknown-emscripten-draft_2024_02_15'],
      ['Input-Encoding', 'JSON-V1'], ['Output-Encoding', 'JSON-V1'], ['Memory-Limit', '1-gb'], ['Compute-Limit', '9000000000000'],
    ].map(([name, value]) => ({ name, value })),
  },
};

export async function runScript(runtime: AosRuntime, bundle: Bundle, scenario: readonly ScenarioMessage[]): Promise<Run> {
  const started = performance.now();
  const printed: string[] = [];
  const handle = await guarded(() => runtime.loader(runtime.wasm, {
    format: 'wasm64-unknown-emscripten-draft_2024_02_15', memoryLimit: '1073741824', computeLimit: '9000000000000', extensions: [], UNSAFE_MEMORY: true,
    // The module's own prints ("failed to call handle function", the encoder's error) would
    // go to standard output, into a JSON report: kept instead.
    print: (text: string) => printed.push(String(text)), printErr: (text: string) => printed.push(String(text)),
  }));
  let height = 0;
  const message = (tags: { name: string; value: string }[], data: string, from = OWNER): Record<string, unknown> => {
    height++;
    const id = `${String(height).padStart(4, '0')}${'m'.repeat(39)}`;
    return { Id: id, Target: PID, Owner: from, From: from, Module: MODULE_ID, 'Block-Height': String(height), Timestamp: String(1_700_000_000_000 + height * 1000), Cron: false, Data: data, Tags: tags };
  };
  /** One message handled: its result, or the text ao-loader threw (a failed evaluation). */
  const send = async (m: Record<string, unknown>): Promise<Outcome> => {
    try {
      return { result: await guarded(() => handle(null, m, ENV)), thrown: null };
    } catch (error) {
      return { result: null, thrown: error instanceof Error ? error.message : String(error) };
    }
  };
  const evaluate = (lua: string) => send(message([{ name: 'Action', value: 'Eval' }], lua));

  // 1. The spawn message boots aos; 2. the prelude.
  await guarded(() => handle(null, { ...message(PROCESS_TAGS, ''), Id: PID }, ENV));
  const prelude = await evaluate(PRELUDE);
  if (prelude.thrown || prelude.result?.Error) throw new Error(`the prelude did not load in this module: ${prelude.thrown ?? errorText(prelude.result!.Error)}`);
  await report(evaluate); // nothing sent yet; starts the record empty

  const steps: Step[] = [];
  let aosVersion: string | null = null;
  const step = async (kind: Step['kind'], label: string, run: () => Promise<Outcome>) => {
    printed.length = 0;
    const { result, thrown } = await run();
    const own = printed.join('\n');
    const back = await report(evaluate);
    aosVersion ??= back.version;
    const encoder = back.sends.find((s) => s.error)?.error ?? null;
    const failure = thrown !== null ? encoder ?? (printedError(own) || thrown) : result?.Error ? errorText(result.Error) : null;
    steps.push({ kind, label, messages: failure === null ? result?.Messages ?? [] : [], failure, sends: back.sends });
  };
  const load = () => evaluate(bundle.lua);
  await step('load', 'load', load);
  await step('reload', 're-load', load);
  for (const [i, m] of scenario.entries()) {
    const tags = [{ name: 'Action', value: m.action }, ...Object.entries(m.tags ?? {}).map(([name, value]) => ({ name, value }))];
    const data = m.data === undefined ? '' : typeof m.data === 'string' ? m.data : JSON.stringify(m.data);
    await step('message', `message ${i + 1}: Action=${m.action}`, () => send(message(tags, data, m.from ?? OWNER)));
  }
  return { aosVersion, steps, milliseconds: performance.now() - started };
}

/** The prelude's records of the sends since the last report. */
async function report(evaluate: (lua: string) => Promise<Outcome>): Promise<{ sends: SendRecord[]; version: string | null }> {
  const { result, thrown } = await evaluate('__patchlint.report()');
  if (thrown || !result) throw new Error(`could not read the run's records back: ${thrown ?? 'no result'}`);
  const text = outputText(result.Output);
  const at = text.indexOf(REPORT_MARKER);
  if (at < 0) throw new Error('could not read the run\'s records back: no report in the output');
  const json = text.slice(at + REPORT_MARKER.length).split('\n')[0]!;
  const parsed = JSON.parse(json) as { sends: SendRecord[] | Record<string, never>; version?: string };
  return { sends: Array.isArray(parsed.sends) ? parsed.sends.map((s) => ({ ...s, stack: Array.isArray(s.stack) ? s.stack : [], notes: Array.isArray(s.notes) ? s.notes : [], ...(s.bad !== undefined ? { bad: Array.isArray(s.bad) ? s.bad : [] } : {}) })) : [], version: parsed.version ?? null };
}

/**
 * ao-loader stubs console.log and Math.random during a call and restores them only when the
 * call succeeds: restored here whatever happens.
 */
async function guarded<T>(call: () => Promise<T>): Promise<T> {
  const log = console.log;
  const random = Math.random;
  try {
    return await call();
  } finally {
    console.log = log;
    Math.random = random;
  }
}

function outputText(output: unknown): string {
  if (typeof output === 'string') return output;
  if (output && typeof output === 'object' && 'data' in output) {
    const data = (output as { data: unknown }).data;
    return typeof data === 'string' ? data : JSON.stringify(data);
  }
  return '';
}

/**
 * The error itself out of aos's text: without colours, the prints before it ("WARN: ...",
 * "Error handling message ..."), the handlers' own prefix and the stack traceback. The Lua
 * error names the file and line (`process.lua:36: a reason is required`).
 */
export function errorText(error: unknown): string {
  let text = (typeof error === 'string' ? error : JSON.stringify(error)).replace(/\x1b\[[0-9;]*m/g, '');
  const traceback = text.indexOf('stack traceback');
  if (traceback >= 0) text = text.slice(0, traceback);
  text = text.replace(/\[string "\.handlers"\]:\d+: /g, '');
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^error:?$/i.test(l));
  const located = [...lines].reverse().find((l) => /\S+:\d+: /.test(l));
  return (located ?? lines.at(-1) ?? 'unknown error').replace(/^error:\s*/i, '');
}

/** The module's "failed to call handle function" print carries the error on its next line. */
function printedError(printed: string): string {
  const match = /error:\s*(.+)/.exec(printed);
  return match ? match[1]!.trim() : '';
}
