-- Headless Neovim (Debian bookworm: 0.7.2) as a second, independent LSP client of the standalone server.
-- Usage (test/e2e/nvim.e2e.mjs sets these):
--   POLICY_FILE=/path/x.policy.txt POLICY_HOVER="line,character" [POLICY_WORKSPACE_QUERY=text] \
--     nvim --headless -n -i NONE -u test/e2e/nvim/check.lua
-- Starts `policy-lens-server --stdio` (found on PATH; POLICY_SERVER_CMD overrides, space-separated),
-- opens the file, asks for a hover and the document symbols, waits for diagnostics.
-- Prints one JSON object per line: {"kind":"hover"|"symbols"|"diagnostics"|"error", ...}; exits 0 on success.
local file = assert(os.getenv('POLICY_FILE'), 'POLICY_FILE not set')
local hover_at = os.getenv('POLICY_HOVER') or '0,0'
local cmd = vim.split(os.getenv('POLICY_SERVER_CMD') or 'policy-lens-server --stdio', ' ', { trimempty = true })

local function out(tbl) io.stdout:write(vim.fn.json_encode(tbl) .. '\n') end
local function fail(msg) out({ kind = 'error', message = msg }); vim.cmd('cquit 1') end

-- the filetype mapping the README tells users to add
vim.filetype.add({ pattern = { ['.*%.policy%.txt'] = 'policy', ['.*%.policy%.md'] = 'policy' } })
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
if vim.bo[bufnr].filetype ~= 'policy' then
  vim.bo[bufnr].filetype = 'policy' -- 0.7's filetype.lua is opt-in; set it by hand there
end
out({ kind = 'filetype', value = vim.bo[bufnr].filetype })

local diagnostics
local client_id = vim.lsp.start_client({
  name = 'policy-lens',
  cmd = cmd,
  root_dir = vim.fn.fnamemodify(file, ':p:h'),
  settings = { policyLens = { diagnostics = { debounceMs = 100 } } },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      if #result.diagnostics > 0 then diagnostics = result end
      return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
})
if not client_id then fail('start_client failed: ' .. table.concat(cmd, ' ')) end
vim.lsp.buf_attach_client(bufnr, client_id)

local ok = vim.wait(20000, function()
  local c = vim.lsp.get_client_by_id(client_id)
  return c ~= nil and c.initialized == true
end, 50)
if not ok then fail('server did not initialize in 20 s') end
out({ kind = 'server', name = vim.lsp.get_client_by_id(client_id).server_capabilities and 'initialized' })

local uri = vim.uri_from_bufnr(bufnr)
local l, ch = hover_at:match('(%d+),(%d+)')
local params = { textDocument = { uri = uri }, position = { line = tonumber(l), character = tonumber(ch) } }
local res, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 10000)
if not res then fail('hover: ' .. tostring(err)) end
for _, r in pairs(res) do
  local c = r.result and r.result.contents
  out({ kind = 'hover', position = params.position, value = c and (c.value or c) or vim.NIL, error = r.err })
end

res, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', { textDocument = { uri = uri } }, 10000)
if not res then fail('documentSymbol: ' .. tostring(err)) end
for _, r in pairs(res) do
  -- hierarchical DocumentSymbol[]: flatten in pre-order with the depth
  local symbols = {}
  local function walk(list, depth)
    for _, s in ipairs(list or {}) do
      table.insert(symbols, { depth = depth, name = s.name, line = (s.selectionRange or s.range or s.location.range).start.line })
      walk(s.children, depth + 1)
    end
  end
  walk(r.result, 1)
  out({ kind = 'symbols', symbols = symbols, error = r.err })
end

-- workspace symbols: headings of every policy file under root_dir, open or not
local query = os.getenv('POLICY_WORKSPACE_QUERY')
if query then
  res, err = vim.lsp.buf_request_sync(bufnr, 'workspace/symbol', { query = query }, 10000)
  if not res then fail('workspace/symbol: ' .. tostring(err)) end
  for _, r in pairs(res) do
    local found = {}
    for _, s in ipairs(r.result or {}) do
      table.insert(found, { name = s.name, file = vim.uri_to_fname(s.location.uri), uri = s.location.uri, line = s.location.range and s.location.range.start.line })
    end
    out({ kind = 'workspaceSymbols', query = query, symbols = found, error = r.err })
  end
end

-- token-based checks (slogan.repeated) come once the segmentation worker has loaded jieba
vim.wait(20000, function()
  if not diagnostics then return false end
  for _, d in ipairs(diagnostics.diagnostics) do if d.code == 'slogan.repeated' then return true end end
  return false
end, 50)
if not diagnostics then fail('no diagnostics within 20 s') end
local items = {}
for _, d in ipairs(diagnostics.diagnostics) do
  table.insert(items, { line = d.range.start.line, character = d.range.start.character, code = d.code, severity = d.severity, message = d.message })
end
out({ kind = 'diagnostics', items = items })

vim.lsp.stop_client(client_id)
vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
vim.cmd('qall!')
