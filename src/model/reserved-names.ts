// Names HyperBEAM resolves itself instead of serving a process's value, by level: what the
// reserved-key rule reports and what `--verify` checks in the patches actually sent.
// Sources and the versions they come from: ../docs/rules/reserved-key.md, hyperbeam-semantics.

/** The user's document: never use these as keys (at the root and directly under cache). */
const DOCUMENTED = new Set(['now', 'compute', 'state', 'info', 'test']);
/**
 * Root keys (/compute/<k>) a device function answers instead of your value: process@1.0's
 * exports (old and new node versions together) and message@1.0's.
 */
const ROOT_FUNCTIONS = new Set([
  'compute', 'now', 'schedule', 'slot', 'push', 'snapshot', 'info', 'as', 'latest', 'process-id', 'as-process', 'ensure-process-key',
  'module-info', 'do-test-restore',
  'id', 'keys', 'set', 'set-path', 'remove', 'get', 'verify', 'commit', 'committed', 'committers', 'commitments', 'index', 'path', 'hashpath', 'set-mode',
]);
/** Root keys the process device rewrites or resets on every slot. */
const RUNTIME = new Set([
  'results', 'process', 'at-slot', 'device', 'initialized', 'execution-device', 'device-stack', 'scheduler-device', 'push-device',
  'scheduler', 'authority', 'module', 'image', 'input-prefix', 'output-prefixes',
]);
/** Root keys aos or HyperBEAM write with every patch message (its envelope). */
const ENVELOPE = new Set(['anchor', 'target', 'data', 'content-type', 'data-protocol', 'variant', 'type', 'reference', 'from-process', 'from-image']);
/** Root keys the patch device reads: they redirect this and all later patches. */
const REDIRECTS = new Set(['to', 'patch-to', 'from', 'patch-from']);
/** Keys of any nested map (/compute/cache/<k>) that message@1.0 answers instead of your value. */
const NESTED = new Set(['id', 'keys', 'set', 'set-path', 'remove', 'get', 'verify', 'commit', 'committed', 'committers', 'commitments', 'index', 'info', 'module-info', 'path']);
/** Message extensions (HyperBEAM 2026), at every level. */
const EXTENSIONS = new Set(['...', '...+link']);

/**
 * Why a key is reserved (the reserved-key rule's message id), or null. `level`: the root of the
 * state, or any table below it (cache included); `firstLevel`: at the root or directly under cache.
 */
export function reservedReason(lower: string, level: 'root' | 'nested', firstLevel: boolean): 'extension' | 'nestedDevice' | 'documented' | 'redirect' | 'shadowed' | 'runtime' | 'envelope' | null {
  if (EXTENSIONS.has(lower)) return 'extension';
  if (level !== 'root' && lower === 'device') return 'nestedDevice';
  if (!firstLevel) return null;
  if (DOCUMENTED.has(lower)) return 'documented';
  if (level === 'root') {
    if (REDIRECTS.has(lower)) return 'redirect';
    if (ROOT_FUNCTIONS.has(lower)) return 'shadowed';
    if (RUNTIME.has(lower)) return 'runtime';
    if (ENVELOPE.has(lower)) return 'envelope';
  } else if (NESTED.has(lower)) return 'shadowed';
  return null;
}

/** Root keys aos or HyperBEAM write with every patch message: never a process's data. */
export function isRootEnvelopeName(lower: string): boolean {
  return ENVELOPE.has(lower);
}
