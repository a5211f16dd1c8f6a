// Formatters by name, each loaded only when asked for (start-up stays lean).
import type { Formatter } from './types.js';

export type { Formatter, FormatterContext } from './types.js';

export type FormatterName = 'stylish' | 'json' | 'sarif' | 'github' | 'compact';

const loaders: Record<FormatterName, () => Promise<{ default: Formatter }>> = {
  stylish: () => import('./stylish.js'),
  json: () => import('./json.js'),
  sarif: () => import('./sarif.js'),
  github: () => import('./github.js'),
  compact: () => import('./compact.js'),
};

export const FORMATTER_NAMES: string[] = Object.keys(loaders);

export async function loadFormatter(name: string): Promise<Formatter> {
  const load = Object.hasOwn(loaders, name) ? loaders[name as FormatterName] : undefined;
  if (!load) throw new Error(`unknown format '${name}' (expected one of: ${FORMATTER_NAMES.join(', ')})`);
  return (await load()).default;
}
