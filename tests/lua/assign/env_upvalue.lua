-- Functions see _ENV as an upvalue.
local function make()
  local _ENV = {val = 42}
  return function() return val end
end
print(make()())
local f = load("return who", "chunk", "t", {who = "loaded env"})
print(f())
