-- Functions entered by tail calls have no name and are marked in tracebacks.
local function a()
  print(debug.traceback("tb"))
  local i = debug.getinfo(1, "nt")
  print(i.name, i.namewhat, i.istailcall)
  return 1
end
local function b() return a() end
local function c() return b() end
b()
c()
local function d() return (a()) end
d()
print(debug.getinfo(1, "t").istailcall)
local function rec(n) if n == 0 then return debug.traceback("rec") end return rec(n - 1) end
print(rec(3))
local function viapcall() return pcall(a) end
print(viapcall())
local co = coroutine.create(function() local function y() coroutine.yield() end return y() end)
coroutine.resume(co)
print(debug.traceback(co))
print(debug.getinfo(co, 1, "t").istailcall)
