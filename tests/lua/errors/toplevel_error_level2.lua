-- An uncaught error with level 2 from a function.
local function validate(x)
  if type(x) ~= "number" then error("number expected", 2) end
end
validate(1)
validate("one")
