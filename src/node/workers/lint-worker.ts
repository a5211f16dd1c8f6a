// Entry point of a lint worker thread started by the Node API (bundled as dist/lint-worker.js);
// the CLI's workers run the same loop from the CLI's own build (pool.ts).
import { serveLintBatches } from './serve.js';

serveLintBatches();
