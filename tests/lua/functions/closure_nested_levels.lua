-- Upvalues through several levels of nesting.
local function l1()
  local a = 1
  return function()
    local b = 2
    return function()
      a = a + 10
      return a + b
    end
  end
end
local f = l1()()
print(f(), f())
