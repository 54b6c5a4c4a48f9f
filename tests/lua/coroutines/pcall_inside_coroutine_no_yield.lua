-- pcall and error inside coroutines without yields.
local co = coroutine.create(function()
  local ok, e = pcall(error, "caught")
  return ok, e, "continues"
end)
print(coroutine.resume(co))
