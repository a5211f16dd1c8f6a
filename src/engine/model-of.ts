// The patch model of one text outside a lint (for `--init` and `--print-paths`), built as the lint
// builds it: nothing past the size limit (a parse could take minutes), nothing for a text that
// cannot hold a patch message or does not parse.
import { parseLua } from '../lua/parse.js';
import { buildModel, mayHavePatchMessage, type KeyStyle, type ModuleLoader, type PatchModel } from '../model/index.js';
import { sizeOverLimit } from './lint-file.js';

export interface ModelOfOptions {
  keyStyle: KeyStyle;
  maxFileSize: number;
  modules?: ModuleLoader | null;
}

export function modelOf(text: string, filePath: string, { keyStyle, maxFileSize, modules = null }: ModelOfOptions): PatchModel | null {
  if (sizeOverLimit(text, maxFileSize) || !mayHavePatchMessage(text)) return null;
  const parsed = parseLua(text);
  if (!parsed.ok) return null;
  return buildModel(parsed.ast, text, { keyStyle, filePath, modules });
}
