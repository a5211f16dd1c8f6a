// The steps of a `--verify` run for a person (stylish): each step's patches and, when it
// changed, the exposed state after it as a tree of paths and values; and as data (JSON).
import pc from 'picocolors';
import { escapeForMessage } from '../shared/escape.js';
import type { State } from './apply.js';
import { encoderText, type StepReport } from './findings.js';

export interface VerifyHeader {
  file: string;
  aosVersion: string | null;
  scenario: string | null;
  milliseconds: number;
}

const VALUE_WIDTH = 70;

export function formatSteps(header: VerifyHeader, steps: readonly StepReport[], color: boolean): string {
  const c = pc.createColors(color);
  const out: string[] = [];
  const messages = steps.filter((s) => s.kind === 'message').length;
  out.push(`${c.bold(`Verified ${escapeForMessage(header.file, 10_000)}`)} in aos ${header.aosVersion ?? '(unknown version)'}, offline: load, re-load${messages > 0 ? `, ${messages} message${messages === 1 ? '' : 's'} from ${escapeForMessage(header.scenario ?? '', 10_000)}` : ''} (${(header.milliseconds / 1000).toFixed(2)} s)\n`);
  out.push(c.dim('Exposed state read at /<process-id>~process@1.0/compute/<path> (/now/<path> computes first)\n'));
  for (const step of steps) {
    const count = `${step.patches.length} patch${step.patches.length === 1 ? '' : 'es'}`;
    const status = step.failure !== null
      ? c.red(`failed: ${escapeForMessage(encoderText(step.failure), 160)}; ${step.lost} patch${step.lost === 1 ? '' : 'es'} lost`)
      : `${count}${step.patches.length > 0 ? ` from ${[...new Set(step.patches.map((p) => (p.file ? `${escapeForMessage(p.file, 10_000)}:${p.line}` : 'an outbox insert')))].join(', ')}` : ''}`;
    out.push(`\n${c.bold(step.label)}: ${status}\n`);
    if (step.failure === null && step.changed) out.push(tree(step.state, '  ', c));
    else if (step.failure === null && step.patches.length > 0) out.push(c.dim('  state unchanged\n'));
  }
  return out.join('');
}

function tree(state: State, indent: string, c: ReturnType<typeof pc.createColors>): string {
  const lines: string[] = [];
  const visit = (table: State, prefix: string) => {
    const keys = Object.keys(table).sort();
    keys.forEach((key, i) => {
      const last = i === keys.length - 1;
      const value = table[key]!;
      const name = escapeForMessage(key, 200);
      const isMap = typeof value === 'object' && value !== null && !Array.isArray(value);
      lines.push(`${indent}${c.dim(`${prefix}${last ? '└─ ' : '├─ '}`)}${name}${isMap ? '' : ` = ${c.cyan(escapeForMessage(JSON.stringify(value), VALUE_WIDTH))}`}\n`);
      if (isMap) visit(value, `${prefix}${last ? '   ' : '│  '}`);
    });
  };
  if (Object.keys(state).length === 0) return `${indent}${c.dim('(nothing exposed)')}\n`;
  visit(state, '');
  return lines.join('');
}
