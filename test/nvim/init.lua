-- Headless Neovim (0.7.2+) as an LSP client of mx-doctor: attach the server to the file given on the
-- command line, wait until its diagnostics have settled, write them as JSON to $MX_DOCTOR_OUT, quit.
-- $MX_DOCTOR_CLI is the absolute path of packages/cli/bin/mx-doctor.js.
local out = os.getenv('MX_DOCTOR_OUT')
local cli = os.getenv('MX_DOCTOR_CLI')

vim.lsp.set_log_level(os.getenv('MX_DOCTOR_LSP_LOG') or 'warn')
local client_id = vim.lsp.start_client({
  name = 'mx-doctor',
  cmd = { 'node', cli, 'lsp', '--stdio' },
  root_dir = vim.fn.getcwd(),
  -- Neovim answers workspace/configuration from here (section "mxDoctor").
  settings = { mxDoctor = { liveChecks = false } },
})

local function finish(result)
  local file = io.open(out, 'w')
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qa!')
end

local function wait_for_diagnostics(bufnr)
local waited, last_count, stable = 0, -1, 0
local timer = vim.loop.new_timer()
timer:start(100, 100, vim.schedule_wrap(function()
  waited = waited + 100
  local diagnostics = vim.diagnostic.get(bufnr)
  if #diagnostics > 0 and #diagnostics == last_count then stable = stable + 1 else stable = 0 end
  last_count = #diagnostics
  if stable >= 5 or waited >= 20000 then
    timer:stop()
    local list = {}
    for _, d in ipairs(diagnostics) do
      local lsp = (d.user_data or {}).lsp or {}
      table.insert(list, {
        code = d.code or lsp.code,
        severity = d.severity,
        lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
        source = d.source,
        message = d.message,
      })
    end
    finish({ filetype = vim.bo[bufnr].filetype, timedOut = waited >= 20000, diagnostics = list })
  end
end))
end

-- init.lua runs before the file's buffer is loaded: attach once Neovim has entered.
vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local bufnr = vim.api.nvim_get_current_buf()
    vim.lsp.buf_attach_client(bufnr, client_id)
    wait_for_diagnostics(bufnr)
  end,
})
