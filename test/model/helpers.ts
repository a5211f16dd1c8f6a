// Lints process code the way users run patchlint (a preset, all rules on) and reduces each
// diagnostic to `rule-id line:column-endLine:endColumn`, so model tests assert exact places.
import { presetConfig, type PresetName } from '../../src/config/presets.js';
import { lintText } from '../../src/index.js';
import { buildModel, type ModelStats, type PatchModel } from '../../src/model/index.js';
import { parseLua } from '../../src/lua/parse.js';

export function lint(code: string, preset: PresetName = 'recommended'): string[] {
  const result = lintText(code, { filePath: 'process.lua', config: presetConfig(preset) });
  return result.messages.map((m) =>
    m.fatal ? `fatal ${m.line}:${m.column} ${m.message}` : `${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn}`,
  );
}

/** Full messages of one rule (to check what the user reads: key names, flag names). */
export function messagesOf(code: string, ruleId: string, preset: PresetName = 'recommended'): string[] {
  const result = lintText(code, { filePath: 'process.lua', config: presetConfig(preset) });
  return result.messages.filter((m) => m.ruleId === ruleId).map((m) => m.message);
}

export function model(code: string, stats?: ModelStats): PatchModel {
  const parsed = parseLua(code);
  if (!parsed.ok) throw new Error(`test code does not parse: ${parsed.message}`);
  return buildModel(parsed.ast, code, stats ? { stats } : {});
}

/** `line:column` of a UTF-16 offset in code (1-based), to compare model ranges with the source. */
export function at(code: string, offset: number): string {
  const before = code.slice(0, offset).split(/\r\n|\r|\n/);
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

/** Exposed cache keys of every patch, as `path@line:column` of where the key is reported. */
export function cacheKeys(code: string): string[] {
  const out: string[] = [];
  for (const patch of model(code).patches) {
    const cache = patch.root.entries.find((e) => e.key.text === 'cache');
    if (!cache || cache.value.kind !== 'table') continue;
    for (const e of cache.value.table.entries) out.push(`${e.key.text ?? '?'}@${at(code, e.key.range[0])}`);
  }
  return out;
}
