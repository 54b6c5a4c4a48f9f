-- select('#') counts all arguments, including trailing nils.
print(select("#"), select("#", nil), select("#", nil, nil), select("#", 1, nil, 3))
local function count(...) return select("#", ...) end
print(count(), count(nil), count(1, 2, 3), count(nil, nil, nil, nil))
