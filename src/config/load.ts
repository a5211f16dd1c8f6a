// Finds and reads the config file (JSON only: a config never runs code) and validates it
// completely before anything is linted. Every problem is one line:
// `<file>: <json path>: <what was expected>`.
import { readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { ruleById } from '../../rules/index.js';
import { escapeForMessage } from '../shared/escape.js';
import type { Severity } from '../shared/results.js';
import { PRESET_NAMES, type PresetName } from './presets.js';
import { globProblem } from './glob.js';
import { JsonSyntaxError, parseJson } from './json-parse.js';
import { closestMatch } from '../shared/closest.js';
import { isPlainObject, validateOptions } from './validate.js';

export const CONFIG_FILE_NAMES = ['patchlint.config.json', '.patchlintrc.json', 'package.json'] as const;

/** One rule's setting as written; `options` absent means "keep the options set before". */
export interface RuleEntry {
  severity: Severity;
  options?: Record<string, unknown>;
}

export interface ConfigOverride {
  files: string[];
  rules: Record<string, RuleEntry>;
}

export interface ConfigFile {
  /** Absolute path of the file, or null when no config file is used. */
  filePath: string | null;
  /** Folder that `overrides[].files` and `ignores` are relative to. */
  baseDir: string;
  extends: PresetName;
  rules: Record<string, RuleEntry>;
  overrides: ConfigOverride[];
  ignores: string[];
  reportUnusedDisableDirectives?: boolean;
}

/** A broken config: the message is the whole line after `patchlint: ` (control characters escaped). */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(message: string) {
    super(escapeForMessage(message, 1000));
  }
}

/** Where a value sits, and what should have been there. */
class ShapeError extends Error {
  constructor(readonly jsonPath: string, readonly expected: string) {
    super(expected);
  }
}

const TOP_LEVEL_KEYS = ['$schema', 'extends', 'rules', 'overrides', 'ignores', 'reportUnusedDisableDirectives'];
const SEVERITIES: Record<string, Severity> = { off: 0, warn: 1, error: 2, '0': 0, '1': 1, '2': 2 };
const SEVERITY_EXPECTED = 'expected a severity: "off", "warn", "error" (or 0, 1, 2)';

export function emptyConfig(baseDir: string): ConfigFile {
  return { filePath: null, baseDir, extends: 'recommended', rules: {}, overrides: [], ignores: [] };
}

/** The first config file from `startDir` upward, or null. A package.json counts only with a "patchlint" key. */
export function findConfigFile(startDir: string): string | null {
  let dir = path.resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      let stat: Stats;
      try {
        stat = statSync(candidate);
      } catch {
        continue;
      }
      // A FIFO would block the read forever, a device never end it: loadConfigFile says so.
      if (!stat.isFile()) return candidate;
      let text: string;
      try {
        text = readFileSync(candidate, 'utf8');
      } catch {
        continue;
      }
      if (name !== 'package.json') return candidate;
      // A package.json is a config only with an own top-level "patchlint" key (a dependency
      // named patchlint is not one); one that npm could not read is reported.
      if (text.includes('"patchlint"')) {
        try {
          const pkg: unknown = JSON.parse(text);
          if (isPlainObject(pkg) && Object.hasOwn(pkg, 'patchlint')) return candidate;
        } catch {
          return candidate;
        }
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Reads and validates one config file. `cwd` only shortens the file name in messages. */
export function loadConfigFile(filePath: string, cwd: string): ConfigFile {
  const absolute = path.resolve(cwd, filePath);
  const shown = displayPath(absolute, cwd);
  let text: string;
  try {
    const stat = statSync(absolute);
    if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (!stat.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'NOTFILE' });
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'NOTFILE' ? 'not a regular file' : code === 'EACCES' ? 'permission denied' : code ?? 'unknown error';
    throw new ConfigError(`${shown}: cannot read the config file (${why})`);
  }
  const inPackage = path.basename(absolute) === 'package.json';
  let json: unknown;
  try {
    // package.json: npm lets a duplicate key pass (the last wins); only the "patchlint" value is
    // ours to parse strictly.
    json = inPackage ? packageConfig(text) : parseJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new ConfigError(`${shown}:${error.line}:${error.column}: invalid JSON: ${error.message}`);
    throw error;
  }
  let prefix = '';
  if (inPackage) {
    if (!isPlainObject(json) || !Object.prototype.hasOwnProperty.call(json, 'patchlint')) {
      throw new ConfigError(`${shown}: patchlint: expected a "patchlint" key holding the configuration`);
    }
    json = json.patchlint;
    prefix = 'patchlint';
  }
  try {
    return { ...readShape(json, prefix), filePath: absolute, baseDir: path.dirname(absolute) };
  } catch (error) {
    if (error instanceof ShapeError) throw new ConfigError(`${shown}: ${error.jsonPath || '(root)'}: ${error.expected}`);
    throw error;
  }
}

/**
 * The package.json with its "patchlint" value parsed strictly (duplicate keys, positions) and
 * the rest as npm reads it (JSON.parse: a duplicate key elsewhere is no error of ours).
 */
function packageConfig(text: string): unknown {
  let pkg: unknown;
  try {
    pkg = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return parseJson(text); // says where it is broken
  }
  if (!isPlainObject(pkg) || !Object.hasOwn(pkg, 'patchlint')) return pkg;
  // The strict parse runs on the whole text, reporting only what lies inside the "patchlint" value.
  try {
    parseJson(text, { strictBelow: 'patchlint' });
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw error;
  }
  return pkg;
}

function readShape(json: unknown, at: string): Omit<ConfigFile, 'filePath' | 'baseDir'> {
  if (!isPlainObject(json)) throw new ShapeError(at, 'expected an object');
  for (const key of Object.keys(json)) {
    if (!TOP_LEVEL_KEYS.includes(key)) throw new ShapeError(join(at, key), `unknown property (expected one of: ${TOP_LEVEL_KEYS.join(', ')})`);
  }
  const config: Omit<ConfigFile, 'filePath' | 'baseDir'> = { extends: 'recommended', rules: {}, overrides: [], ignores: [] };
  if (json.$schema !== undefined && typeof json.$schema !== 'string') throw new ShapeError(join(at, '$schema'), 'expected a string');
  if (json.extends !== undefined) {
    if (typeof json.extends !== 'string' || !(PRESET_NAMES as readonly string[]).includes(json.extends)) {
      throw new ShapeError(join(at, 'extends'), `expected one of ${PRESET_NAMES.map((p) => `"${p}"`).join(', ')}`);
    }
    config.extends = json.extends as PresetName;
  }
  if (json.rules !== undefined) config.rules = readRules(json.rules, join(at, 'rules'));
  if (json.overrides !== undefined) {
    if (!Array.isArray(json.overrides)) throw new ShapeError(join(at, 'overrides'), 'expected an array of { "files": [...], "rules": {...} }');
    config.overrides = json.overrides.map((o, i) => readOverride(o, `${join(at, 'overrides')}[${i}]`));
  }
  if (json.ignores !== undefined) config.ignores = readGlobs(json.ignores, join(at, 'ignores'), true);
  if (json.reportUnusedDisableDirectives !== undefined) {
    if (typeof json.reportUnusedDisableDirectives !== 'boolean') throw new ShapeError(join(at, 'reportUnusedDisableDirectives'), 'expected a boolean');
    config.reportUnusedDisableDirectives = json.reportUnusedDisableDirectives;
  }
  return config;
}

function readOverride(value: unknown, at: string): ConfigOverride {
  if (!isPlainObject(value)) throw new ShapeError(at, 'expected an object { "files": [...], "rules": {...} }');
  for (const key of Object.keys(value)) {
    if (key !== 'files' && key !== 'rules') throw new ShapeError(join(at, key), 'unknown property (expected one of: files, rules)');
  }
  if (value.files === undefined) throw new ShapeError(join(at, 'files'), 'expected an array of globs (missing)');
  return { files: readGlobs(value.files, join(at, 'files'), false), rules: value.rules === undefined ? {} : readRules(value.rules, join(at, 'rules')) };
}

function readGlobs(value: unknown, at: string, allowEmpty: boolean): string[] {
  if (!Array.isArray(value) || (!allowEmpty && value.length === 0)) throw new ShapeError(at, `expected ${allowEmpty ? 'an' : 'a non-empty'} array of glob strings`);
  value.forEach((glob, i) => {
    if (typeof glob !== 'string' || glob.trim() === '') throw new ShapeError(`${at}[${i}]`, 'expected a non-empty glob string');
    if (glob.startsWith('!')) throw new ShapeError(`${at}[${i}]`, 'expected a glob without "!" (negated patterns are not supported)');
    const problem = globProblem(glob);
    if (problem) throw new ShapeError(`${at}[${i}]`, problem);
  });
  return value as string[];
}

function readRules(value: unknown, at: string): Record<string, RuleEntry> {
  if (!isPlainObject(value)) throw new ShapeError(at, 'expected an object of rule settings ({ "<rule-id>": "off" | "warn" | "error" | [severity, options] })');
  const out: Record<string, RuleEntry> = {};
  for (const [id, setting] of Object.entries(value)) out[id] = readRuleSetting(id, setting, join(at, id));
  return out;
}

/** `"warn"`, `2`, `["error"]` or `["error", { options }]` for rule `id`; throws a ShapeError. */
function readRuleSetting(id: string, value: unknown, at: string): RuleEntry {
  const rule = ruleById.get(id);
  if (!rule) {
    const near = closestMatch(id, ruleById.keys());
    throw new ShapeError(at, `unknown rule '${id}'${near ? ` (did you mean '${near}'?)` : ''}`);
  }
  if (!Array.isArray(value)) return { severity: readSeverity(value, at) };
  if (value.length === 0 || value.length > 2) throw new ShapeError(at, 'expected [severity] or [severity, { options }]');
  const severity = readSeverity(value[0], `${at}[0]`);
  if (value.length === 1) return { severity };
  const problem = validateOptions(rule.meta.schema, value[1]);
  if (problem) throw new ShapeError(`${at}[1]${problem.path}`, problem.expected);
  return { severity, options: value[1] as Record<string, unknown> };
}

function readSeverity(value: unknown, at: string): Severity {
  // Own keys only: `constructor` or `toString` must not be found on the prototype.
  const severity = (typeof value === 'string' || typeof value === 'number') && Object.hasOwn(SEVERITIES, String(value)) ? SEVERITIES[String(value)] : undefined;
  if (severity === undefined) throw new ShapeError(at, SEVERITY_EXPECTED);
  return severity;
}

/**
 * Parses one `--rule` argument: `id: severity` or `id: ["error", { ... }]` (JSON, as ESLint).
 * Throws a ConfigError naming the argument.
 */
export function parseRuleFlag(text: string): { id: string; entry: RuleEntry } {
  const colon = text.indexOf(':');
  const shown = `--rule '${text}'`;
  if (colon < 0) throw new ConfigError(`${shown}: expected 'rule-id: severity' or 'rule-id: ["error", { options }]'`);
  const id = text.slice(0, colon).trim();
  const rest = text.slice(colon + 1).trim();
  let value: unknown = rest;
  if (rest.startsWith('[')) {
    try {
      value = parseJson(rest);
    } catch (error) {
      if (error instanceof JsonSyntaxError) throw new ConfigError(`${shown}: invalid JSON at column ${error.column}: ${error.message}`);
      throw error;
    }
  }
  try {
    return { id, entry: readRuleSetting(id, value, id) };
  } catch (error) {
    if (error instanceof ShapeError) throw new ConfigError(`${shown}: ${error.jsonPath}: ${error.expected}`);
    throw error;
  }
}

function join(at: string, key: string): string {
  const segment = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
  if (!at) return segment.startsWith('"') ? `[${segment}]` : segment;
  return segment.startsWith('"') ? `${at}[${segment}]` : `${at}.${segment}`;
}

function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
}
