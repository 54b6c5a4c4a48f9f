-- How tracebacks name functions: globals, library fields, locals, upvalues, methods.
local function show() print(debug.traceback("names", 1)) end
function gfun() show() end
gfun()
local obj = {}
function obj:m() show() end
obj:m()
local up = show
local function useup() up() end
useup()
pcall(show)
local co = coroutine.wrap(function() show() end)
co()
table.sort({3, 2, 1}, function(a, b) if a == 3 and b then show() end return a < b end)
for _ in function() show() end do end
local mt = setmetatable({}, {__index = function() show() end})
local _ = mt.x
