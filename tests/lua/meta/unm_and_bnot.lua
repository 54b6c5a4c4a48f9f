-- __unm and __bnot receive the operand twice; only one result is kept.
local function describe(name)
  return function(a, b)
    return name .. " args=" .. select("#", a, b) .. " same=" .. tostring(rawequal(a, b)), "dropped"
  end
end
local t = setmetatable({}, {__unm = describe("unm"), __bnot = describe("bnot")})
print(-t, ~t)
print(select("#", -t))
