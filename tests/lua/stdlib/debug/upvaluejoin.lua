-- debug.upvaluejoin: the joined slot shares the other closure's cell (open or closed), other closures keep the old cell, upvalueid follows, and lua5.4's argument errors.
local a, b = 1, 2
local function fa() return a end
local function fa2() return a end
local function fb() return b end
local function setb(v) b = v end
print(fa(), fb(), debug.upvalueid(fa, 1) == debug.upvalueid(fb, 1))
debug.upvaluejoin(fa, 1, fb, 1)
print(fa(), fa2(), fb(), debug.upvalueid(fa, 1) == debug.upvalueid(fb, 1), debug.upvalueid(fa, 1) == debug.upvalueid(fa2, 1))
b = 20
print(fa(), fb(), a)
setb(30)
print(fa(), fb(), b, a)
a = 5
print(fa(), fa2())
-- join with a closed upvalue
local function mk(v) return function() return v end, function(x) v = x end end
local g, sg = mk("g")
local h, sh = mk("h")
debug.upvaluejoin(g, 1, h, 1)
print(g(), h())
sh("H2")
print(g(), h())
sg("G2")
print(g(), h())
print(debug.getupvalue(g, 1))
-- join the same slot with itself
debug.upvaluejoin(g, 1, g, 1)
print(g())
-- errors
print(pcall(debug.upvaluejoin, fa, 2, fb, 1))
print(pcall(debug.upvaluejoin, fa, 1, fb, 0))
print(pcall(debug.upvaluejoin, print, 1, fb, 1))
print(pcall(debug.upvaluejoin, fa, 1, string.gmatch("a", "a"), 1))
print(pcall(debug.upvaluejoin, 1, 1, fb, 1))
print(pcall(debug.upvaluejoin, fa, "x", fb, 1))
print(pcall(debug.upvaluejoin, fa, 1, fb))
print(pcall(debug.upvaluejoin, fa, 1.5, fb, 1))
print(pcall(debug.upvaluejoin))
print(select('#', debug.upvaluejoin(fa, 1, fb, 1)))
