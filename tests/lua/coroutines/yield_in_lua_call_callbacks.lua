-- Yields inside callbacks that lua5.4 makes with lua_call fail; __pairs and pcall allow them.
local function try(name, f)
  local co = coroutine.create(f)
  print(name, coroutine.resume(co))
end
local Y = function() coroutine.yield("y") return "s" end
local ts = setmetatable({}, {__tostring = Y})
try("tostring", function() return tostring(ts) end)
try("print", function() print(ts) end)
local ix = setmetatable({}, {__index = function() coroutine.yield("y") end})
try("ipairs", function() for _ in ipairs(ix) do end return "done" end)
try("load", function() return load(function() coroutine.yield("y") end) end)
try("sort", function() table.sort({3, 2, 1}, function(a, b) coroutine.yield("y") return a < b end) end)
local nx = setmetatable({}, {__newindex = function() coroutine.yield("y") end})
try("insert", function() table.insert(nx, 1) end)
try("concat", function() return table.concat(ix, ",", 1, 2) end)
try("unpack", function() return table.unpack(ix, 1, 2) end)
try("pairs", function()
  local p = setmetatable({}, {__pairs = function(t) coroutine.yield("in pairs") return next, {}, nil end})
  for _ in pairs(p) do end
  return "pairs done"
end)
try("pcall", function() return pcall(coroutine.yield, "in pcall") end)
local co = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function() coroutine.yield("in close") end})
  coroutine.yield("first")
end)
print(coroutine.resume(co))
try("close", function() return coroutine.close(co) end)
package.preload.m = function() coroutine.yield("y") return 1 end
print(coroutine.resume(coroutine.create(function() return require("m") end)))
table.insert(package.searchers, 1, function() coroutine.yield("s") end)
print(coroutine.resume(coroutine.create(function() return require("zz") end)))
-- Message handlers cannot yield either: the failure is an error in error handling.
try("handler", function()
  return xpcall(function() error("E") end, function(m) coroutine.yield("in handler") return "H" end)
end)
try("native handler", function() return xpcall(error, coroutine.yield, "E") end)
