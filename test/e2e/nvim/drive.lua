-- Drives Neovim 0.7 (Debian bookworm) headless as an LSP client of
-- `node dist/server.js --stdio`: opens BR_FILE, waits for diagnostics, asks a
-- hover at BR_HOVER_LINE/BR_HOVER_COL (0-based line, byte column), asks the code
-- actions at the first diagnostic of rule BR_ACTION_RULE as a user would and
-- applies the one whose title contains BR_ACTION_TITLE; writes JSON to BR_OUT.
-- Run: timeout 60 nvim --headless -u NONE -i NONE -n -c 'luafile drive.lua'
-- A Lua error in headless mode would hang: everything runs under pcall and
-- ends with qa! (success) or cq! (failure).

local function env(name, default)
  local v = os.getenv(name)
  if v == nil or v == '' then return default end
  return v
end

local function main()
  local file = assert(env('BR_FILE'), 'BR_FILE')
  local out = assert(env('BR_OUT'), 'BR_OUT')
  local result = { diagnostics = {}, log = {} }

  local client_id = vim.lsp.start_client({
    name = 'bilingual-review',
    cmd = { env('BR_NODE', 'node'), assert(env('BR_SERVER'), 'BR_SERVER'), '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    init_options = { locale = env('BR_LOCALE', 'en') },
  })
  assert(client_id, 'start_client failed')

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'bilingual'
  assert(vim.lsp.buf_attach_client(buf, client_id), 'buf_attach_client failed')

  local want = tonumber(env('BR_EXPECT_COUNT', '1'))
  local ok = vim.wait(15000, function() return #vim.diagnostic.get(buf) >= want end, 50)
  result.waited_ok = ok
  -- a short settle so a second publish (slices) cannot add more afterwards
  vim.wait(300, function() return false end, 50)
  local client = vim.lsp.get_client_by_id(client_id)
  result.server_name = client and client.server_capabilities and client.initialized and 'initialized' or 'not initialized'

  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(result.diagnostics, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message,
      code = lsp.code or d.code,
    })
  end

  -- Hover at a byte position: make_position_params converts it to UTF-16.
  local hl, hc = tonumber(env('BR_HOVER_LINE', '-1')), tonumber(env('BR_HOVER_COL', '0'))
  if hl >= 0 then
    vim.api.nvim_win_set_cursor(0, { hl + 1, hc })
    local params = vim.lsp.util.make_position_params()
    result.hover_position = params.position
    local resp = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 5000)
    local texts = {}
    for _, r in pairs(resp or {}) do
      if r.result and r.result.contents then
        local c = r.result.contents
        table.insert(texts, type(c) == 'table' and (c.value or vim.fn.json_encode(c)) or tostring(c))
      end
      if r.err then table.insert(result.log, 'hover error: ' .. vim.inspect(r.err)) end
    end
    result.hover = table.concat(texts, '\n')
  end

  -- Code action the way a user asks for it: cursor on the finding, then
  -- vim.lsp.buf.code_action(), with vim.ui.select answered by the title wanted.
  local rule = env('BR_ACTION_RULE')
  if rule then
    local target
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == rule then target = d break end
    end
    assert(target, 'no diagnostic of rule ' .. rule)
    vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })
    local want_title = env('BR_ACTION_TITLE', '')
    local answered = false
    result.action_titles = {}
    vim.ui.select = function(items, _, on_choice)
      local pick
      for i, item in ipairs(items) do
        local action = item[2]
        table.insert(result.action_titles, action.title)
        if not pick and action.title:find(want_title, 1, true) then pick = i end
      end
      if pick then
        result.applied = items[pick][2].title
        on_choice(items[pick], pick)
      else
        on_choice(nil, nil)
      end
      answered = true
    end
    local notify = vim.notify
    vim.notify = function(msg, ...)
      table.insert(result.log, 'notify: ' .. tostring(msg))
      answered = true
      return notify(msg, ...)
    end
    vim.lsp.buf.code_action()
    result.action_answered = vim.wait(5000, function() return answered end, 50)
    vim.wait(200, function() return false end, 50)
    result.line_after = vim.api.nvim_buf_get_lines(buf, target.lnum, target.lnum + 1, false)[1]
  end

  -- The server's status for status lines that poll (bilingualReview/getStatus).
  if env('BR_STATUS') then
    local resp = vim.lsp.buf_request_sync(buf, 'bilingualReview/getStatus', { uri = vim.uri_from_bufnr(buf) }, 5000)
    for _, r in pairs(resp or {}) do
      if r.result ~= nil then result.status = r.result end
      if r.err then table.insert(result.log, 'getStatus error: ' .. vim.inspect(r.err)) end
    end
  end

  result.lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.lsp.stop_client(client_id)
  vim.wait(1000, function() return vim.lsp.client_is_stopped(client_id) end, 50)
end

local ok, err = pcall(main)
if ok then
  vim.cmd('qa!')
else
  io.stderr:write('drive.lua: ' .. tostring(err) .. '\n')
  vim.cmd('cq!')
end
