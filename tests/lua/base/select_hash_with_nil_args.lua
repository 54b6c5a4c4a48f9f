-- select('#') with trailing nils from a call.
local function f() return nil, nil, nil end
print(select("#", f()), select("#", (f())), select("#", f(), f()))
