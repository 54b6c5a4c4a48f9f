-- %p and tostring of native functions: an address that is the function's identity.
local function p(v) return string.format("%p", v) end
print(p(print) == p(print), p(print) ~= p(type), p(string.format) == p(("").format))
print(tostring(print):match("^function: 0x%x+$") ~= nil)
print(tostring(print) == "function: " .. p(print))
print(tostring(print) == tostring(_G.print), tostring(print) ~= tostring(tostring))
print(p(table.insert) == p(require("table").insert))
print(math.atan == math.atan2, p(math.atan) == p(math.atan2))
