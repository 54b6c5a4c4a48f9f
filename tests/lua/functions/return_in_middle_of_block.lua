-- return inside do/if blocks leaves the function.
local function f(x)
  do
    if x then return "early" end
  end
  return "late"
end
print(f(true), f(false))
