// The one walk over a file's AST: scopes (scope.ts), what is recorded (recorder.ts), the
// traversal (walker.ts). Its result is the Facts of ../facts.ts.
export { collectFacts, isPatchCandidate } from './walker.js';
