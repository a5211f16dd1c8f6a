// Our own declarations for the part of luaparse's AST we use (ranges: true, locations: false).
// @types/luaparse is wrong about `range`, `value` and `isLocal`, so we do not depend on it.

import type { Range } from '../shared/results.js';

export type { Range };

interface Base<T extends string> {
  type: T;
  range: Range;
}

export interface Identifier extends Base<'Identifier'> { name: string; isLocal?: boolean }
export interface StringLiteral extends Base<'StringLiteral'> { raw: string; value: string | null }
export interface NumericLiteral extends Base<'NumericLiteral'> { raw: string; value: number }
export interface BooleanLiteral extends Base<'BooleanLiteral'> { raw: string; value: boolean }
export interface NilLiteral extends Base<'NilLiteral'> { raw: string }
export interface VarargLiteral extends Base<'VarargLiteral'> { raw: string }
export interface TableKey extends Base<'TableKey'> { key: Expression; value: Expression }
export interface TableKeyString extends Base<'TableKeyString'> { key: Identifier; value: Expression }
export interface TableValue extends Base<'TableValue'> { value: Expression }
export type TableField = TableKey | TableKeyString | TableValue;
export interface TableConstructorExpression extends Base<'TableConstructorExpression'> { fields: TableField[] }
export interface BinaryExpression extends Base<'BinaryExpression'> { operator: string; left: Expression; right: Expression }
export interface LogicalExpression extends Base<'LogicalExpression'> { operator: 'and' | 'or'; left: Expression; right: Expression }
export interface UnaryExpression extends Base<'UnaryExpression'> { operator: string; argument: Expression }
export interface MemberExpression extends Base<'MemberExpression'> { indexer: '.' | ':'; identifier: Identifier; base: Expression }
export interface IndexExpression extends Base<'IndexExpression'> { base: Expression; index: Expression }
export interface CallExpression extends Base<'CallExpression'> { base: Expression; arguments: Expression[] }
export interface TableCallExpression extends Base<'TableCallExpression'> { base: Expression; arguments: TableConstructorExpression }
export interface StringCallExpression extends Base<'StringCallExpression'> { base: Expression; argument: StringLiteral }
export interface FunctionDeclaration extends Base<'FunctionDeclaration'> {
  identifier: Identifier | MemberExpression | null;
  isLocal: boolean;
  parameters: (Identifier | VarargLiteral)[];
  body: Statement[];
}

export type AnyCall = CallExpression | TableCallExpression | StringCallExpression;
export type Expression =
  | Identifier | StringLiteral | NumericLiteral | BooleanLiteral | NilLiteral | VarargLiteral
  | TableConstructorExpression | BinaryExpression | LogicalExpression | UnaryExpression
  | MemberExpression | IndexExpression | AnyCall | FunctionDeclaration;

export interface LocalStatement extends Base<'LocalStatement'> { variables: Identifier[]; init: Expression[] }
export interface AssignmentStatement extends Base<'AssignmentStatement'> { variables: Expression[]; init: Expression[] }
export interface CallStatement extends Base<'CallStatement'> { expression: AnyCall }
export interface IfClause extends Base<'IfClause'> { condition: Expression; body: Statement[] }
export interface ElseifClause extends Base<'ElseifClause'> { condition: Expression; body: Statement[] }
export interface ElseClause extends Base<'ElseClause'> { body: Statement[] }
export type Clause = IfClause | ElseifClause | ElseClause;
export interface IfStatement extends Base<'IfStatement'> { clauses: Clause[] }
export interface WhileStatement extends Base<'WhileStatement'> { condition: Expression; body: Statement[] }
export interface DoStatement extends Base<'DoStatement'> { body: Statement[] }
export interface RepeatStatement extends Base<'RepeatStatement'> { condition: Expression; body: Statement[] }
export interface ForNumericStatement extends Base<'ForNumericStatement'> {
  variable: Identifier; start: Expression; end: Expression; step: Expression | null; body: Statement[];
}
export interface ForGenericStatement extends Base<'ForGenericStatement'> { variables: Identifier[]; iterators: Expression[]; body: Statement[] }
export interface ReturnStatement extends Base<'ReturnStatement'> { arguments: Expression[] }
export interface BreakStatement extends Base<'BreakStatement'> {}
export interface GotoStatement extends Base<'GotoStatement'> { label: Identifier }
export interface LabelStatement extends Base<'LabelStatement'> { label: Identifier }

export type Statement =
  | LocalStatement | AssignmentStatement | CallStatement | FunctionDeclaration | IfStatement
  | WhileStatement | DoStatement | RepeatStatement | ForNumericStatement | ForGenericStatement
  | ReturnStatement | BreakStatement | GotoStatement | LabelStatement;

export interface Comment extends Base<'Comment'> { value: string; raw: string }
export interface Chunk extends Base<'Chunk'> { body: Statement[]; comments: Comment[] }

export type Node = Expression | Statement | Clause | TableField | Chunk | Comment;
