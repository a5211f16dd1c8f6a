// Modules loaded with `require`, read for analysis: which function `utils.getState()` runs
// when `utils` is `require('.common.utils')` (or a global that such a module defines), and what
// it returns. The files come from a ModuleSource that the file-system layer provides (aos
// `.load` resolution, never outside the project); here each is parsed and analysed once per run.
import type { Expression, Identifier } from '../lua/ast.js';
import { parseLua } from '../lua/parse.js';
import { Evaluator, type CallTarget } from './evaluate.js';
import { bindingOf, type Binding, type Facts, type FunctionInfo } from './facts.js';
import { requiredName } from './lua-calls.js';
import type { ModuleFile } from './types.js';
import { collectFacts } from './walk/index.js';
import { Wrappers } from './wrappers.js';

/** The file `require(name)` loads from a file, or null when there is none in the project. */
export type ModuleSource = (name: string, fromFile: string) => ModuleFile | null;

/** One analysed file (the linted one, or a module): its facts, its functions, an evaluator over its text. */
export class Analysis {
  readonly ev: Evaluator;
  readonly wrappers: Wrappers;
  /** The modules whose functions this file's calls were followed into. */
  private readonly used = new Set<Analysis>();

  /** `isModule`: the file is a module read for analysis (its shapes carry it), not the linted file. */
  constructor(readonly file: ModuleFile, readonly facts: Facts, private readonly loader: ModuleLoader | null, isModule: boolean) {
    this.wrappers = new Wrappers(facts);
    this.ev = new Evaluator(facts, file.text, { module: isModule ? file : null, callTarget: (callee) => this.callTarget(callee) });
  }

  /** Which function a call in this file runs: one of its own, or one of a module it requires. */
  private callTarget(callee: Expression): ReturnType<CallTarget> {
    const own = this.wrappers.calleeFunction(callee);
    if (own) return { fn: own, ev: this.ev };
    const found = this.moduleFunction(callee);
    if (!found) return null;
    this.used.add(found.analysis);
    return { fn: found.fn, ev: found.analysis.ev };
  }

  /** Every module file whose text the analysis of this file read (what a cached result depends on). */
  dependencies(): ModuleFile[] {
    const seen = new Set<Analysis>();
    const stack = [...this.used];
    while (stack.length > 0) {
      const a = stack.pop()!;
      if (seen.has(a)) continue;
      seen.add(a);
      stack.push(...a.used);
    }
    return [...seen].map((a) => a.file).sort((x, y) => (x.filePath < y.filePath ? -1 : 1));
  }

  /** `m.f` with `local m = require('x')`, or `G.f` with G a global table defined by a required module. */
  private moduleFunction(callee: Expression): { fn: FunctionInfo; analysis: Analysis } | null {
    if (!this.loader || callee.type !== 'MemberExpression' || callee.indexer !== '.') return null;
    const names: string[] = [];
    let node: Expression = callee;
    for (; node.type === 'MemberExpression' && node.indexer === '.'; node = node.base) names.push(node.identifier.name);
    if (node.type !== 'Identifier') return null;
    names.reverse();
    const b = bindingOf(node as Identifier);
    if (!b) return null;
    const name = b.assignments.length === 1 ? requiredName(b.assignments[0]!.value) : null;
    if (name !== null) {
      const module = this.loader.load(name, this.file.filePath);
      const fn = module?.exported(names) ?? null;
      return fn ? { fn, analysis: module! } : null;
    }
    // A global this file never assigns, which a required module defines (aos-style modules).
    if (b.kind !== 'global' || b.assignments.length > 0 || b.writes.length > 0) return null;
    for (const module of this.required()) {
      const g = module.facts.globals.get(b.name);
      const fn = g ? module.wrappers.memberFunction(g, names) : null;
      if (fn) return { fn, analysis: module };
    }
    return null;
  }

  /** The function a module's `return` exports at `names` (`return M` with `function M.get()`, or `return { get = get }`). */
  exported(names: readonly string[]): FunctionInfo | null {
    const body = this.facts.chunk.body;
    const last = body[body.length - 1];
    const value = last?.type === 'ReturnStatement' ? last.arguments[0] : undefined;
    if (!value) return null;
    if (value.type === 'Identifier') {
      const b = bindingOf(value);
      return b ? this.wrappers.memberFunction(b, names) : null;
    }
    if (value.type !== 'TableConstructorExpression' || names.length !== 1) return null;
    for (const f of value.fields) {
      if (f.type !== 'TableKeyString' || f.key.name !== names[0]) continue;
      if (f.value.type === 'FunctionDeclaration') return this.facts.functionOf.get(f.value) ?? null;
      if (f.value.type === 'Identifier') {
        const b: Binding | undefined = bindingOf(f.value);
        return b ? this.wrappers.functionOf(b) : null;
      }
    }
    return null;
  }

  private requiredList: Analysis[] | null = null;

  /** The modules this file requires anywhere, in order of their calls. */
  private required(): Analysis[] {
    if (this.requiredList) return this.requiredList;
    this.requiredList = [];
    for (const call of this.facts.calls) {
      const name = requiredName(call.node);
      const module = name !== null ? this.loader!.load(name, this.file.filePath) : null;
      if (module && !this.requiredList.includes(module)) this.requiredList.push(module);
    }
    return this.requiredList;
  }
}

/** Analyses each module file once per run, whichever linted files require it. */
export class ModuleLoader {
  private readonly byPath = new Map<string, Analysis | null>();
  private readonly byRequest = new Map<string, Analysis | null>();

  constructor(private readonly source: ModuleSource) {}

  load(name: string, fromFile: string): Analysis | null {
    const request = `${fromFile}\0${name}`;
    if (this.byRequest.has(request)) return this.byRequest.get(request)!;
    // Marked first: a module that requires itself (directly or not) ends here.
    this.byRequest.set(request, null);
    const file = this.source(name, fromFile);
    let analysis: Analysis | null = null;
    if (file && file.filePath !== fromFile) {
      if (this.byPath.has(file.filePath)) analysis = this.byPath.get(file.filePath)!;
      else {
        this.byPath.set(file.filePath, null);
        const parsed = parseLua(file.text);
        analysis = parsed.ok ? new Analysis(file, collectFacts(parsed.ast), this, true) : null;
        this.byPath.set(file.filePath, analysis);
      }
    }
    this.byRequest.set(request, analysis);
    return analysis;
  }
}
