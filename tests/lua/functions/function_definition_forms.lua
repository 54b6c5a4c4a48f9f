-- function statements assign to globals, fields and methods.
function gfun() return "global" end
local t = {inner = {}}
function t.inner.f() return "field" end
function t.inner:m() return self == t.inner end
print(gfun(), t.inner.f(), t.inner:m())
