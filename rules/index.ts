// The rule registry: every rule patchlint knows, in catalog order. Ids must be unique.
import type { AnyRule } from './kit.js';
import deviceName from './device-name.js';
import duplicateKeyCase from './duplicate-key-case.js';
import emptyTableValue from './empty-table-value.js';
import guardTopLevelSync from './guard-top-level-sync.js';
import lowercaseKey from './lowercase-key.js';
import nilValue from './nil-value.js';
import numberPrecision from './number-precision.js';
import patchLostOnError from './patch-lost-on-error.js';
import privateKey from './private-key.js';
import requireCache from './require-cache.js';
import reservedKey from './reserved-key.js';
import serializeComplexValue from './serialize-complex-value.js';
import unaddressableKey from './unaddressable-key.js';
import unencodableValue from './unencodable-value.js';
import unsetSentinel from './unset-sentinel.js';

export const rules: readonly AnyRule[] = [
  requireCache, lowercaseKey, reservedKey, serializeComplexValue, guardTopLevelSync,
  deviceName, duplicateKeyCase, unaddressableKey, privateKey, unencodableValue, emptyTableValue, nilValue, unsetSentinel,
  patchLostOnError, numberPrecision,
];

export const ruleById: ReadonlyMap<string, AnyRule> = new Map(rules.map((r) => [r.meta.id, r]));
if (ruleById.size !== rules.length) throw new Error('patchlint: duplicate rule id in the registry');
