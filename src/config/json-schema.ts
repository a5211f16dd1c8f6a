// The JSON Schema of the config file, generated from the rule registry (scripts/gen-schema.js
// writes it to schema/patchlint.schema.json; a test fails when that file is stale). Editors
// use it through "$schema" for completion and checking; patchlint itself validates with load.ts.
import type { AnyRule } from '../../rules/kit.js';
import { PRESET_NAMES } from './presets.js';

export const SCHEMA_ID = 'https://unpkg.com/patchlint/schema/patchlint.schema.json';

export function configJsonSchema(rules: readonly AnyRule[]): Record<string, unknown> {
  const severity = { $ref: '#/definitions/severity' };
  const ruleProperties: Record<string, unknown> = {};
  for (const rule of rules) {
    const options = { ...rule.meta.schema, properties: withDefaults(rule) };
    ruleProperties[rule.meta.id] = {
      description: `${rule.meta.description} (default in recommended: ${rule.meta.defaultSeverity})`,
      oneOf: [
        severity,
        { type: 'array', items: [severity, options], minItems: 1, maxItems: 2, additionalItems: false },
      ],
    };
  }
  const rulesObject = { type: 'object', properties: ruleProperties, additionalProperties: false };
  const globs = { type: 'array', items: { type: 'string', minLength: 1, pattern: '^[^!]' } };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'patchlint configuration',
    description: 'patchlint.config.json, .patchlintrc.json, or the "patchlint" key of package.json. See docs/configuration.md.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      extends: { description: 'The preset the rules start from (default: recommended).', enum: [...PRESET_NAMES] },
      rules: { description: 'Rule settings, applied over the preset.', ...rulesObject },
      overrides: {
        description: 'Rule settings for some files; "files" globs are relative to the config file\'s folder. Later entries win.',
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files'],
          properties: { files: { ...globs, minItems: 1 }, rules: rulesObject },
        },
      },
      ignores: { description: 'Files and folders never linted; globs relative to the config file\'s folder.', ...globs },
      reportUnusedDisableDirectives: { description: 'Report patchlint-disable comments that suppress nothing.', type: 'boolean' },
    },
    definitions: {
      severity: { description: '"off" (0), "warn" (1) or "error" (2).', enum: ['off', 'warn', 'error', 0, 1, 2] },
    },
  };
}

function withDefaults(rule: AnyRule): Record<string, unknown> {
  const defaults = rule.meta.defaults as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(rule.meta.schema.properties)) out[name] = { ...property, default: defaults[name] };
  return out;
}
