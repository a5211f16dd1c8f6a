// The V8 settings of the patchlint process: the CLI and the language server, set by
// bin/patchlint.js before either build of the CLI is compiled (V8 rejects a code cache made
// under other flags; scripts/code-cache.cjs makes the cache through the same launcher code).
// Never set by the Node API, which runs in someone else's process. V8 flags are per process, so
// worker threads get them too. Measured effects: docs/performance.md ("What patchlint does to
// be fast").
'use strict';

const FLAGS = [
  // Allocation-site pretenuring: when most objects from one allocation site survive a
  // young-generation collection, V8 allocates the site's later objects directly in the old
  // generation. The model keeps each file's AST alive while it walks it, so luaparse's node
  // allocation sites soon look long-lived and every later AST goes straight to old space, freed
  // only by full collections (the heap grows to several hundred MB between them), with the young
  // objects it points to copied and promoted along. Off: on the bench corpus, one thread,
  // 5.0 → 4.0 s of CPU and 440 → 200 MB peak RSS.
  '--no-allocation-site-pretenuring',
  // TurboFan's cumulative inlining budget per optimized function (V8's default: 920 bytes of
  // bytecode). A run is short and compiling is a large share of it: luaparse, the model's walk
  // and the rules are big functions, inlined into each other and recompiled as their type
  // feedback grows (each worker thread compiles them all again). A quarter of the budget:
  // TurboFan CPU 1.0 → 0.75 s on one thread, 1.8 → 1.3 s with the worker, the optimized code no
  // slower; smaller budgets made the optimized code slower than they saved.
  '--max-inlined-bytecode-size-cumulative=230',
];

function setV8Flags() {
  const { setFlagsFromString } = require('node:v8');
  for (const flag of FLAGS) setFlagsFromString(flag);
}

module.exports = { FLAGS, setV8Flags };
