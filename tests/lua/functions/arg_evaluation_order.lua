-- Arguments are evaluated left to right before the call.
local log = ""
local function a(x) log = log .. x; return x end
local function f(...) return select("#", ...) end
print(f(a("1"), a("2"), a("3")), log)
