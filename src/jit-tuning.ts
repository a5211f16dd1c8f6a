// One V8 compiler setting for the patchlint process (the CLI and the language server; never the
// Node API, which runs in someone else's process).
//
// A lint run is short (seconds) and spends a large share of its CPU in TurboFan, V8's optimizing
// compiler, on background threads: the hot functions (luaparse's lexer and parser, the model's
// walk, the rules) are large, get inlined into each other, and are compiled several times as
// their type feedback grows (each worker thread compiles them all again, its own isolate shares
// no code). Measured with `perf record` over `node bin/patchlint.js bench/corpus/base`: about
// 1.0 s of CPU in TurboFan on one thread, 1.8 s with the worker thread. Halving the cumulative
// inlining budget (920 → 230 bytes of bytecode per optimized function) makes those compiles
// smaller without slowing the optimized code measurably: TurboFan CPU 1.0 → 0.75 s on one
// thread and 1.8 → 1.3 s with the worker; the whole process 5.8 → 5.4 s and 7.4 → 6.6 s of CPU
// (medians of 4–5 alternated runs on the shared 2-core machine). Smaller budgets (115, or no
// inlining at all) made the optimized code itself slower than they saved. V8 flags are per
// process, so worker threads get it too; the flag is read when a function is compiled, so
// setting it at start-up is enough.
import { setFlagsFromString } from 'node:v8';

export function tuneCompiler(): void {
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=230');
}
