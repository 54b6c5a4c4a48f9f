-- arithmetic on non-numeric strings: the string metamethods' messages for every operator
local ops = {
  add = function(a, b) return a + b end, sub = function(a, b) return a - b end,
  mul = function(a, b) return a * b end, div = function(a, b) return a / b end,
  mod = function(a, b) return a % b end, pow = function(a, b) return a ^ b end,
  idiv = function(a, b) return a // b end, unm = function(a) return -a end,
}
local order = {"add", "sub", "mul", "div", "mod", "pow", "idiv", "unm"}
for _, name in ipairs(order) do
  local f = ops[name]
  print(name, pcall(f, "abc", 1))
  print(name, pcall(f, 1, "abc"))
  print(name, pcall(f, "x", "y"))
  print(name, pcall(f, "1", "y"))
  print(name, pcall(f, "abc", {}))
  print(name, pcall(f, {}, "abc"))
  print(name, pcall(f, "abc", nil))
  print(name, pcall(f, true, "1"))
end
print(pcall(function() return "1\0" + 1 end))
print(pcall(function() return "" + 1 end))
print(pcall(function() return "0x" + 1 end))
