// What Lua calls and expressions mean to the analysis, in one place: which calls send a message,
// which only read a table, which serialize a value to a string, which call another function
// (pcall/xpcall), and which expressions yield several values.
import type { Expression } from '../lua/ast.js';

/** `Send(m)`, `ao.send(m)`, `AO.send(m)`, `_G.ao.send(m)`, `table.insert(ao.outbox.Messages, m)`. */
export function isSendCall(callee: Expression, args: readonly Expression[]): boolean {
  if (callee.type === 'Identifier') return callee.name === 'Send';
  if (callee.type !== 'MemberExpression') return false;
  if (callee.identifier.name === 'send') return true;
  const target = args[0];
  return isTableInsert(callee) && target !== undefined && target.type === 'MemberExpression' && target.identifier.name === 'Messages' &&
    target.base.type === 'MemberExpression' && target.base.identifier.name === 'outbox';
}

/** `table.insert(...)`. */
export function isTableInsert(callee: Expression): boolean {
  return callee.type === 'MemberExpression' && callee.identifier.name === 'insert' && callee.base.type === 'Identifier' && callee.base.name === 'table';
}

/** Calls that read a table but never fill it: iterating or encoding one does not make it open. */
const READ_ONLY = new Set(['pairs', 'ipairs', 'next', 'type', 'tostring', 'print', 'unpack', 'select', 'rawlen']);
/** The same for module functions, by module (no `module.name` string built per call). */
const READ_ONLY_MEMBERS = new Map([['json', new Set(['encode'])], ['table', new Set(['unpack', 'concat'])], ['utils', new Set(['keys', 'values'])]]);

export function isReadOnlyCall(callee: Expression): boolean {
  if (callee.type === 'Identifier') return READ_ONLY.has(callee.name);
  return callee.type === 'MemberExpression' && callee.indexer === '.' && callee.base.type === 'Identifier' &&
    READ_ONLY_MEMBERS.get(callee.base.name)?.has(callee.identifier.name) === true;
}

/** Functions (or methods) whose result is a string: `json.encode(t)`, `tostring(n)`, `string.format(...)`. */
const SERIALIZERS = new Set(['encode', 'stringify', 'tostring', 'format', 'serialize']);

export function isSerializerCall(callee: Expression): boolean {
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? callee.identifier.name : '';
  return SERIALIZERS.has(name);
}

/**
 * How many arguments of a global `pcall`/`xpcall` come before the called function's own (0:
 * not one). `isGlobal` tells whether the callee name resolves to a global.
 */
export function protectedCallSkip(callee: Expression, isGlobal: boolean): number {
  if (callee.type !== 'Identifier' || !isGlobal) return 0;
  return callee.name === 'pcall' ? 1 : callee.name === 'xpcall' ? 2 : 0;
}

/** `math.huge`. */
export function isMathHuge(e: Expression): boolean {
  return e.type === 'MemberExpression' && e.identifier.name === 'huge' && e.base.type === 'Identifier' && e.base.name === 'math';
}

/** A call or `...` yields any number of values (as the last expression of a list). */
export function isMulti(e: Expression): boolean {
  return e.type === 'CallExpression' || e.type === 'TableCallExpression' || e.type === 'StringCallExpression' || e.type === 'VarargLiteral';
}

/** `a.b.c` → 'a.b.c'; null for anything else (an index, a call, a method). */
export function pathName(e: Expression): string | null {
  // A loop, not recursion: `a.b.b.b…` chains can be deeper than the JS stack.
  const names: string[] = [];
  let node = e;
  while (node.type === 'MemberExpression' && node.indexer === '.') {
    names.push(node.identifier.name);
    node = node.base;
  }
  if (node.type !== 'Identifier') return null;
  names.push(node.name);
  return names.reverse().join('.');
}

/** `ao.unset`: the removal sentinel of unreleased aos (nil on released versions). */
export function isAoUnset(e: Expression): boolean {
  return e.type === 'MemberExpression' && e.indexer === '.' && e.identifier.name === 'unset' && e.base.type === 'Identifier' && e.base.name === 'ao';
}

/** How a message names a called function: `getState`, `utils.getState`, `State:get`. */
export function calleeName(callee: Expression): string {
  if (callee.type === 'MemberExpression' && callee.indexer === ':') return `${pathName(callee.base) ?? '…'}:${callee.identifier.name}`;
  return pathName(callee) ?? 'a function';
}

/** `error(...)` or `assert(...)` (not `assert(true, ...)`): a call that may raise. */
export function raisesKind(callee: Expression, args: readonly Expression[]): 'error' | 'assert' | null {
  if (callee.type !== 'Identifier') return null;
  if (callee.name === 'error') return 'error';
  if (callee.name !== 'assert') return null;
  const condition = args[0];
  return condition !== undefined && condition.type === 'BooleanLiteral' && condition.value ? null : 'assert';
}

/** `require('name')` with a literal name: the name. */
export function requiredName(e: Expression | null): string | null {
  if (!e) return null;
  if (e.type === 'CallExpression' && e.base.type === 'Identifier' && e.base.name === 'require' && e.arguments.length >= 1 && e.arguments[0]!.type === 'StringLiteral') {
    return stringText(e.arguments[0]!.raw);
  }
  if (e.type === 'StringCallExpression' && e.base.type === 'Identifier' && e.base.name === 'require') return stringText(e.argument.raw);
  return null;
}

function stringText(raw: string): string | null {
  const quote = raw[0];
  if ((quote !== '"' && quote !== "'") || raw.includes('\\')) return null;
  return raw.slice(1, -1);
}

/**
 * A call that puts a message in the outbox for certain: the global `Send`, `ao.send`,
 * `AO.send`, `_G.ao.send`, `msg.reply`, `msg.forward`, `table.insert(ao.outbox.Messages, m)`.
 * (`client:send(...)` of an HTTP library is not one; a file-local `Send` is a wrapper.)
 */
export function isOutboxCall(callee: Expression, args: readonly Expression[]): boolean {
  if (callee.type === 'Identifier') return callee.name === 'Send';
  if (callee.type !== 'MemberExpression' || callee.indexer !== '.') return false;
  const name = callee.identifier.name;
  if (name === 'send') {
    const base = pathName(callee.base);
    return base === 'ao' || base === 'AO' || base === '_G.ao';
  }
  if (name === 'reply' || name === 'forward') return callee.base.type === 'Identifier';
  return isSendCall(callee, args) && name === 'insert';
}
