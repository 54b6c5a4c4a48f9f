-- getinfo on another thread: levels of a suspended coroutine.
local co = coroutine.create(function(a)
  local function inner(b)
    coroutine.yield(b)
  end
  inner(a)
end)
print(debug.getinfo(co, 0))
coroutine.resume(co, 1)
for level = 0, 3 do
  local i = debug.getinfo(co, level, "Sln")
  if i then
    print(level, i.what, i.currentline, i.name, i.namewhat, i.linedefined)
  else
    print(level, nil)
  end
end
print(debug.getinfo(co, 1, "f").func ~= nil)
print(pcall(debug.getinfo, co))
print(pcall(debug.getinfo, co, "x"))
print(pcall(debug.getinfo, co, 1, "?"))
print(debug.getinfo(co, print).what)
coroutine.resume(co)
print(coroutine.status(co), debug.getinfo(co, 0))
