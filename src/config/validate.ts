// Validates a rule's options against its `meta.schema` (the small JSON Schema subset of
// rules/kit.ts), once, when the config is loaded. Returns the first problem as a JSON path
// and what was expected, for the one-line config error.
import type { OptionSchema } from '../../rules/kit.js';

export interface ValidationProblem {
  /** JSON path below the options object, e.g. `.ignoreIds` or `.allow[2]`. */
  path: string;
  expected: string;
}

export function validateOptions(schema: OptionSchema, options: unknown): ValidationProblem | null {
  if (!isPlainObject(options)) return { path: '', expected: 'expected an object of options' };
  const names = Object.keys(schema.properties);
  for (const [name, value] of Object.entries(options)) {
    // Own keys only: an option named `constructor` or `__proto__` is unknown, not the prototype's.
    const property = Object.hasOwn(schema.properties, name) ? schema.properties[name] : undefined;
    const at = `.${name}`;
    if (!property) {
      const known = names.length === 0 ? 'this rule has no options' : `expected one of: ${names.join(', ')}`;
      return { path: at, expected: `unknown option (${known})` };
    }
    switch (property.type) {
      case 'boolean':
        if (typeof value !== 'boolean') return { path: at, expected: 'expected a boolean' };
        break;
      case 'string':
        if (typeof value !== 'string') return { path: at, expected: 'expected a string' };
        break;
      case 'integer':
        if (typeof value !== 'number' || !Number.isInteger(value)) return { path: at, expected: 'expected an integer' };
        if (property.minimum !== undefined && value < property.minimum) return { path: at, expected: `expected an integer of at least ${property.minimum}` };
        break;
      case 'array': {
        if (!Array.isArray(value)) return { path: at, expected: 'expected an array of strings' };
        const bad = value.findIndex((item) => typeof item !== 'string');
        if (bad >= 0) return { path: `${at}[${bad}]`, expected: 'expected a string' };
        break;
      }
    }
  }
  return null;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
