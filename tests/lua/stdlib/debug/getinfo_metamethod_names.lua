-- Functions called as metamethods are named after the event.
local function who() local i = debug.getinfo(2, "n") return tostring(i.name) .. "/" .. i.namewhat end
local log = {}
local mt = {}
for _, ev in ipairs({"__index", "__newindex", "__add", "__sub", "__mul", "__div", "__mod", "__pow",
                     "__unm", "__idiv", "__band", "__bor", "__bxor", "__shl", "__shr", "__bnot",
                     "__concat", "__len", "__eq", "__lt", "__le", "__call"}) do
  mt[ev] = function() log[#log + 1] = ev .. "=" .. who() return 1 end
end
local a = setmetatable({}, mt)
local b = setmetatable({}, mt)
local _ = a.x
a.y = 1
_ = a + 1; _ = a - 1; _ = a * 1; _ = a / 1; _ = a % 1; _ = a ^ 1
_ = -a; _ = a // 1; _ = a & 1; _ = a | 1; _ = a ~ 1; _ = a << 1; _ = a >> 1; _ = ~a
_ = a .. "s"; _ = #a; _ = a == b; _ = a < b; _ = a <= b; _ = a()
for _, l in ipairs(log) do print(l) end
do
  local c <close> = setmetatable({}, {__close = function() print("close=" .. who()) end})
end
for k in function(s, c) if not c then print("iter=" .. who()) return 1 end end do end
