// Only the entry point; the AST types are ours (ast.ts).
declare module 'luaparse' {
  const luaparse: { parse(code: string, options: object): unknown };
  export default luaparse;
}
