-- Only nil and false are false in conditions.
for _, v in ipairs({0, "", false, true, {}, 0.0}) do
  if v then print(type(v), "truthy") else print(type(v), "falsy") end
end
if nil then print("nil truthy") else print("nil falsy") end
