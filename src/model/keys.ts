// What a key of a patch message is, in one place: the fields that make a table a patch
// message, the device string, the envelope fields that are never data, `cache`, how every case
// rule folds case, which lengths are IDs, and how exposed paths are written.

// HyperBEAM treats a message as a patch only when `device` is exactly "patch@1.0" or `method`
// is exactly "PATCH" (dev_patch.erl). Near misses silently become ordinary outgoing messages.
export const PATCH_DEVICE = 'patch@1.0';
export const PATCH_METHOD = 'PATCH';

export type DeviceMatch = 'exact' | 'near-miss' | 'other';

const NEAR_MISS = /^~?patch(?:@\s*\d+(?:\.\d+)*)?$/i;

export function classifyDevice(text: string): DeviceMatch {
  if (text === PATCH_DEVICE) return 'exact';
  const squeezed = text.trim().replace(/\s+/g, '');
  return NEAR_MISS.test(squeezed) ? 'near-miss' : 'other';
}

/** `device` or `method`, in any case: a table with such a field may be a patch message. */
export function isPatchField(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'device' || lower === 'method';
}

/** Message fields that are envelope, never data (compared folded). */
const ENVELOPE = new Set(['device', 'method', 'target', 'data', 'anchor', 'tags']);

export function isEnvelopeKey(text: string): boolean {
  return ENVELOPE.has(foldKey(text));
}

/** `cache`, in any case. */
export function isCacheKey(text: string | null): boolean {
  return text !== null && foldKey(text) === 'cache';
}

/**
 * How every rule compares keys ignoring case (lowercase-key, duplicate-key-case, reserved-key,
 * private-key): JavaScript's full Unicode lower-casing, so `Über` folds to `über` for all.
 */
export function foldKey(text: string): string {
  return text.toLowerCase();
}

/** Process IDs and wallet addresses (32, 42 or 43 bytes): case-significant, read as written. */
export function isIdLength(bytes: number): boolean {
  return bytes === 32 || bytes === 42 || bytes === 43;
}

/** The exposed path below `parent` (`cache` + `score` → `cache/score`); null when either part is unknown. */
export function childPath(parent: string | null, segment: string | null): string | null {
  return parent === null || segment === null ? null : `${parent}/${segment}`;
}
