-- Left-associative chains have no length limit in lua5.4: 131072-link chains of
-- `+`, `.`, `[k]`, calls and method calls load and run (`or`/`and` chains: 4096 links, as
-- lua5.4 joins their jump lists in quadratic time).
local function rep(s, doublings)
  for _ = 1, doublings do s = s .. s end
  return s
end
local env = {a = 1, x = false, y = 7}
env.t = {}
env.t.b = env.t
env.t[1] = env.t
function env.f() return env.f end
env.o = {m = function(self) return self end}
local function run(what, src)
  local f, err = load(src, "=chain", "t", env)
  if not f then print(what, err) return end
  local ok, v = pcall(f)
  print(what, ok, v == nil and "nil" or type(v) == "number" and v or type(v))
end
run("sum", "return a" .. rep("+a", 17))
run("fields", "return t" .. rep(".b", 17))
run("index", "return t" .. rep("[1]", 17))
run("calls", "return f" .. rep("()", 17))
run("methods", "return o" .. rep(":m()", 17))
run("ors", "return x" .. rep(" or x", 12) .. " or y")
run("ands", "return y" .. rep(" and y", 12))
run("mixed", "return -a" .. rep(" * a - a", 16))
