// How a text's patch messages expose state, for `patchlint --init`: each message sends a
// `cache` table (read at /compute/cache/<key>) or puts data keys at its root (read at
// /compute/<key>, the direct-keys style). A text that does not parse has none.
import { lineStarts, positionAt } from '../shared/positions.js';
import { DEFAULT_MAX_FILE_SIZE } from '../shared/results.js';
import { modelOf } from './model-of.js';

export interface PatchStyles {
  /** Lines of the messages that send a cache table. */
  cache: number[];
  /** Lines of the messages with data keys at the root and no cache table. */
  root: number[];
}

export function patchStyles(text: string, filePath: string): PatchStyles {
  const styles: PatchStyles = { cache: [], root: [] };
  const model = modelOf(text, filePath, { keyStyle: 'cache', maxFileSize: DEFAULT_MAX_FILE_SIZE });
  if (!model) return styles;
  const starts = lineStarts(text);
  for (const patch of model.patches) {
    const line = positionAt(starts, patch.range[0]).line;
    if (patch.cache) styles.cache.push(line);
    else if (model.entries.some((e) => e.patch === patch && e.level === 'root' && !e.isCache)) styles.root.push(line);
  }
  return styles;
}
