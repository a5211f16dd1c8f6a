// `--messages scenario.json`: the messages `--verify` sends after the two loads, in order.
// A list of `{ "action": "Transfer", "from"?: "<address>", "tags"?: { "Recipient": "..." },
// "data"?: "text or any JSON value" }` (docs/verify.md). `from` defaults to the process owner.
export interface ScenarioMessage {
  action: string;
  from?: string;
  tags?: Record<string, string>;
  data?: unknown;
}

/** The messages, or the one-line reason the file is not a scenario (naming the entry and key). */
export function parseScenario(text: string): ScenarioMessage[] | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { error: `not JSON: ${(error as Error).message}` };
  }
  if (!Array.isArray(value)) return { error: 'expected a list of messages ([{ "action": "..." }, ...])' };
  const out: ScenarioMessage[] = [];
  for (const [i, entry] of value.entries()) {
    const at = `message ${i + 1}`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return { error: `${at}: expected an object with "action"` };
    const m = entry as Record<string, unknown>;
    for (const key of Object.keys(m)) if (!['action', 'from', 'tags', 'data'].includes(key)) return { error: `${at}: unknown key "${key}" (expected action, from, tags, data)` };
    if (typeof m.action !== 'string' || m.action === '') return { error: `${at}: "action" must be a non-empty string` };
    if (m.from !== undefined && typeof m.from !== 'string') return { error: `${at}: "from" must be a string` };
    if (m.tags !== undefined) {
      if (m.tags === null || typeof m.tags !== 'object' || Array.isArray(m.tags)) return { error: `${at}: "tags" must be an object of strings` };
      for (const [name, v] of Object.entries(m.tags)) if (typeof v !== 'string') return { error: `${at}: tag "${name}" must be a string` };
    }
    out.push({ action: m.action, ...(m.from !== undefined ? { from: m.from as string } : {}), ...(m.tags !== undefined ? { tags: m.tags as Record<string, string> } : {}), ...(m.data !== undefined ? { data: m.data } : {}) });
  }
  return out;
}
