// Only the entry point; the AST types are ours (src/lua-ast.ts).
declare module 'luaparse' {
  const luaparse: { parse(code: string, options: object): unknown };
  export default luaparse;
}
