// The three presets of rules.md. Options always start from each rule's own defaults.
import { rules } from '../../rules/index.js';
import type { ResolvedConfig, Severity } from '../shared/results.js';

export type PresetName = 'recommended' | 'direct-keys' | 'all';
export const PRESET_NAMES: readonly PresetName[] = ['recommended', 'direct-keys', 'all'];

const SEVERITY: Record<string, Severity> = { off: 0, warn: 1, error: 2 };

export function presetConfig(name: PresetName): ResolvedConfig {
  const config: ResolvedConfig = { rules: {} };
  for (const rule of rules) {
    let severity = SEVERITY[rule.meta.defaultSeverity]!;
    if (name === 'all') severity = 2;
    if (name === 'direct-keys' && (rule.meta.id === 'require-cache' || rule.meta.id === 'serialize-complex-value')) severity = 0;
    config.rules[rule.meta.id] = { severity, options: { ...(rule.meta.defaults as object) } };
  }
  return config;
}
