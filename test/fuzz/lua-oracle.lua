-- Reference parser for luac-differential.test.ts: reads length-prefixed Lua chunks from stdin
-- ("<bytes>\n<chunk>") and prints one line per chunk: "ok" or "err <line> <message>".
-- load() only compiles (like `luac -p`); nothing is executed.
while true do
  local header = io.read('l')
  if not header then break end
  local chunk = io.read(tonumber(header)) or ''
  -- As luaL_loadfile (and so `luac -p` and `lua file.lua`): skip a BOM and a first line
  -- starting with '#', keeping the line count.
  chunk = chunk:gsub('^\239\187\191', '')
  if chunk:sub(1, 1) == '#' then chunk = '\n' .. (chunk:match('^[^\n]*\n(.*)$') or '') end
  local fn, err = load(chunk, '=input', 't')
  if fn then
    io.write('ok\n')
  else
    io.write('err ', (err:gsub('[\r\n]', ' ')), '\n')
  end
  io.flush()
end
