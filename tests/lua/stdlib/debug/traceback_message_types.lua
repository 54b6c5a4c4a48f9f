-- Non-string messages come back unchanged; numbers become strings.
local t = {}
print(debug.traceback(t) == t)
print(debug.traceback(print) == print)
print(debug.traceback(true))
print(debug.traceback(false))
print(debug.traceback(12))
print(debug.traceback(1.5))
print(math.type(debug.traceback(12)) == nil, type(debug.traceback(12)))
print(select("#", debug.traceback(t)))
print(debug.traceback(t, "x") == t)
print(pcall(debug.traceback, "m", "x"))
print(pcall(debug.traceback, "m", 1.5))
print(debug.traceback("m", "2"))
