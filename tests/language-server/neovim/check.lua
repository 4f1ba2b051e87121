-- Headless Neovim 0.7 check: start the built tactful language server over stdio, attach the
-- current buffer, wait for the first diagnostics, print them as `line:col code message`
-- (1-based, columns in UTF-16 units like the library) and exit 0; exit 1 on timeout, 2 on error.
-- Run: nvim --headless -u NONE -i NONE -n -c "luafile check.lua" reply.txt
-- TACTFUL_SERVER_BIN overrides the server; TACTFUL_LANGUAGE sets the buffer's filetype.

local function fail(code, message)
  io.stderr:write(message .. '\n')
  vim.cmd('cquit ' .. code)
end

local function run()
  local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
  local root = vim.fn.fnamemodify(here, ':h:h:h')
  local bin = os.getenv('TACTFUL_SERVER_BIN') or (root .. '/packages/language-server/bin/tactful-language-server.js')
  local buf = vim.api.nvim_get_current_buf()
  -- Neovim calls plain text `text`; the settings below ask the server to lint it.
  vim.bo[buf].filetype = os.getenv('TACTFUL_LANGUAGE') or 'text'

  local published = false
  local client_id = vim.lsp.start_client({
    name = 'tactful',
    cmd = {'node', bin, '--stdio'},
    root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ':p:h'),
    settings = {tactful = {languages = {'text', 'markdown', 'mail'}}},
    -- Neovim 0.7 does not announce `workspace/configuration`; hand the settings over as it documents.
    on_init = function(client)
      client.notify('workspace/didChangeConfiguration', {settings = client.config.settings})
    end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
        if result and result.uri == vim.uri_from_bufnr(buf) then published = true end
      end,
    },
  })
  if not client_id then return fail(2, 'Could not start the language server: ' .. bin) end
  vim.lsp.buf_attach_client(buf, client_id)

  if not vim.wait(20000, function() return published end, 20) then
    return fail(1, 'Timed out waiting for diagnostics from ' .. bin)
  end

  local diagnostics = vim.diagnostic.get(buf)
  table.sort(diagnostics, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return a.col < b.col
  end)
  for _, diagnostic in ipairs(diagnostics) do
    -- Neovim keeps byte columns; count UTF-16 units to compare with the library.
    local text = vim.api.nvim_buf_get_lines(buf, diagnostic.lnum, diagnostic.lnum + 1, false)[1] or ''
    local _, utf16 = vim.str_utfindex(text, diagnostic.col)
    io.stdout:write(string.format('%d:%d %s %s\n', diagnostic.lnum + 1, utf16 + 1, diagnostic.code, diagnostic.message))
  end
  io.stdout:flush()
  vim.lsp.stop_client(client_id)
  vim.cmd('qall!')
end

local ok, err = pcall(run)
if not ok then fail(2, tostring(err)) end
