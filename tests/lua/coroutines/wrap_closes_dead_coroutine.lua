-- coroutine.wrap closes a coroutine its error killed: pending __close handlers run (innermost
-- first, each seeing the current error) before the error reaches the caller.
local function closer(name)
  return setmetatable({}, {__close = function(_, e)
    print("close", name, type(e) == "table" and rawget(e, 1) or e)
  end})
end

local w = coroutine.wrap(function()
  local a <close> = closer("a")
  local b <close> = closer("b")
  coroutine.yield("first")
  error("boom")
end)
print(w())
print(pcall(w))
print(pcall(w))

-- A non-string error object travels unchanged.
local obj = setmetatable({}, {__tostring = function() return "obj" end})
local w2 = coroutine.wrap(function()
  local c <close> = closer("c")
  error(obj)
end)
local ok, e = pcall(w2)
print(ok, e == obj)

-- An error in a __close replaces the error for the handlers still to run and for the caller.
local w3 = coroutine.wrap(function()
  local d <close> = closer("d")
  local f <close> = setmetatable({}, {__close = function() error({"table from close"}) end})
  error("original")
end)
local ok3, e3 = pcall(w3)
print(ok3, type(e3), e3[1])

-- Errors from deeper calls, and variables in several frames.
local function inner()
  local g <close> = closer("g")
  local x = nil
  return x.field
end
local w4 = coroutine.wrap(function()
  local h <close> = closer("h")
  inner()
end)
print(pcall(w4))

-- Without pending variables the error is unchanged, and a finished coroutine is not closed.
local w5 = coroutine.wrap(function() error("plain", 0) end)
print(pcall(w5))
local w6 = coroutine.wrap(function() local i <close> = closer("i") return "done" end)
print(w6())
print(pcall(w6))
