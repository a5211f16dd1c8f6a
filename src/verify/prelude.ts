// The Lua that `--verify` evaluates in the process once, right after spawning it, before the
// script. It wraps `ao.send` (which `Send` and `msg.reply` call) to record, for every message
// sent: the file and line of the innermost user frame (files are loaded with `@path` chunk
// names, see bundle.ts), whether aos's JSON encoder would throw on it (the same encoder, under
// pcall: when it throws at the end of the evaluation every message is lost and ao-loader only
// says "Unexpected end of JSON input"), numbers that aos's `%.14g` encoding changes and
// functions the encoder silently drops from a map. The records survive a failed evaluation
// (Lua globals do) and are read back after each step by `__patchlint.report()`. When the
// encoder throws, the values it throws on are located (`bad`: each path with its error).
export const REPORT_MARKER = '@@patchlint-report@@';

export const PRELUDE = String.raw`
if __patchlint == nil then
  local json = require('json')
  local sends = {}
  -- The user frames on the stack, innermost first: the send itself, then the calls that led
  -- to it (a wrapper's caller, the load-time call of a helper).
  local function userFrames()
    local frames = {}
    for level = 3, 60 do
      local info = debug.getinfo(level, 'Sl')
      if not info then break end
      local source = info.source or ''
      if source:sub(1, 1) == '@' and info.currentline > 0 then frames[#frames + 1] = { file = source:sub(2), line = info.currentline } end
      if #frames >= 8 then break end
    end
    return frames
  end
  local function isList(t)
    local n = 0
    for _ in pairs(t) do n = n + 1 end
    return n > 0 and rawlen(t) == n
  end
  local function inspect(value, at, notes, seen, depth)
    local kind = type(value)
    if kind == 'number' then
      if value ~= value or value == math.huge or value == -math.huge then return end
      local sent = string.format('%.14g', value)
      local exact = math.type(value) == 'integer' and tostring(value) or string.format('%.17g', value)
      if tonumber(sent) ~= value then notes[#notes + 1] = { kind = 'number', path = at, value = exact, sent = sent } end
    elseif kind == 'table' then
      if seen[value] or depth > 32 or #notes > 200 then return end
      seen[value] = true
      local list = isList(value)
      for k, v in pairs(value) do
        local here = at .. '/' .. tostring(k)
        if type(v) == 'function' and not list then notes[#notes + 1] = { kind = 'function', path = here }
        else inspect(v, here, notes, seen, depth + 1) end
      end
      seen[value] = nil
    end
  end
  -- Which values make the encoder throw: the innermost table (or number) that fails alone.
  -- Functions are not tried alone: in a map the encoder drops them, in a list the list fails.
  local function locate(t, at, out, seen, depth)
    seen[t] = true
    local found = false
    for k, v in pairs(t) do
      local here = at .. '/' .. tostring(k)
      local kind = type(v)
      if kind == 'table' and seen[v] then
        found = true
        out[#out + 1] = { path = here, error = 'circular reference' }
      elseif kind == 'table' or kind == 'number' then
        local ok, err = pcall(json.encode, v)
        if not ok then
          found = true
          if kind ~= 'table' or depth > 32 or not locate(v, here, out, seen, depth + 1) then out[#out + 1] = { path = here, error = tostring(err) } end
        end
      end
    end
    seen[t] = nil
    return found
  end
  local send = ao.send
  ao.send = function(msg)
    local frames = userFrames()
    local record = { stack = frames, notes = {} }
    if frames[1] then record.file, record.line = frames[1].file, frames[1].line end
    if type(msg) == 'table' then
      record.patch = msg.device == 'patch@1.0' or msg.method == 'PATCH'
      local ok, err = pcall(json.encode, msg)
      if not ok then
        record.error = tostring(err)
        record.bad = {}
        locate(msg, '', record.bad, {}, 0)
      end
      inspect(msg, '', record.notes, {}, 0)
    end
    local result = send(msg)
    record.reference = tostring(ao.reference or '')
    sends[#sends + 1] = record
    return result
  end
  __patchlint = {
    load = function(text, name)
      local chunk, err = load(text, name)
      if not chunk then error(err, 0) end
      return chunk
    end,
    report = function()
      local out = sends
      sends = {}
      local ok, text = pcall(json.encode, { sends = out, version = require('.process')._version })
      print('${REPORT_MARKER}' .. (ok and text or json.encode({ sends = {}, error = tostring(text) })))
    end,
  }
end
`;
