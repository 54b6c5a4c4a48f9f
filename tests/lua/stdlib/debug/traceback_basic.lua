-- traceback from nested calls, with messages and levels.
local function lvl3() print(debug.traceback("deep")) end
local function lvl2() lvl3() end
function lvl1() lvl2() end
lvl1()
print(debug.traceback())
print(debug.traceback("m", 0))
print(debug.traceback("m", 1))
print(debug.traceback("m", 2))
print(debug.traceback("m", 3))
print(debug.traceback("m", 50))
print(debug.traceback("m", -1))
print(debug.traceback(nil, 1))
print(debug.traceback(""))
print(debug.traceback("line1\nline2"))
local t = {}
function t.fn() return debug.traceback("in field") end
print(t.fn())
function t:meth() return debug.traceback("in method") end
print(t:meth())
