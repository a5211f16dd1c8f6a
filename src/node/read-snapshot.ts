// The text each fixed result was computed from, so that --fix refuses to overwrite a file that
// changed on disk while patchlint ran (an editor saved it, a formatter rewrote it): writing
// the fix would silently throw that change away. Kept beside the results in a WeakMap, not in
// them, so results keep ESLint's shape.
const readTexts = new WeakMap<object, string>();

export function rememberReadText(result: object, text: string): void {
  readTexts.set(result, text);
}

/** The text the result's `output` was computed from; undefined for results made elsewhere. */
export function readTextOf(result: object): string | undefined {
  return readTexts.get(result);
}
