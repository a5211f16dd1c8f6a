// HyperBEAM treats a message as a patch only when `device` is exactly "patch@1.0"
// (dev_patch.erl). Near misses silently become ordinary outgoing messages.
export const PATCH_DEVICE = 'patch@1.0';

export type DeviceMatch = 'exact' | 'near-miss' | 'other';

const NEAR_MISS = /^~?patch(?:@\s*\d+(?:\.\d+)*)?$/i;

export function classifyDevice(text: string): DeviceMatch {
  if (text === PATCH_DEVICE) return 'exact';
  const squeezed = text.trim().replace(/\s+/g, '');
  return NEAR_MISS.test(squeezed) ? 'near-miss' : 'other';
}
