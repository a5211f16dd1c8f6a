// Whether a path lies inside a folder: the one test behind "nothing leads out of the linted
// tree" (links found or named, modules that `require` reads).
import path from 'node:path';

export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
