-- Neovim's own LSP client (0.7) against `burn-dragon-schema lsp --stdio`, headless:
--   nvim --headless --clean -u NONE -c "luafile neovim.lua"
-- SPEC names a JSON file: the server's command, the chain's files and texts, and what the
-- command line says of each state of them. The script opens the chain, then asserts the
-- diagnostics, a base changed under its open child, a hover, a completion, and a code action
-- applied; it writes what it saw to RESULT and leaves with status 0, or 1 and the failure.

local spec = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv("SPEC")), "\n"))
local seen = { steps = {} }
local published = {}

local function fail(message)
  error(message, 0)
end

local function check(condition, message)
  if not condition then fail(message) end
end

-- Every publish, kept by URI as the server sent it, counted, before Neovim shows it.
local show = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  local entry = published[result.uri] or { count = 0 }
  entry.count = entry.count + 1
  entry.diagnostics = result.diagnostics
  published[result.uri] = entry
  return show(err, result, ctx, config)
end

local function count(buf)
  local entry = published[vim.uri_from_bufnr(buf)]
  return entry and entry.count or 0
end

-- Waits until the server has published for `buf` more than `before` times; the diagnostics it sent last.
local function wait_published(buf, before, what)
  check(vim.wait(20000, function() return count(buf) > before end, 20), "no diagnostics published for " .. what)
  return published[vim.uri_from_bufnr(buf)].diagnostics
end

local function messages(diagnostics)
  local out = {}
  for _, d in ipairs(diagnostics) do table.insert(out, d.message) end
  table.sort(out)
  return out
end

local function same(a, b)
  return vim.inspect(a) == vim.inspect(b)
end

-- Waits until the server has published for `buf` since `before`, and Neovim shows the
-- messages the command line gives (`expected`); the diagnostics the server sent last.
local function expect_messages(buf, before, expected, what)
  local wanted = vim.deepcopy(expected)
  table.sort(wanted)
  local shown
  local arrived = vim.wait(20000, function()
    shown = messages(vim.diagnostic.get(buf))
    return count(buf) > before and same(shown, wanted)
  end, 20)
  check(arrived, what .. ": Neovim shows " .. vim.inspect(shown) .. ", the command line says " .. vim.inspect(wanted))
  table.insert(seen.steps, { step = what, messages = shown })
  return published[vim.uri_from_bufnr(buf)].diagnostics
end

local function load(file)
  local buf = vim.fn.bufadd(file)
  vim.fn.bufload(buf)
  return buf
end

local function set_text(buf, text)
  local lines = vim.split(text, "\n", { plain = true })
  if lines[#lines] == "" then table.remove(lines) end
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
end

local function buffer_text(buf)
  return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n") .. "\n"
end

local function request(buf, method, params)
  local responses = vim.lsp.buf_request_sync(buf, method, params, 20000)
  check(responses ~= nil, method .. ": no answer")
  for _, response in pairs(responses) do
    check(response.err == nil, method .. ": " .. vim.inspect(response.err))
    return response.result
  end
  fail(method .. ": no client answered")
end

local function run()
  local client = vim.lsp.start_client({ name = "burn-dragon-schema", cmd = spec.command, cmd_cwd = spec.dir, root_dir = spec.dir })
  check(client ~= nil, "the server did not start")

  -- 1. The child, open: it relies on its base, and shows what the command line says of it (nothing).
  local child = load(spec.child)
  vim.api.nvim_set_current_buf(child)
  local before = count(child)
  vim.lsp.buf_attach_client(child, client)
  expect_messages(child, before, spec.states.relies, "the child relying on its base")

  -- 2. The base, open and changed, unsaved: the change shows up in the open child.
  local base = load(spec.base)
  vim.lsp.buf_attach_client(base, client)
  check(vim.wait(20000, function() return count(base) > 0 end, 20), "no diagnostics published for the base")
  before = count(child)
  set_text(base, spec.texts.base_broken)
  expect_messages(child, before, spec.states.base_broken, "the child after its base changed")
  before = count(child)
  set_text(base, spec.texts.base)
  expect_messages(child, before, spec.states.relies, "the child after its base changed back")

  -- 3. Hover over the child's key: the value and the file, line and column that set it.
  local hover = request(child, "textDocument/hover", { textDocument = { uri = vim.uri_from_bufnr(child) }, position = spec.hover.position })
  check(hover ~= nil, "no hover")
  local hovered = type(hover.contents) == "table" and hover.contents.value or hover.contents
  check(hovered:find(spec.hover.contains, 1, true) ~= nil, "the hover says " .. hovered .. ", not " .. spec.hover.contains)
  seen.hover = hovered

  -- 4. Completion of a value, with the values the schema lists.
  before = count(child)
  set_text(child, spec.texts.completing)
  wait_published(child, before, "the child being typed")
  local completion = request(child, "textDocument/completion", { textDocument = { uri = vim.uri_from_bufnr(child) }, position = spec.completion.position })
  local items = completion.items or completion
  local labels = {}
  for _, item in ipairs(items) do table.insert(labels, item.label) end
  check(same(labels, spec.completion.labels), "completion offers " .. vim.inspect(labels) .. ", not " .. vim.inspect(spec.completion.labels))
  seen.completion = labels

  -- 5. A misspelt variant: its quick fix, applied, and the diagnostic is gone.
  before = count(child)
  set_text(child, spec.texts.misspelt)
  local sent = expect_messages(child, before, spec.states.misspelt, "the child with a misspelt variant")
  local actions = request(child, "textDocument/codeAction", {
    textDocument = { uri = vim.uri_from_bufnr(child) },
    range = sent[1].range,
    context = { diagnostics = sent },
  })
  check(actions ~= nil and #actions == 1, "code actions: " .. vim.inspect(actions))
  check(actions[1].isPreferred == true, "the fix is not marked preferred")
  before = count(child)
  vim.lsp.util.apply_workspace_edit(actions[1].edit, "utf-16")
  expect_messages(child, before, spec.states.relies_fixed, "the child once the fix is applied")
  seen.fixed = buffer_text(child)
  check(seen.fixed == spec.texts.fixed, "the fixed text is " .. vim.inspect(seen.fixed))

  vim.lsp.stop_client(client)
  check(vim.wait(10000, function() return vim.lsp.get_client_by_id(client) == nil end, 20), "the server did not stop")
end

local ok, err = pcall(run)
seen.ok = ok
seen.error = ok and vim.NIL or tostring(err)
vim.fn.writefile({ vim.fn.json_encode(seen) }, os.getenv("RESULT"))
vim.cmd(ok and "qall!" or "cquit! 1")
