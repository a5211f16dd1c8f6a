// What a run in the real aos module proves, as diagnostics with stable ids (docs/verify.md):
// each points at the send that produced it (the prelude's record of the caller's file and line)
// when that is known, else at the first line of the script. Also the exposed state after every
// step, the patches applied one by one.
import { foldKey, isIdLength } from '../model/keys.js';
import { reservedReason } from '../model/reserved-names.js';
import type { LintMessage } from '../shared/results.js';
import { applyPatch, patchesIn, type ApplyEvent, type State } from './apply.js';
import type { Run, SendRecord, Step } from './run.js';

/** Each id's severity: the default of the rule it confirms (docs/verify.md names the rule). */
export const VERIFY_IDS = {
  'verify/resent-on-reload': { severity: 2 },
  'verify/evaluation-failed': { severity: 2 },
  'verify/patch-lost': { severity: 1 },
  'verify/function-dropped': { severity: 2 },
  'verify/number-changed': { severity: 1 },
  'verify/empty-table': { severity: 1 },
  'verify/key-case': { severity: 2 },
  'verify/reserved-key': { severity: 2 },
} as const;
export type VerifyId = keyof typeof VERIFY_IDS;

export interface SentPatch {
  /** Where it was sent from (null: a raw outbox insert, or no user frame on the stack). */
  file: string | null;
  line: number | null;
  /** The user frames that led to the send, innermost (the send) first. */
  stack: { file: string; line: number }[];
  fields: State;
}

export interface StepReport {
  kind: Step['kind'];
  label: string;
  failure: string | null;
  patches: SentPatch[];
  /** Patches sent but lost with the failed evaluation. */
  lost: number;
  /** The prelude's record of every message sent in the step (patches or not). */
  sends: SendRecord[];
  /** The exposed state after the step (the process's data; the envelope keys left out). */
  state: State;
  changed: boolean;
}

export interface Findings {
  steps: StepReport[];
  /** Diagnostics by the file they point into. */
  messages: Map<string, LintMessage[]>;
}

/** `mainFile`: where a finding with no known send goes (line 1). */
export function findingsOf(run: Run, mainFile: string): Findings {
  const messages = new Map<string, LintMessage[]>();
  const seen = new Set<string>();
  const report = (id: VerifyId, file: string | null, line: number | null, message: string) => {
    const where = file ?? mainFile;
    const key = `${id}\0${where}\0${line}\0${message.replace(/\(in [^)]*\)$/, '')}`;
    if (seen.has(key)) return;
    seen.add(key);
    const list = messages.get(where) ?? [];
    list.push({ ruleId: id, severity: VERIFY_IDS[id].severity, message, line: line ?? 1, column: 1 });
    messages.set(where, list);
  };
  const state: State = {};
  const steps: StepReport[] = [];
  for (const step of run.steps) {
    const before = JSON.stringify(state);
    const patches: SentPatch[] = [];
    const at = `(in ${step.label})`;
    if (step.failure !== null) {
      const failed = step.sends.find((s) => s.error !== undefined) ?? null;
      const bad = failed?.bad?.[0];
      const failure = `${encoderText(step.failure)}${bad ? ` (at '${shown(bad.path)}')` : ''}`;
      const place = failed ? siteOf(failed) : errorPlace(step.failure);
      const lost = step.sends.filter((s) => s.patch);
      report('verify/evaluation-failed', place.file, place.line, `The evaluation failed: ${clip(failure)}. aos dropped every message of it (${lost.length} patch${lost.length === 1 ? '' : 'es'} lost) ${at}`);
      for (const s of lost) {
        const site = siteOf(s);
        if (site.file === place.file && site.line === place.line) continue;
        report('verify/patch-lost', site.file, site.line, `This patch was lost: the evaluation failed after it was sent (${clip(failure)}) ${at}`);
      }
      steps.push({ kind: step.kind, label: step.label, failure: step.failure, patches, lost: lost.length, sends: step.sends, state: structuredClone(state), changed: false });
      continue;
    }
    const byReference = new Map(step.sends.map((s) => [s.reference, s]));
    for (const patch of patchesIn(step.messages)) {
      const record = patch.reference !== null ? byReference.get(patch.reference) ?? null : null;
      const site = record ? siteOf(record) : { file: null, line: null };
      patches.push({ ...site, stack: record?.stack ?? [], fields: patch.fields });
      if (step.kind === 'reload') {
        // At the load-time statement that led to the send (where a guard belongs), as the rule points.
        const top = record?.stack.at(-1) ?? null;
        const through = top && (top.file !== site.file || top.line !== site.line) ? ` (the send is at ${site.file}:${site.line})` : '';
        report('verify/resent-on-reload', top?.file ?? site.file, top?.line ?? site.line, `The second load sent this patch again${through}: every .load or Eval of the script re-sends it. Guard it with a global flag.`);
      }
      for (const note of record?.notes ?? []) {
        if (note.kind === 'function') report('verify/function-dropped', site.file, site.line, `The function at '${shown(note.path)}' was dropped by aos's encoder: that key is not sent ${at}`);
        else report('verify/number-changed', site.file, site.line, `'${shown(note.path)}' arrived as ${String(Number(note.sent))}, not ${note.value} (aos encodes numbers with %.14g): send tostring(...) ${at}`);
      }
      for (const problem of keyProblems(patch.fields)) report(problem.id, site.file, site.line, `${problem.message} ${at}`);
      for (const event of applyPatch(state, patch.fields)) {
        const message = eventMessage(event);
        if (message) report('verify/empty-table', site.file, site.line, `${message} ${at}`);
      }
    }
    const after = JSON.stringify(state);
    steps.push({ kind: step.kind, label: step.label, failure: null, patches, lost: 0, sends: step.sends, state: structuredClone(state), changed: after !== before });
  }
  for (const list of messages.values()) list.sort((a, b) => a.line - b.line || a.column - b.column);
  return { steps, messages };
}

function siteOf(record: SendRecord): { file: string | null; line: number | null } {
  return { file: record.file ?? null, line: record.line ?? null };
}

/** `process.lua:12: boom` → the file and line a Lua error names (its chunk name is the file's path). */
function errorPlace(error: string): { file: string | null; line: number | null } {
  const match = /([^\s:"[\]]+\.lua):(\d+):/.exec(error);
  return match ? { file: match[1]!, line: Number(match[2]) } : { file: null, line: null };
}

function eventMessage(event: ApplyEvent): string | null {
  if (event.kind !== 'empty') return null;
  const where = shown(`/${event.path.join('/')}`);
  return event.wiped
    ? `'${where}' arrived as [] (an empty Lua table) and wiped what was exposed there`
    : `'${where}' arrived as [] (an empty Lua table): it replaces whatever is exposed there`;
}

/** Why a reserved name does not serve the process's value (reserved-key's reasons, in words). */
const RESERVED_WHY: Record<NonNullable<ReturnType<typeof reservedReason>>, string> = {
  documented: 'the patch device documentation reserves that name',
  shadowed: 'a HyperBEAM device function answers that path instead of the value',
  runtime: 'the process rewrites that root key on every slot',
  envelope: 'aos or HyperBEAM write that root key with every message',
  redirect: 'that root key redirects where patches go',
  nestedDevice: 'a nested device key changes how HyperBEAM resolves the table',
  extension: 'that is a message extension name on current HyperBEAM nodes',
};

/** Upper-case keys and reserved names as the patch actually sent them, at every level. */
function keyProblems(fields: State): { id: VerifyId; message: string }[] {
  const out: { id: VerifyId; message: string }[] = [];
  const visit = (table: State, at: string[], level: 'root' | 'nested', firstLevel: boolean) => {
    for (const [key, value] of Object.entries(table)) {
      const here = [...at, key];
      const lower = foldKey(key);
      const isCache = level === 'root' && lower === 'cache';
      if (key !== lower && !isIdLength(Buffer.byteLength(key, 'utf8'))) {
        out.push({ id: 'verify/key-case', message: `Key '${shown(here.join('/'))}' was sent with upper-case letters: current HyperBEAM serves it only as written` });
      }
      const reserved = isCache ? null : reservedReason(lower, level, firstLevel);
      const trie = reserved === 'nestedDevice' && value === 'trie@1.0';
      if (reserved && !trie) out.push({ id: 'verify/reserved-key', message: `Key '${shown(here.join('/'))}' was sent, but ${RESERVED_WHY[reserved]}: rename it` });
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) visit(value, here, 'nested', isCache);
    }
  };
  visit(fields, [], 'root', true);
  return out;
}

function shown(path: string): string {
  return path.replace(/^\//, '');
}

/** `[string "json"]:149: unexpected number value '-nan'` → the encoder's own words, said to be its. */
export function encoderText(error: string): string {
  const match = /^\[string "json"\]:\d+: (.*)$/s.exec(error);
  return match ? `aos's JSON encoder: ${match[1]}` : error;
}

function clip(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 200 ? `${one.slice(0, 199)}…` : one;
}
