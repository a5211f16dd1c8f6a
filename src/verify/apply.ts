// What HyperBEAM's patch device does with the messages an evaluation sends (dev_patch.erl, see
// hyperbeam-semantics.md): a message is a patch when `device` is exactly 'patch@1.0' or
// `method` is exactly 'PATCH'; the whole message, minus `method`, `Tags` and `commitments`, is
// deep-merged into the root of the process state, keys kept with their case. A map merges into
// a map; a list (and `{}`, which aos sends as `[]`) or a scalar replaces what was there; the
// string '__ao-unset__' removes the key. The envelope aos and the node write with every message
// (anchor, data-protocol, reference, type, variant, target, data ...) lands in the root too:
// it is kept apart here, so the state shown is the process's own data.
import { isRootEnvelopeName } from '../model/reserved-names.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type State = { [key: string]: Json };

export const UNSET = '__ao-unset__';

/** A patch found in an outbox: its data keys and the aos reference that ties it to its send. */
export interface Patch {
  fields: State;
  reference: string | null;
}

/** Something applying a patch did that a reader would notice. */
export type ApplyEvent = { kind: 'empty'; path: string[]; wiped: boolean } | { kind: 'unset'; path: string[]; existed: boolean };

/** The patch messages of an outbox, in order. */
export function patchesIn(messages: readonly Record<string, unknown>[]): Patch[] {
  const out: Patch[] = [];
  for (const m of messages) {
    // aos turns a message's keys into Tags; a raw `table.insert(ao.outbox.Messages, t)` keeps them as keys.
    const fields: Record<string, unknown> = {};
    if (Array.isArray(m.Tags)) {
      for (const tag of m.Tags as { name?: unknown; value?: unknown }[]) if (typeof tag?.name === 'string') fields[tag.name] = tag.value;
    } else {
      for (const [k, v] of Object.entries(m)) fields[k] = v;
    }
    if (fields.device !== 'patch@1.0' && fields.method !== 'PATCH') continue;
    const data: State = {};
    for (const [k, v] of Object.entries(fields)) {
      const lower = k.toLowerCase();
      if (lower === 'device' || lower === 'method' || lower === 'commitments' || isRootEnvelopeName(lower)) continue;
      data[k] = v as Json;
    }
    out.push({ fields: data, reference: typeof fields.Reference === 'string' ? fields.Reference : null });
  }
  return out;
}

/** Merges a patch into the state (in place) as the patch device does. */
export function applyPatch(state: State, patch: State): ApplyEvent[] {
  const events: ApplyEvent[] = [];
  merge(state, patch, [], events);
  return events;
}

function merge(into: State, patch: State, at: string[], events: ApplyEvent[]): void {
  for (const [key, value] of Object.entries(patch)) {
    const here = [...at, key];
    const before = Object.hasOwn(into, key) ? into[key] : undefined;
    if (value === UNSET) {
      events.push({ kind: 'unset', path: here, existed: before !== undefined });
      delete into[key];
    } else if (isMap(value)) {
      const target: State = isMap(before) ? before : {};
      merge(target, value, here, events);
      into[key] = target;
    } else {
      if (Array.isArray(value) && value.length === 0) events.push({ kind: 'empty', path: here, wiped: hasContent(before) });
      into[key] = structuredClone(value);
    }
  }
}

function isMap(v: Json | undefined): v is State {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasContent(v: Json | undefined): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return isMap(v) && Object.keys(v).length > 0;
}
