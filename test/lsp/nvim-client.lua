-- Neovim 0.7 end-to-end client for test/lsp/nvim.test.ts. Starts `patchlint --lsp` with the
-- 0.7 API (vim.lsp.start_client + buf_attach_client), opens the fixture, waits for diagnostics,
-- applies the preferred code action of the lowercase-key diagnostic (requested as 0.7's code_action() does), and writes what Neovim
-- saw as JSON to $PATCHLINT_OUT. Any failure is written there too, so the test can show it.
local node, bin = os.getenv('PATCHLINT_NODE'), os.getenv('PATCHLINT_BIN')
local fixture, out = os.getenv('PATCHLINT_FIXTURE'), os.getenv('PATCHLINT_OUT')

local function finish(result)
  local file = assert(io.open(out, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(fixture))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'patchlint',
    cmd = { node, bin, '--lsp', '--stdio' },
    root_dir = vim.fn.fnamemodify(fixture, ':h'),
  })
  assert(client_id, 'the language server did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)
  if not vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20) then
    error('no diagnostics within 15 s')
  end

  local diagnostics = {}
  local lowercase
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(diagnostics, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, source = d.source, message = d.message,
      code = lsp.code, href = lsp.codeDescription and lsp.codeDescription.href,
    })
    if lsp.code == 'lowercase-key' then lowercase = d end
  end
  assert(lowercase, 'no lowercase-key diagnostic')

  -- What :lua vim.lsp.buf.code_action() sends in 0.7, with the cursor on the key.
  vim.api.nvim_win_set_cursor(0, { lowercase.lnum + 1, lowercase.col })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr) }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
  local titles, chosen = {}, nil
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      table.insert(titles, action.title)
      if action.isPreferred and action.title:find('lowercase-key', 1, true) then chosen = action end
    end
  end
  assert(chosen, 'no preferred lowercase-key code action among: ' .. table.concat(titles, '; '))
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')

  finish({ diagnostics = diagnostics, titles = titles, lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false) })
end)
if not ok then finish({ error = tostring(err) }) end
