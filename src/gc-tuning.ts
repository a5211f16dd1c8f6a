// One V8 setting for the patchlint process (the CLI and the language server; never the Node
// API, which runs in someone else's process).
//
// Allocation-site pretenuring: when V8 sees that most objects from one allocation site survive
// a young-generation collection, it allocates the following ones directly in the old
// generation. Linting keeps each file's AST alive while the model walks it, so luaparse's node
// allocation sites soon look long-lived and every later AST goes straight to old space: it
// is then freed only by full collections (the heap grows to several hundred MB between them)
// and the young objects it points to are copied and promoted with it. Measured over the
// benchmark corpus on one thread (`node bench/profile-single.js lint bench/corpus/base`):
// 3.5 s → 2.9 s wall, 5.0 s → 4.0 s CPU, peak RSS 440 MB → 200 MB. V8 flags are per process,
// so worker threads get it too. Set before any file is read.
import { setFlagsFromString } from 'node:v8';

export function tuneGarbageCollection(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
