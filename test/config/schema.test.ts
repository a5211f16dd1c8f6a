// The shipped JSON Schema is generated from the registry; it must be current and must agree
// with the loader on what a valid config is.
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { configJsonSchema } from '../../src/config/json-schema.js';

const committed = JSON.parse(readFileSync('schema/patchlint.schema.json', 'utf8'));

describe('schema/patchlint.schema.json', () => {
  it('is up to date with the rule registry (run `node scripts/gen-schema.js`)', () => {
    expect(committed).toEqual(configJsonSchema(rules));
  });

  const validate = new Ajv({ strict: false }).compile(committed);
  it.each([
    [{ $schema: './node_modules/patchlint/schema/patchlint.schema.json', extends: 'direct-keys' }],
    [{ rules: { 'lowercase-key': ['error', { ignoreIds: false, allow: ['Foo'] }], 'nil-value': 'off', 'private-key': 1 } }],
    [{ overrides: [{ files: ['test/**'], rules: { 'guard-top-level-sync': 'off' } }], ignores: ['vendor/'] }],
  ])('accepts a valid config %#', (config) => {
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });
  it.each([
    [{ extends: 'strict' }],
    [{ rules: { 'lowercase-keys': 'warn' } }],
    [{ rules: { 'lowercase-key': ['error', { ignoreIds: 'yes' }] } }],
    [{ rules: { 'nil-value': 'warning' } }],
    [{ overrides: [{ rules: {} }] }],
    [{ rule: {} }],
  ])('rejects an invalid config %#', (config) => {
    expect(validate(config)).toBe(false);
  });
});
