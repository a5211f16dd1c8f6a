// Do two threads slow each other down on this machine? Runs the same loop alone, then on the
// main thread and a worker at once, twice: once allocating the way a parser does (small objects,
// most short-lived) and once pure arithmetic. Prints milliseconds; docs/dev/performance-notes.md
// says what they meant for the worker threads.
//
//   node bench/contention.js
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const LOOPS = {
  allocating() {
    let kept = [];
    let x = 0;
    for (let i = 0; i < 3e6; i++) {
      kept.push({ a: i, b: [i] });
      if (kept.length > 1e5) kept = [];
      x += i % 7;
    }
    return x;
  },
  arithmetic() {
    let x = 0;
    for (let i = 0; i < 1e8; i++) x = (x * 31 + i) % 1000003;
    return x;
  },
};

function time(kind) {
  const t = performance.now();
  LOOPS[kind]();
  return performance.now() - t;
}

if (isMainThread) {
  for (const kind of Object.keys(LOOPS)) {
    time(kind); // warm-up
    const alone = time(kind);
    const worker = new Worker(new URL(import.meta.url), { workerData: kind });
    await new Promise((ready) => worker.once('message', ready));
    worker.postMessage('go');
    const main = time(kind);
    const other = await new Promise((done) => worker.once('message', done));
    await worker.terminate();
    process.stdout.write(`${kind}: alone ${alone.toFixed(0)} ms; together: main ${main.toFixed(0)} ms, worker ${Number(other).toFixed(0)} ms\n`);
  }
} else {
  time(workerData);
  parentPort.postMessage('ready');
  parentPort.once('message', () => parentPort.postMessage(time(workerData)));
}
