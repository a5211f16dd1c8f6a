// Formatters by name, each loaded only when asked for (start-up stays lean).
import type { Formatter } from './types.js';

export type { Formatter, FormatterContext } from './types.js';

const loaders: Record<string, () => Promise<{ default: Formatter }>> = {
  stylish: () => import('./stylish.js'),
  json: () => import('./json.js'),
};

export const FORMATTER_NAMES = Object.keys(loaders);

export async function loadFormatter(name: string): Promise<Formatter> {
  const load = loaders[name];
  if (!load) throw new Error(`unknown format '${name}' (expected one of: ${FORMATTER_NAMES.join(', ')})`);
  return (await load()).default;
}
